package netbook.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import netbook.engine.ContainerInfo;
import netbook.engine.EngineException;
import netbook.engine.ExecResult;
import netbook.lab.Ownership;
import netbook.lab.Session;
import netbook.render.DockerTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The container commands: ps, stop, start, restart, kill, rm, logs, exec, attach. */
final class ContainerCommands {
  /** The shells whose {@code exec -it X sh} opens an interactive prompt in X. */
  static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash");

  private ContainerCommands() {}

  /** {@code docker container …}: the same commands under Docker's management-command name. */
  @Command(
      name = "container",
      subcommands = {
        RunCommand.class,
        Ps.class,
        Stop.class,
        Start.class,
        Restart.class,
        Kill.class,
        Rm.class,
        Logs.class,
        Exec.class,
        Attach.class,
        InspectCommand.class
      })
  static final class Group extends CommandGroup {
    Group(CommandContext ctx) {
      super(ctx);
    }
  }

  @Command(
      name = "ps",
      aliases = {"ls", "list"})
  static final class Ps implements Callable<Integer> {
    @Option(names = {"-a", "--all"})
    boolean all;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Option(
        names = "--all-sessions",
        description = "list every container of the engine, not only this session's")
    boolean allSessions;

    private final CommandContext ctx;

    Ps(CommandContext ctx) {
      this.ctx = ctx;
    }

    /** The containers this listing shows, newest first as docker lists them. */
    List<ContainerInfo> listed() {
      List<ContainerInfo> list =
          allSessions ? ctx.session().engine().containers(all) : ctx.targets().ownContainers(all);
      List<ContainerInfo> sorted = new ArrayList<>(list);
      sorted.sort(
          (a, b) ->
              b.created() == null || a.created() == null ? 0 : b.created().compareTo(a.created()));
      return sorted;
    }

    @Override
    public Integer call() {
      List<ContainerInfo> list = listed();
      if (quiet) {
        list.forEach(c -> ctx.out().line(c.shortId()));
      } else {
        ctx.out().text(DockerTables.containers(asNamed(list), Instant.now()));
      }
      if (!allSessions) {
        ctx.console()
            .noteOnce(
                ctx.out(),
                "ps",
                "docker ps lists this netbook session's containers only (--all-sessions lists"
                    + " every container)");
      }
      return 0;
    }
  }

  /** Shows each container's image as its command line named it (ubuntu, not the lab image). */
  static List<ContainerInfo> asNamed(List<ContainerInfo> list) {
    return list.stream().map(Session::asNamed).toList();
  }

  /** Runs an action on each named container, printing the name as docker does. */
  abstract static class EachContainer implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers = new ArrayList<>();

    @Option(
        names = "--adopt",
        description = "allow this change to a container or network netbook did not create")
    boolean adopt;

    final CommandContext ctx;

    EachContainer(CommandContext ctx) {
      this.ctx = ctx;
    }

    abstract void apply(ContainerInfo c);

    abstract String verb();

