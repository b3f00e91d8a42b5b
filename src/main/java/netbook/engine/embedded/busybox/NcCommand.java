package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Optional;
import netbook.engine.PortBinding;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.NetworkPaths;

/**
 * busybox {@code nc} (Debian's small nc: no {@code -z}), in the subset lessons script:
 *
 * <ul>
 *   <li>{@code nc -l -p PORT} listens: as a container's main command it runs until its first
 *       connection, logs what it received on stdout and exits 0 (for good inside a {@code while}
 *       loop); exec'd, it returns at once and listens in the background until its first connection.
 *   <li>{@code echo hi | nc HOST PORT} connects to a listener (an {@code nc -l}, the web images'
 *       port 80, a published port on the host's addresses) and sends its stdin; it prints nothing
 *       back (web servers included) and exits 0. Otherwise busybox's errors: bad address,
 *       Connection refused, Network is unreachable, and Connection timed out when no network is
 *       shared ({@code nc: timed out} with {@code -w N}).
 * </ul>
 */
final class NcCommand {
  private static final String USAGE =
      """
      BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

      Usage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]

      Open a pipe to IP:PORT or FILE

      \t-l\tListen mode, for inbound connects
      \t\t(use -ll with -e for persistent server)
      \t-p PORT\tLocal port
      \t-w SEC\tConnect timeout
      \t-i SEC\tDelay interval for lines sent
      \t-f FILE\tUse file (ala /dev/ttyS0) instead of network
      \t-e PROG\tRun PROG after connect
      """;

  /** Shell keywords that may stand before nc in a loop: {@code while true; do nc -l ...; done}. */
  private static final java.util.Set<String> KEYWORDS = java.util.Set.of("do", "then", "else", "{");

  private final DockerModel model;
  private final NetworkPaths paths;
  private final Sockets sockets;

  NcCommand(DockerModel model, NetworkPaths paths, Sockets sockets) {
    this.model = model;
    this.paths = paths;
    this.sockets = sockets;
  }

  /** The options and operands of one nc command line. */
  private record Parsed(
      boolean listen, int localPort, List<String> operands, char badOption, boolean timeout) {}

  private static Parsed parse(List<String> args) {
    boolean listen = false;
    boolean timeout = false;
    int port = 0;
    List<String> operands = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-") || a.length() < 2) {
        operands.add(a);
        continue;
      }
      for (int k = 1; k < a.length(); k++) {
        char ch = a.charAt(k);
        if (ch == 'l') {
          listen = true;
        } else if ("pwief".indexOf(ch) >= 0) {
          String value =
              k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : "";
          if (ch == 'p') {
            port = Busybox.parseInt(value, 0);
          }
          timeout |= ch == 'w';
          break;
        } else {
          return new Parsed(listen, port, operands, ch, timeout);
        }
      }
    }
    return new Parsed(listen, port, operands, '\0', timeout);
  }

  /** The port a command line's {@code nc -l -p PORT} listens on (in {@code sh -c} too), or -1. */
  static int listenPort(List<String> argv) {
    if (argv.isEmpty()) {
      return -1;
    }
    String program = Busybox.basename(argv.get(0));
    if (Busybox.SHELLS.contains(program) && argv.size() > 2 && argv.get(1).equals("-c")) {
      for (ShellScript.Step step : ShellScript.parse(argv.get(2))) {
        List<String> words = step.words();
        while (!words.isEmpty() && KEYWORDS.contains(words.get(0))) {
          words = words.subList(1, words.size());
        }
        int port = listenPort(words);
        if (port > 0) {
          return port;
        }
      }
      return -1;
    }
    if (!program.equals("nc")) {
      return -1;
    }
    Parsed p = parse(argv.subList(1, argv.size()));
    return p.listen() && p.localPort() > 0 ? p.localPort() : -1;
  }

  ShellResult run(ContainerState c, List<String> args, String stdin) {
    Parsed p = parse(args);
    if (p.badOption() != '\0') {
      return ShellResult.fail("nc: invalid option -- '" + p.badOption() + "'\n" + USAGE, 1);
    }
    if (p.listen()) {
      if (p.localPort() <= 0) {
        return ShellResult.fail(USAGE, 1);
      }
      c.listen(p.localPort());
      return ShellResult.ok("");
    }
    if (p.operands().isEmpty()) {
      return ShellResult.fail(USAGE, 1);
    }
    String host = p.operands().get(0);
    int port = p.operands().size() > 1 ? Busybox.parseInt(p.operands().get(1), 0) : 0;
    List<Integer> addresses = paths.resolve(c, host);
    if (addresses.isEmpty()) {
      return ShellResult.fail("nc: bad address '" + host + "'\n", 1);
    }
    int address = addresses.get(0);
    String cant = "nc: can't connect to remote host (" + Ipv4.format(address) + "): ";
    if (!paths.routable(c, address)) {
      return ShellResult.fail(cant + "Network is unreachable\n", 1);
    }
    paths.learn(c, address);
    if (!paths.reaches(c, address)) {
      return ShellResult.fail(p.timeout() ? "nc: timed out\n" : cant + "Connection timed out\n", 1);
    }
    Optional<Peer> peer = peer(c, address, port);
    if (peer.isEmpty()) {
      return ShellResult.fail(cant + "Connection refused\n", 1);
    }
    paths.count(c, address, 6, 60 + stdin.length());
    deliver(peer.get(), stdin);
    return ShellResult.ok("");
  }

  /** A namespace accepting the connection, and the port it listens on there. */
  private record Peer(ContainerState namespace, int port) {}

  private Optional<Peer> peer(ContainerState from, int address, int port) {
    if (Ipv4.isLoopback(address) && !from.namespace().hostMode()) {
      return accepting(from.namespace(), port);
    }
    Optional<ContainerState> holder = paths.target(from, address);
    if (holder.isPresent()) {
      return accepting(holder.get().namespace(), port);
    }
    for (ContainerState x : model.containers()) {
      if (!x.running()) {
        continue;
      }
      for (PortBinding b : x.boundPorts()) {
        if (b.hostPort() == port && b.protocol().equals("tcp")) {
          return accepting(x.namespace(), b.containerPort());
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Peer> accepting(ContainerState ns, int port) {
    return sockets.accepts(ns, port) ? Optional.of(new Peer(ns, port)) : Optional.empty();
  }

  /** What the listener does with a connection: nc -l logs it and ends; servers take it. */
  private void deliver(Peer peer, String data) {
    for (ContainerState x : model.sharing(peer.namespace())) {
      if (!x.running()) {
        continue;
      }
      if (listenPort(x.command()) == peer.port()) {
        if (!data.isEmpty()) {
          x.log(1, data);
        }
        if (!loops(x.command())) {
          model.exit(x, 0);
        }
        return;
      }
      if (x.unlisten(peer.port())) {
        return;
      }
    }
  }

  private static boolean loops(List<String> argv) {
    return argv.size() > 2
        && argv.get(1).equals("-c")
        && ShellScript.parse(argv.get(2)).stream().anyMatch(s -> s.words().get(0).equals("while"));
  }
}
