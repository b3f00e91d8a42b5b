package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Set;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetworkPaths;

/**
 * Runs commands in a container the way busybox would: {@code sh -c} scripts, {@code ping}, {@code
 * ip}, {@code ifconfig}, {@code hostname}, {@code nslookup}, {@code cat} of the network files,
 * {@code wget}, {@code echo}, {@code true}, {@code false}, {@code sleep} and {@code exit}, with
 * busybox's exact output. Anything else is not found.
 */
public final class Busybox {
  private static final Set<String> SHELLS = Set.of("sh", "ash", "bash", "dash");
  private static final Set<String> BARE_PROGRAMS = Set.of("sleep", "cat");

  private final Namespaces namespaces;
  private final PingCommand ping;
  private final InterfaceCommands interfaces;
  private final NslookupCommand nslookup;
  private final WgetCommand wget;

  public Busybox(DockerModel model, Namespaces namespaces, NetworkPaths paths) {
    this.namespaces = namespaces;
    this.ping = new PingCommand(model, namespaces, paths);
    this.interfaces = new InterfaceCommands(namespaces);
    this.nslookup = new NslookupCommand(namespaces, paths);
    this.wget = new WgetCommand(model, namespaces, paths);
  }

  /** Runs a process as exec or as a container's command does: argv[0] is looked up in PATH. */
  public ShellResult exec(ContainerState c, List<String> argv) {
    if (argv.isEmpty()) {
      return ShellResult.ok("");
    }
    String program = basename(argv.get(0));
    ShellResult r;
    if (c.image().bare() && !BARE_PROGRAMS.contains(program)) {
      r = null;
    } else if (SHELLS.contains(program)) {
      return shell(c, program, argv.subList(1, argv.size()));
    } else {
      r = command(c, program, argv);
    }
    if (r == null) {
      return new ShellResult(
          "OCI runtime exec failed: exec failed: unable to start container process: exec: \""
              + argv.get(0)
              + "\": executable file not found in $PATH: unknown\r\n",
          "",
          126);
    }
    return r;
  }

  private ShellResult shell(ContainerState c, String shell, List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("-c")) {
      return ShellResult.ok("");
    }
    if (args.size() < 2) {
      return ShellResult.fail(shell + ": -c requires an argument\n", 2);
    }
    ShellResult total = ShellResult.ok("");
    for (ShellScript.Step step : ShellScript.parse(args.get(1))) {
      if (step.operator().equals("&&") && total.exitCode() != 0) {
        continue;
      }
      if (step.operator().equals("||") && total.exitCode() == 0) {
        continue;
      }
      List<String> words = step.words();
      String program = basename(words.get(0));
      if (program.equals("exit")) {
        int code = words.size() > 1 ? parseInt(words.get(1), 0) : total.exitCode();
        return new ShellResult(total.stdout(), total.stderr(), code);
      }
      ShellResult r =
          SHELLS.contains(program)
              ? shell(c, program, words.subList(1, words.size()))
              : command(c, program, words);
      if (r == null) {
        r = ShellResult.fail(shell + ": " + words.get(0) + ": not found\n", 127);
      }
      total =
          step.operator().equals("|")
              ? new ShellResult(r.stdout(), total.stderr() + r.stderr(), r.exitCode())
              : total.then(r);
    }
    return total;
  }

  /** One busybox applet, or null when there is no such command. */
  private ShellResult command(ContainerState c, String program, List<String> argv) {
    List<String> args = argv.subList(1, argv.size());
    return switch (program) {
      case "echo" -> echo(args);
      case "true", "sleep", ":" -> ShellResult.ok("");
      case "false" -> new ShellResult("", "", 1);
      case "hostname" -> hostname(c, args);
      case "env", "printenv" -> ShellResult.ok(String.join("\n", namespaces.environment(c)) + "\n");
      case "cat" -> cat(c, args);
      case "ping" -> ping.run(c, args);
      case "ip" -> interfaces.ip(c, args);
      case "ifconfig" -> interfaces.ifconfig(c, args);
      case "nslookup" -> nslookup.run(c, args);
      case "wget" -> wget.run(c, args);
      default -> null;
    };
  }

  private static ShellResult echo(List<String> args) {
    boolean newline = true;
    List<String> words = args;
    if (!words.isEmpty() && words.get(0).equals("-n")) {
      newline = false;
      words = words.subList(1, words.size());
    }
    return ShellResult.ok(String.join(" ", words) + (newline ? "\n" : ""));
  }

  private ShellResult hostname(ContainerState c, List<String> args) {
    String name = namespaces.hostname(c);
    if (args.contains("-i")) {
      List<String> addresses =
          namespaces.hostMode(c)
              ? List.of("127.0.1.1")
              : namespaces.endpoints(c).stream().map(e -> e.getValue().ipv4()).toList();
      if (addresses.isEmpty()) {
        return ShellResult.fail("hostname: " + name + ": Host name lookup failure\n", 1);
      }
      return ShellResult.ok(String.join(" ", addresses) + "\n");
    }
    if (args.contains("-s")) {
      int dot = name.indexOf('.');
      return ShellResult.ok((dot < 0 ? name : name.substring(0, dot)) + "\n");
    }
    return ShellResult.ok(name + "\n");
  }

  private ShellResult cat(ContainerState c, List<String> args) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int code = 0;
    for (String file : args) {
      String content =
          switch (file) {
            case "/etc/hosts" -> namespaces.hostsFile(c);
            case "/etc/resolv.conf" -> namespaces.resolvConf(c);
            case "/etc/hostname" -> namespaces.hostname(c) + "\n";
            default -> null;
          };
      if (content == null) {
        err.append("cat: can't open '").append(file).append("': No such file or directory\n");
        code = 1;
      } else {
        out.append(content);
      }
    }
    return new ShellResult(out.toString(), err.toString(), code);
  }

  static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  public static int parseInt(String text, int fallback) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
