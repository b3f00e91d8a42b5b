package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Locale;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetInterface;

/**
 * busybox {@code ip route get ADDRESS}, {@code ip rule}, {@code route [-n]}, {@code netstat -r[n]}
 * and the kernel's {@code /proc/net/route}, over a namespace's {@link RouteTable}.
 */
final class RouteCommands {
  private static final String RULES =
      "0:\tfrom all lookup local \n32766:\tfrom all lookup main \n32767:\tfrom all lookup default \n";

  private final Namespaces namespaces;

  RouteCommands(Namespaces namespaces) {
    this.namespaces = namespaces;
  }

  /** {@code ip rule [list|show]}: a container's policy rules are the kernel's three defaults. */
  ShellResult rules() {
    return ShellResult.ok(RULES);
  }

  /** {@code ip route get ADDRESS}: busybox takes only numeric addresses. */
  ShellResult get(ContainerState c, List<String> args) {
    String target = args.stream().filter(a -> !a.equals("to")).findFirst().orElse(null);
    if (target == null || !Ipv4.isAddress(target)) {
      return ShellResult.fail("ip: need at least destination address\n", 1);
    }
    int address = Ipv4.parse(target);
    if (Ipv4.isLoopback(address)) {
      return ShellResult.ok("local " + target + " dev lo  src 127.0.0.1 \n");
    }
    for (NetInterface i : namespaces.interfaces(c)) {
      if (i.hasIpv4() && i.address() == address && i.kind() != NetInterface.Kind.LOOPBACK) {
        return ShellResult.ok("local " + target + " dev lo  src " + target + " \n");
      }
    }
    RouteTable.Route r = RouteTable.of(namespaces, c).lookup(address);
    if (r == null) {
      return ShellResult.fail("ip: RTNETLINK answers: Network is unreachable\n", 1);
    }
    StringBuilder sb = new StringBuilder(target);
    if (r.gateway() != 0) {
      sb.append(" via ").append(Ipv4.format(r.gateway()));
    }
    sb.append(" dev ").append(r.device()).append("  src ").append(source(c, r)).append(" \n");
    return ShellResult.ok(sb.toString());
  }

  private String source(ContainerState c, RouteTable.Route r) {
    if (r.source() != 0) {
      return Ipv4.format(r.source());
    }
    return namespaces.interfaces(c).stream()
        .filter(i -> i.name().equals(r.device()) && i.hasIpv4())
        .map(i -> Ipv4.format(i.address()))
        .findFirst()
        .orElse("0.0.0.0");
  }

  /** {@code route [-n]} (busybox resolves no names here but default and *). */
  ShellResult route(ContainerState c, List<String> args) {
    return ShellResult.ok(table(c, args.contains("-n") || args.contains("-en"), false));
  }

  /** {@code netstat -r[n]}: the same table with MSS, Window and irtt columns. */
  String netstatRoutes(ContainerState c, boolean numeric) {
    return table(c, numeric, true);
  }

  private String table(ContainerState c, boolean numeric, boolean netstat) {
    StringBuilder sb = new StringBuilder("Kernel IP routing table\n");
    sb.append(
        netstat
            ? "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n"
            : "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
    for (RouteTable.Route r : RouteTable.of(namespaces, c).routes()) {
      String dest = Ipv4.format(r.destination().base());
      String gw = Ipv4.format(r.gateway());
      if (!numeric) {
        dest = r.destination().prefix() == 0 ? "default" : dest;
        gw = r.gateway() == 0 ? "*" : gw;
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%-15.15s %-15.15s %-16s%-6s",
              dest,
              gw,
              r.destination().maskDotted(),
              r.flagLetters()));
      sb.append(
          netstat
              ? String.format(Locale.ROOT, "%5d %-5d %6d %s\n", 0, 0, 0, r.device())
              : String.format(Locale.ROOT, "%-6d %-2d %7d %s\n", 0, 0, 0, r.device()));
    }
    return sb.toString();
  }

  /** The kernel's /proc/net/route: little-endian hex addresses, lines padded to 127 columns. */
  String procNetRoute(ContainerState c) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-127s\n",
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"));
    for (RouteTable.Route r : RouteTable.of(namespaces, c).routes()) {
      String line =
          String.format(
              Locale.ROOT,
              "%s\t%08X\t%08X\t%04X\t0\t0\t0\t%08X\t0\t0\t0",
              r.device(),
              Integer.reverseBytes(r.destination().base()),
              Integer.reverseBytes(r.gateway()),
              r.flags(),
              Integer.reverseBytes(r.destination().mask()));
      sb.append(String.format(Locale.ROOT, "%-127s\n", line));
    }
    return sb.toString();
  }
}
