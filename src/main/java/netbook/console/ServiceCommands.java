package netbook.console;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netbook.NetbookException;
import netbook.engine.PortBinding;
import netbook.engine.ServiceInfo;
import netbook.engine.ServiceTask;
import netbook.lab.Lab;
import netbook.lab.RunOption;
import netbook.lab.Service;
import netbook.lab.Swarm;
import netbook.render.TabWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code docker service create|ls|ps|scale|rm}, on the session's swarm (the console sends them to
 * the manager): the lab's {@link Service}, so the image goes into every node first and {@code
 * create} and {@code scale} wait until the tasks run.
 */
final class ServiceCommands {
  private ServiceCommands() {}

  static Swarm swarm(CommandContext ctx) {
    return ctx.console()
        .swarm()
        .orElseThrow(
            () ->
                new NetbookException(
                    "this session has no swarm: swarm(3) makes one (docker service … runs on its"
                        + " manager)"));
  }

  @Command(
      name = "service",
      subcommands = {Create.class, Ls.class, Ps.class, Scale.class, Rm.class})
  static final class Group extends CommandGroup {
    Group(CommandContext ctx) {
      super(ctx);
    }
  }

  @Command(name = "create")
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--replicas")
    int replicas = 1;

    @Option(names = "--network")
    List<String> networks = new ArrayList<>();

    @Option(names = {"-p", "--publish"})
    List<String> publish = new ArrayList<>();

    @Option(names = "--endpoint-mode")
    String endpointMode = "vip";

    @Option(names = {"-d", "--detach"})
    boolean detach;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    private final CommandContext ctx;

    Create(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      List<RunOption> options = new ArrayList<>();
      options.add(Lab.replicas(replicas));
      networks.forEach(n -> options.add(Lab.network(n)));
      for (String p : publish) {
        String[] hc = p.split(":");
        if (hc.length != 2) {
          throw new NetbookException(
              "-p " + p + ": netbook's service ports are PUBLISHED:TARGET, e.g. -p 8080:80");
        }
        options.add(Lab.publish(Integer.parseInt(hc[0]), Integer.parseInt(hc[1])));
      }
      if (!endpointMode.equals("vip")) {
        options.add(Lab.endpointMode(endpointMode));
      }
      Service s = swarm(ctx).service(name, image, options.toArray(RunOption[]::new));
      ctx.out().line(s.info().id());
      return 0;
    }
  }

  @Command(
      name = "ls",
      aliases = {"list"})
  static final class Ls implements Callable<Integer> {
    private final CommandContext ctx;

    Ls(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      TabWriter t = new TabWriter().row("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS");
      for (ServiceInfo s : ctx.session().engine().services()) {
        long running =
            ctx.session().engine().tasks(s.name()).stream().filter(ServiceTask::running).count();
        List<String> ports = new ArrayList<>();
        for (PortBinding p : s.ports()) {
          ports.add("*:" + p.hostPort() + "->" + p.containerPort() + "/" + p.protocol());
        }
        t.row(
            s.id().substring(0, Math.min(12, s.id().length())),
            s.name(),
            "replicated",
            running + "/" + s.replicas(),
            s.image(),
            String.join(", ", ports));
      }
      ctx.out().text(t.toString());
      return 0;
    }
  }

  @Command(name = "ps")
  static final class Ps implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    private final CommandContext ctx;

    Ps(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      TabWriter t =
          new TabWriter().row("ID", "NAME", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR");
      for (ServiceTask task : ctx.session().engine().tasks(service)) {
        t.row(
            task.id().substring(0, Math.min(12, task.id().length())),
            task.name(),
            task.node(),
            cap(task.desiredState()),
            cap(task.state()),
            task.error());
      }
      ctx.out().text(t.toString());
      return 0;
    }

    private static String cap(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }

  @Command(name = "scale")
  static final class Scale implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SERVICE=REPLICAS")
    String scale;

    private final CommandContext ctx;

    Scale(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      String[] nr = scale.split("=");
      if (nr.length != 2 || !nr[1].matches("\\d+")) {
        throw new NetbookException(
            scale + ": docker service scale takes SERVICE=REPLICAS, e.g. web=2");
      }
      swarm(ctx).service(nr[0]).scale(Integer.parseInt(nr[1]));
      ctx.out().line(nr[0] + " scaled to " + nr[1]);
      return 0;
    }
  }

  @Command(name = "rm")
  static final class Rm implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    private final CommandContext ctx;

    Rm(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      for (String s : services) {
        swarm(ctx).service(s).remove();
        ctx.out().line(s);
      }
      return 0;
    }
  }
}