    @Override
    public Integer call() {
      int code = 0;
      for (String ref : containers) {
        try {
          apply(ctx.targets().ownedContainer(ref, verb(), adopt));
          ctx.out().line(ref);
        } catch (EngineException | Ownership.Refused e) {
          ctx.out().line(DockerCli.errorLine(e));
          code = 1;
        }
      }
      return code;
    }
  }

  @Command(name = "stop")
  static final class Stop extends EachContainer {
    @Option(
        names = {"-t", "--time"},
        description = "seconds to wait before killing (default 1: lesson shells ignore SIGTERM)")
    int seconds = 1;

    Stop(CommandContext ctx) {
      super(ctx);
    }

    @Override
    void apply(ContainerInfo c) {
      ctx.session().engine().stop(c.id(), Duration.ofSeconds(seconds));
    }

    @Override
    String verb() {
      return "stop";
    }
  }

  @Command(name = "start")
  static final class Start extends EachContainer {
    @Option(names = {"-a", "--attach"})
    boolean attach;

    @Option(names = {"-i", "--interactive"})
    boolean interactive;

    Start(CommandContext ctx) {
      super(ctx);
    }

    @Override
    void apply(ContainerInfo c) {
      ctx.session().engine().start(c.id());
      if (attach && interactive) {
        ctx.console().attach(c.id(), true);
      }
    }

    @Override
    String verb() {
      return "start";
    }
  }

  @Command(name = "restart")
  static final class Restart extends EachContainer {
    Restart(CommandContext ctx) {
      super(ctx);
    }

    @Override
    void apply(ContainerInfo c) {
      ctx.session().engine().stop(c.id(), Duration.ofSeconds(1));
      ctx.session().engine().start(c.id());
    }

    @Override
    String verb() {
      return "restart";
    }
  }

  @Command(name = "kill")
  static final class Kill extends EachContainer {
    Kill(CommandContext ctx) {
      super(ctx);
    }

    @Override
    void apply(ContainerInfo c) {
      ctx.session().engine().kill(c.id());
    }

    @Override
    String verb() {
      return "kill";
    }
  }

  @Command(name = "rm")
  static final class Rm extends EachContainer {
    @Option(names = {"-f", "--force"})
    boolean force;

    Rm(CommandContext ctx) {
      super(ctx);
    }

    @Override
    void apply(ContainerInfo c) {
      if (c.running() && !force) {
        throw new EngineException(
            409,
            "You cannot remove a running container "
                + c.id()
                + ". Stop the container before attempting removal or force remove");
      }
      ctx.session().forgetHelper(c.id());
      ctx.session().engine().removeContainer(c.id(), force);
      ctx.console().detachIf(c.id());
    }

    @Override
    String verb() {
      return "remove";
    }
  }

  @Command(name = "logs")
  static final class Logs implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    private final CommandContext ctx;

    Logs(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      ctx.out().text(ctx.session().engine().logs(ctx.targets().container(container).id()));
      return 0;
    }
  }

  @Command(name = "exec")
  static final class Exec implements Callable<Integer> {
    @Option(names = {"-i", "--interactive"})
    boolean interactive;

    @Option(names = {"-t", "--tty"})
    boolean tty;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();

    @Option(
        names = "--adopt",
        description = "allow this change to a container or network netbook did not create")
    boolean adopt;

    private final CommandContext ctx;

    Exec(CommandContext ctx) {
      this.ctx = ctx;
    }

    /** {@code exec -it X sh}: an interactive shell, which the console treats as an attach. */
    boolean opensShell() {
      return interactive && command.size() == 1 && SHELLS.contains(command.get(0));
    }

    @Override
    public Integer call() {
      ContainerInfo c = ctx.targets().ownedContainer(container, "run commands in", adopt);
      if (!c.running()) {
        throw new EngineException(409, "Container " + c.id() + " is not running");
      }
      if (opensShell()) {
        ctx.console().attach(c.id(), false);
        ctx.out()
            .note(
                "shell open in "
                    + c.name()
                    + ": container prompt lines run inside it until exit or a new $ line");
        return 0;
      }
      ExecResult r = ctx.session().container(c.id()).exec(command.toArray(String[]::new));
      ctx.out().text(r.output());
      return r.exitCode();
    }
  }

  @Command(name = "attach")
  static final class Attach implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Option(
        names = "--adopt",
        description = "allow this change to a container or network netbook did not create")
    boolean adopt;

    private final CommandContext ctx;

    Attach(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      ContainerInfo c = ctx.targets().ownedContainer(container, "attach to", adopt);
      if (!c.running()) {
        throw new EngineException(409, "You cannot attach to a stopped container, start it first");
      }
      ctx.console().attach(c.id(), true);
      ctx.out()
          .note(
              "attached to "
                  + c.name()
                  + ": container prompt lines run inside it until CTRL-p CTRL-q");
      return 0;
    }
  }
}
