package netbook.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.PortBinding;
import netbook.lab.Checks;
import netbook.lab.Dialect;
import netbook.lab.LabImages;
import netbook.lab.Session;
import netbook.lab.StartedContainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code docker run} (and {@code docker container run}). Detached runs print the full id; {@code
 * -it} without {@code -d} attaches the console to the new container; a plain foreground run starts
 * the container, shows its first logs and returns instead of following them.
 */
@Command(name = "run")
final class RunCommand implements Callable<Integer> {
  /** How long a foreground run waits for its container to finish before showing first logs. */
  static final Duration FOREGROUND_WAIT = Duration.ofSeconds(3);

  /** What the note on a foreground server says (transcripts recognise it). */
  static final String FIRST_LOGS = "netbook shows its first logs";

  @Option(names = {"-d", "--detach"})
  boolean detach;

  @Option(names = {"-i", "--interactive"})
  boolean interactive;

  @Option(names = {"-t", "--tty"})
  boolean tty;

  @Option(names = "--rm")
  boolean rm;

  @Option(names = "--name")
  String name = "";

  @Option(names = {"--network", "--net"})
  String network = "";

  @Option(names = {"--network-alias", "--net-alias"})
  List<String> aliases = new ArrayList<>();

  @Option(names = "--ip")
  String ip = "";

  @Option(names = {"-p", "--publish"})
  List<String> publish = new ArrayList<>();

  @Option(names = {"-e", "--env"})
  List<String> env = new ArrayList<>();

  @Option(names = {"-h", "--hostname"})
  String hostname = "";

  @Option(names = "--dns")
  List<String> dns = new ArrayList<>();

  @Option(
      names = "--adopt",
      description = "allow joining a network (or container namespace) netbook did not create")
  boolean adopt;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND")
  List<String> command = new ArrayList<>();

  private final CommandContext ctx;

  RunCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** The container these flags describe (image as written; labels and aliases come later). */
  ContainerSpec spec() {
    ContainerSpec.Builder b =
        ContainerSpec.builder(image)
            .name(name)
            .network(network)
            .hostname(hostname)
            .ipv4(ip)
            .cmd(command)
            .tty(tty)
            .openStdin(interactive)
            .autoRemove(rm && detach);
    aliases.forEach(b::alias);
    dns.forEach(b::dns);
    for (String p : publish) {
      b.port(port(p, ctx == null ? line -> {} : ctx.out()::note));
    }
    for (String e : env) {
      int eq = e.indexOf('=');
      b.env(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
    }
    return b.build();
  }

  /**
   * {@code 80}, {@code 8080:80}, {@code 127.0.0.1:8080:80}, {@code [::1]:8080:80}, each with an
   * optional /udp. The host address and ports are checked as the Java API checks them ({@link
   * Checks}): an address that is not one is refused, never widened to all interfaces.
   */
  static PortBinding port(String p, Consumer<String> notices) {
    String proto = "tcp";
    String s = p;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      proto = s.substring(slash + 1);
      s = s.substring(0, slash);
    }
    String host = null;
    if (s.startsWith("[")) { // an IPv6 address, as docker writes it
      int close = s.indexOf("]:");
      if (close < 0) {
        throw badSpec(p);
      }
      host = s.substring(0, close + 1);
      s = s.substring(close + 2);
    }
    String[] parts = s.split(":", -1);
    if (host != null && parts.length != 2) {
      throw badSpec(p);
    }
    int hostPort;
    int containerPort;
    try {
      switch (parts.length) {
        case 1 -> {
          hostPort = 0;
          containerPort = Integer.parseInt(parts[0]);
        }
        case 2 -> {
          hostPort = parts[0].isEmpty() ? 0 : Integer.parseInt(parts[0]);
          containerPort = Integer.parseInt(parts[1]);
        }
        case 3 -> {
          host = parts[0];
          hostPort = parts[1].isEmpty() ? 0 : Integer.parseInt(parts[1]);
          containerPort = Integer.parseInt(parts[2]);
        }
        default -> throw badSpec(p);
      }
    } catch (NumberFormatException e) {
      throw badSpec(p);
    }
    return new PortBinding(
        Checks.hostAddress(host, notices),
        Checks.port(hostPort, "host port"),
        Checks.port(containerPort, "container port"),
        proto);
  }

  private static NetbookException badSpec(String p) {
    return new NetbookException(
        "invalid publish spec " + p + ": write it as HOSTPORT:CONTAINERPORT, e.g. -p 8080:80");
  }

  /** Whether this run, in a terminal, would leave the user typing into the container's shell. */
  boolean interactiveShell() {
    return interactive && tty && !detach;
  }

  /** {@code --adopt}: the user allows joining the network (or namespace) netbook did not create. */
  private void adoptNetwork() {
    if (network.startsWith("container:")) {
      ctx.targets()
          .findContainer(network.substring("container:".length()))
          .ifPresent(c -> ctx.session().ownership().adopt(c));
    } else if (!network.isEmpty()) {
      ctx.targets().findNetwork(network).ifPresent(n -> ctx.session().ownership().adopt(n));
    }
  }

  @Override
  public Integer call() {
    ContainerSpec spec = spec();
    if (!detach && rm) {
      // read the logs before removing, instead of racing Docker's auto-remove
      spec = spec.toBuilder().autoRemove(false).build();
    }
    // docker ps shows the image as this line named it, whichever image plays it
    spec = spec.toBuilder().label(Session.LABEL_IMAGE, image).build();
    if (adopt) {
      adoptNetwork();
    }
    StartedContainer started = ctx.session().run(spec, Dialect.CLI);
    String id = started.id();
    if (!started.image().equals(image) && LabImages.aliasFor(image).isPresent()) {
      ctx.out().note(image + " is played by the lab image " + started.image());
    }
    if (detach) {
      ctx.out().line(id);
      return 0;
    }
    if (interactiveShell()) {
      ctx.console().attach(id, false);
      ctx.out()
          .note(
              "attached to "
                  + nameOf(id)
                  + ": container prompt lines run inside it until CTRL-p CTRL-q");
      return 0;
    }
    return foreground(id);
  }

  private int foreground(String id) {
    Engine engine = ctx.session().engine();
    long deadline = System.nanoTime() + FOREGROUND_WAIT.toNanos();
    Optional<ContainerInfo> c = engine.findContainer(id);
    while (c.isPresent() && c.get().running() && System.nanoTime() < deadline) {
      sleep(200);
      c = engine.findContainer(id);
    }
    ctx.out().text(engine.logs(id));
    if (c.isPresent() && c.get().running()) {
      String n = c.get().name();
      ctx.out()
          .note(
              "foreground container "
                  + n
                  + " keeps running: "
                  + FIRST_LOGS
                  + " instead of following them"
                  + " (docker stop "
                  + n
                  + " ends it)");
      return 0;
    }
    int code = c.map(i -> exitCode(i.status())).orElse(0);
    if (rm) {
      removeQuietly(id);
    }
    return code;
  }

  private String nameOf(String id) {
    return ctx.session().engine().findContainer(id).map(ContainerInfo::name).orElse(id);
  }

  /** "Exited (3) 2 seconds ago" → 3. */
  static int exitCode(String status) {
    int open = status.indexOf('(');
    int close = status.indexOf(')');
    if (status.startsWith("Exited") && open >= 0 && close > open) {
      try {
        return Integer.parseInt(status.substring(open + 1, close));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private void removeQuietly(String id) {
    ctx.session().removeQuietly(id);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetbookException("interrupted while waiting for the container");
    }
  }
}
