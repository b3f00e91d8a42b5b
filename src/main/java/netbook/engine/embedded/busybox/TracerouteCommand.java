package netbook.engine.embedded.busybox;

import java.math.BigInteger;
import java.util.List;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Ipv6;
import netbook.engine.embedded.model.Ipv6Paths;
import netbook.engine.embedded.model.NetworkPaths;

/**
 * busybox {@code traceroute [-n] [-q N] [-m N] [-f N] [-w N] HOST}: one hop to a neighbour on a
 * shared network (or to the host's own addresses, through the gateway), the gateway then {@code *}
 * to the last hop for anything behind it (Docker's isolation drops packets to other bridges, and
 * the model has no internet). Answers at once, with made-up times.
 */
final class TracerouteCommand {
  private static final String USAGE =
      """
      BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

      Usage: traceroute [-46Flnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]
      \t[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]
      \t[-z PAUSE_MSEC] HOST [BYTES]

      Trace the route to HOST

      \t-4,-6\tForce IP or IPv6 name resolution
      \t-F\tSet don't fragment bit
      \t-l\tDisplay TTL value of the returned packet
      \t-n\tPrint numeric addresses
      \t-r\tBypass routing tables, send directly to HOST
      \t-v\tVerbose
      \t-f N\tFirst number of hops (default 1)
      \t-m N\tMax number of hops
      \t-q N\tNumber of probes per hop (default 3)
      \t-p N\tBase UDP port number used in probes
      \t\t(default 33434)
      \t-s IP\tSource address
      \t-i IFACE Source interface
      \t-t N\tType-of-service in probe packets (default 0)
      \t-w SEC\tWait for a response (default 3)
      \t-z MSEC\tWait before each send
      """;

  private final DockerModel model;
  private final NetworkPaths paths;
  private final NeighbourCommands names;
  private final Ipv6Paths ipv6;

  TracerouteCommand(
      DockerModel model, NetworkPaths paths, NeighbourCommands names, Ipv6Paths ipv6) {
    this.model = model;
    this.paths = paths;
    this.names = names;
    this.ipv6 = ipv6;
  }

  ShellResult run(ContainerState c, List<String> args) {
    boolean numeric = false;
    int probes = 3;
    int maxHops = 30;
    int first = 1;
    String target = null;
    String family = "";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-") && a.length() > 1) {
        char opt = a.charAt(1);
        if ("fmqptwsiz".indexOf(opt) >= 0) {
          String v = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : "";
          int n = Busybox.parseInt(v, 1);
          switch (opt) {
            case 'q' -> probes = Math.max(1, n);
            case 'm' -> maxHops = n;
            case 'f' -> first = n;
            default -> {}
          }
        } else {
          numeric |= a.contains("n");
          family = a.contains("6") ? "6" : a.contains("4") ? "4" : family;
        }
      } else if (target == null) {
        target = a;
      }
    }
    if (target == null) {
      return ShellResult.fail(USAGE, 1);
    }
    List<BigInteger> v6 = family.equals("4") ? List.of() : ipv6.resolve(c, target);
    if (!v6.isEmpty() && (family.equals("6") || ipv6.enabled(c))) {
      return trace6(c, target, v6.get(0), numeric, probes, maxHops);
    }
    List<Integer> addresses = family.equals("6") ? List.of() : paths.resolve(c, target);
    if (addresses.isEmpty()) {
      return ShellResult.fail("traceroute: bad address '" + target + "'\n", 1);
    }
    int address = addresses.get(0);
    String ip = Ipv4.format(address);
    if (!paths.routable(c, address)) {
      return ShellResult.fail(
          "traceroute: can't connect to remote host (" + ip + "): Network is unreachable\n", 1);
    }
    StringBuilder out = new StringBuilder();
    out.append("traceroute to ")
        .append(target)
        .append(" (")
        .append(ip)
        .append("), ")
        .append(maxHops)
        .append(" hops max, 46 byte packets\n");
    paths.learn(c, address);
    int hop = paths.nextHop(c, address);
    boolean direct = hop == address;
    for (int ttl = first; ttl <= maxHops; ttl++) {
      out.append(String.format("%2d ", ttl));
      boolean answers = ttl == 1 && (direct ? paths.reaches(c, address) : hop != 0);
      if (!answers) {
        out.append(" *".repeat(probes).replace(" *", " * ").stripTrailing()).append('\n');
        continue;
      }
      String hopIp = Ipv4.format(hop);
      out.append(' ').append(numeric ? hopIp : name(c, hop) + " (" + hopIp + ")");
      for (int p = 0; p < probes; p++) {
        int micros = model.ids().between(2, 14);
        out.append("  0.").append(String.format("%03d", micros)).append(" ms");
      }
      out.append('\n');
      if (direct) {
        break;
      }
    }
    return ShellResult.ok(out.toString());
  }

  /** IPv6: one hop to a neighbour on a shared IPv6 network, else no answer (72 byte packets). */
  private ShellResult trace6(
      ContainerState c, String target, BigInteger address, boolean numeric, int probes, int max) {
    String ip = Ipv6.format(address);
    if (!ipv6.enabled(c)) {
      return ShellResult.fail(
          "traceroute: can't connect to remote host (" + ip + "): Network is unreachable\n", 1);
    }
    StringBuilder out = new StringBuilder();
    out.append("traceroute to ")
        .append(target)
        .append(" (")
        .append(ip)
        .append("), ")
        .append(max)
        .append(" hops max, 72 byte packets\n");
    boolean reached = ipv6.reaches(c, address);
    if (reached) {
      ipv6.learn(c, address);
    }
    for (int ttl = 1; ttl <= max; ttl++) {
      out.append(String.format("%2d ", ttl));
      if (!reached) {
        out.append(" *".repeat(probes).replace(" *", " * ").stripTrailing()).append('\n');
        continue;
      }
      out.append(' ')
          .append(numeric ? ip : names.reverse(c, ip).map(n -> n + " (" + ip + ")").orElse(ip));
      for (int p = 0; p < probes; p++) {
        out.append("  0.").append(String.format("%03d", model.ids().between(2, 14))).append(" ms");
      }
      out.append('\n');
      break;
    }
    return ShellResult.ok(out.toString());
  }

  private String name(ContainerState c, int address) {
    if (Ipv4.isLoopback(address)) {
      return "localhost";
    }
    return names.reverse(c, Ipv4.format(address)).orElse(Ipv4.format(address));
  }
}
