package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Set;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.ImageRecord;
import netbook.engine.embedded.model.WebPages;

/**
 * Plays a container's main command when it starts. Servers (the web images' own command), shells
 * kept open by a TTY or stdin, {@code sleep}, {@code tail -f}, endless pings and scripts that loop
 * or sleep keep running until stopped; any other command runs once through {@link Busybox}, its
 * output goes to the container's log, and the container exits with its exit code.
 */
public final class ContainerProcesses implements DockerModel.ContainerLifecycle {
  private static final Set<String> SERVERS = Set.of("nginx", "httpd", "top", "cat", "dockerd");

  private final DockerModel model;
  private final Busybox busybox;

  public ContainerProcesses(DockerModel model, Busybox busybox) {
    this.model = model;
    this.busybox = busybox;
  }

  @Override
  public void started(ContainerState c) {
    if (c.image().web() && c.cmd().equals(c.image().cmd()) && c.entrypoint() == null) {
      if (c.image().kind() == ImageRecord.Kind.NGINX) {
        c.log(1, WebPages.STARTUP_LOG);
      }
      return;
    }
    List<String> argv = c.command();
    if (keepsRunning(c, argv)) {
      return;
    }
    ShellResult r = busybox.exec(c, argv);
    if (!r.stdout().isEmpty()) {
      c.log(1, r.stdout());
    }
    if (!r.stderr().isEmpty()) {
      c.log(2, r.stderr());
    }
    model.exit(c, r.exitCode());
  }

  static boolean keepsRunning(ContainerState c, List<String> argv) {
    if (argv.isEmpty()) {
      return false;
    }
    String program = Busybox.basename(argv.get(0));
    List<String> args = argv.subList(1, argv.size());
    return switch (program) {
      case "sh", "ash", "bash", "dash" ->
          args.isEmpty() || !args.get(0).equals("-c")
              ? c != null && (c.tty() || c.openStdin())
              : args.size() > 1 && loops(args.get(1));
      case "sleep" -> args.isEmpty() || !args.get(0).equals("0");
      case "tail" -> args.contains("-f") || args.contains("-F");
      case "nc" -> NcCommand.listenPort(argv) > 0;
      case "ping" -> args.stream().noneMatch(a -> a.startsWith("-c") || a.startsWith("-w"));
      default -> SERVERS.contains(program);
    };
  }

  private static boolean loops(String script) {
    for (ShellScript.Step step : ShellScript.parse(script)) {
      if (keepsRunning(null, step.words()) || step.words().get(0).equals("while")) {
        return true;
      }
    }
    return false;
  }
}
