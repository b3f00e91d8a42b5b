package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Locale;
import netbook.engine.embedded.model.ContainerState;

/**
 * busybox {@code netstat [-ral] [-tuwx] [-en]}: the listening sockets {@link Sockets} knows (the
 * model keeps no established connections: every exchange is over by the time netstat runs), and
 * with {@code -r} the routing table. Addresses and ports are always numeric (busybox finds no names
 * for them in these images).
 */
final class NetstatCommand {
  private static final String HEADER =
      "Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n";
  private static final String UNIX_HEADER =
      "Proto RefCnt Flags       Type       State         I-Node Path\n";
  private static final String USAGE =
      """
      BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

      Usage: netstat [-ral] [-tuwx] [-en]

      Display networking information

      \t-r\tRouting table
      \t-a\tAll sockets
      \t-l\tListening sockets
      \t\tElse: connected sockets
      \t-t\tTCP sockets
      \t-u\tUDP sockets
      \t-w\tRaw sockets
      \t-x\tUnix sockets
      \t\tElse: all socket types
      \t-e\tOther/more information
      \t-n\tDon't resolve names
      """;

  private final Sockets sockets;
  private final RouteCommands routes;

  NetstatCommand(Sockets sockets, RouteCommands routes) {
    this.sockets = sockets;
    this.routes = routes;
  }

  ShellResult run(ContainerState c, List<String> args) {
    StringBuilder opts = new StringBuilder();
    for (String a : args) {
      if (!a.startsWith("-") || a.length() < 2) {
        return ShellResult.fail(USAGE, 1);
      }
      for (char ch : a.substring(1).toCharArray()) {
        if ("raltuwxen".indexOf(ch) < 0) {
          return ShellResult.fail("netstat: invalid option -- '" + ch + "'\n" + USAGE, 1);
        }
        opts.append(ch);
      }
    }
    String o = opts.toString();
    if (o.contains("r")) {
      return ShellResult.ok(routes.netstatRoutes(c, o.contains("n")));
    }
    boolean all = o.contains("a");
    boolean servers = all || o.contains("l");
    boolean anyType = !o.contains("t") && !o.contains("u") && !o.contains("w") && !o.contains("x");
    String which = all ? "(servers and established)" : servers ? "(only servers)" : "(w/o servers)";
    StringBuilder sb = new StringBuilder();
    if (anyType || o.contains("t") || o.contains("u") || o.contains("w")) {
      sb.append("Active Internet connections ").append(which).append('\n').append(HEADER);
      if (servers) {
        List<Sockets.Listener> ls = sockets.listening(c);
        appendProto(sb, ls, "tcp", anyType || o.contains("t"));
        appendProto(sb, ls, "udp", anyType || o.contains("u"));
      }
    }
    if (anyType || o.contains("x")) {
      sb.append("Active UNIX domain sockets ").append(which).append('\n').append(UNIX_HEADER);
    }
    return ShellResult.ok(sb.toString());
  }

  /** IPv4 sockets first, then IPv6 (busybox reads /proc/net/tcp, then tcp6, then udp...). */
  private static void appendProto(
      StringBuilder sb, List<Sockets.Listener> ls, String proto, boolean wanted) {
    if (!wanted) {
      return;
    }
    for (boolean v6 : new boolean[] {false, true}) {
      for (Sockets.Listener l : ls) {
        if (l.proto().equals(proto) && l.ipv6() == v6) {
          String any = v6 ? ":::*" : "0.0.0.0:*";
          String local = (v6 ? ":::" : l.local() + ":") + l.port();
          sb.append(
              String.format(
                  Locale.ROOT,
                  "%-5s %6d %6d %-23s %-23s %-12s\n",
                  proto,
                  0,
                  0,
                  local,
                  any,
                  proto.equals("tcp") ? "LISTEN" : ""));
        }
      }
    }
  }
}
