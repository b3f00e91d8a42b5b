package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Set;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.Ipv6Paths;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetworkPaths;

/**
 * Runs commands in a container the way busybox would: {@code sh -c} scripts (a pipe feeds the
 * reader's stdin), {@code ping[6]}, {@code ip}, {@code ifconfig}, {@code arp}, {@code route},
 * {@code netstat}, {@code traceroute}, {@code nc}, {@code hostname}, {@code nslookup}, {@code cat}
 * and {@code ls} of the network files, {@code wget}, {@code echo}, {@code true}, {@code false},
 * {@code sleep} and {@code exit}, with busybox's exact output. Anything else is not found.
 */
public final class Busybox {
  static final Set<String> SHELLS = Set.of("sh", "ash", "bash", "dash");
  private static final Set<String> BARE_PROGRAMS = Set.of("sleep", "cat");

  private final Namespaces namespaces;
  private final PingCommand ping;
  private final InterfaceCommands interfaces;
  private final NslookupCommand nslookup;
  private final WgetCommand wget;
  private final NeighbourCommands neighbours;
  private final RouteCommands routes;
  private final NetstatCommand netstat;
  private final TracerouteCommand traceroute;
  private final NcCommand nc;
  private final FileCommands files;

  public Busybox(DockerModel model, Namespaces namespaces, NetworkPaths paths) {
    this.namespaces = namespaces;
    this.ping = new PingCommand(model, namespaces, paths);
    this.neighbours = new NeighbourCommands(model, namespaces);
    this.routes = new RouteCommands(namespaces);
    this.interfaces = new InterfaceCommands(namespaces, neighbours, routes);
    Ipv6Paths ipv6 = new Ipv6Paths(model, namespaces);
    this.nslookup = new NslookupCommand(namespaces, paths, ipv6);
    this.wget = new WgetCommand(model, namespaces, paths);
    Sockets sockets = new Sockets(model, namespaces);
    this.netstat = new NetstatCommand(sockets, routes);
    this.traceroute = new TracerouteCommand(model, paths, neighbours, ipv6);
    this.nc = new NcCommand(model, paths, sockets);
    this.files = new FileCommands(namespaces, routes);
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
      r = command(c, program, argv, "");
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
    String lastOut = "";
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
      boolean pipe = step.operator().equals("|");
      ShellResult r =
          SHELLS.contains(program)
              ? shell(c, program, words.subList(1, words.size()))
              : command(c, program, words, pipe ? lastOut : "");
      if (r == null) {
        r = ShellResult.fail(shell + ": " + words.get(0) + ": not found\n", 127);
      }
      if (pipe) {
        // the writer's output went into the reader, not to the terminal
        String before = total.stdout().substring(0, total.stdout().length() - lastOut.length());
        total = new ShellResult(before, total.stderr(), total.exitCode());
      }
      total = total.then(r);
      lastOut = r.stdout();
    }
    return total;
  }

  /** The programs {@link #command} runs, for {@code command -v} and {@code which}. */
  private static final Set<String> APPLETS =
      Set.of(
          "echo",
          "true",
          "sleep",
          ":",
          "false",
          "hostname",
          "env",
          "printenv",
          "cat",
          "ls",
          "ping",
          "ping6",
          "ip",
          "arp",
          "route",
          "netstat",
          "traceroute",
          "traceroute6",
          "nc",
          "ifconfig",
          "nslookup",
          "wget",
          "command",
          "which");

  /** {@code command -v NAME} and {@code which NAME}: its path, or nothing and exit 1. */
  private static ShellResult which(String program, List<String> args) {
    List<String> names = args;
    if (program.equals("command")) {
      if (args.isEmpty() || !args.get(0).equals("-v")) {
        return null; // only the lookup is modelled
      }
      names = args.subList(1, args.size());
    }
    StringBuilder out = new StringBuilder();
    int code = names.isEmpty() ? 1 : 0;
    for (String n : names) {
      if (APPLETS.contains(n) || SHELLS.contains(n)) {
        out.append(program.equals("command") && n.equals("command") ? n : "/bin/" + n).append('\n');
      } else {
        code = 1;
      }
    }
    return new ShellResult(out.toString(), "", code);
  }

  /** One busybox applet (stdin: what a pipe feeds it), or null when there is no such command. */
  private ShellResult command(ContainerState c, String program, List<String> argv, String stdin) {
    List<String> args = argv.subList(1, argv.size());
    return switch (program) {
      case "echo" -> echo(args);
      case "true", "sleep", ":" -> ShellResult.ok("");
      case "false" -> new ShellResult("", "", 1);
      case "hostname" -> hostname(c, args);
      case "env", "printenv" -> ShellResult.ok(String.join("\n", namespaces.environment(c)) + "\n");
      case "cat" -> args.isEmpty() ? ShellResult.ok(stdin) : files.cat(c, args);
      case "ls" -> files.ls(c, args);
      case "ping" -> ping.run(c, args);
      case "ping6" -> ping.run(c, prepend("-6", args));
      case "ip" -> interfaces.ip(c, args);
      case "arp" -> neighbours.arp(c, args);
      case "route" -> routes.route(c, args);
      case "netstat" -> netstat.run(c, args);
      case "traceroute" -> traceroute.run(c, args);
      case "traceroute6" -> traceroute.run(c, prepend("-6", args));
      case "nc" -> nc.run(c, args, stdin);
      case "ifconfig" -> interfaces.ifconfig(c, args);
      case "nslookup" -> nslookup.run(c, args);
      case "wget" -> wget.run(c, args);
      case "command", "which" -> which(program, args);
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
    if (args.contains("-f") || args.contains("-d")) {
      String canonical = canonicalName(c, name);
      if (canonical == null) {
        return ShellResult.fail("hostname: " + name + ": Host name lookup failure\n", 1);
      }
      if (args.contains("-f")) {
        return ShellResult.ok(canonical + "\n");
      }
      int dot = canonical.indexOf('.');
      return ShellResult.ok(dot < 0 ? "" : canonical.substring(dot + 1) + "\n");
    }
    return ShellResult.ok(name + "\n");
  }

  /** What gethostbyname(hostname) calls the host: the first name of its /etc/hosts line. */
  private String canonicalName(ContainerState c, String name) {
    for (String line : namespaces.hostsFile(c).split("\n")) {
      String[] parts = line.split("\\s+");
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].equals(name)) {
          return parts[1];
        }
      }
    }
    return null;
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
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
