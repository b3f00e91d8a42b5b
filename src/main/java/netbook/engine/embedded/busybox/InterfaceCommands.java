package netbook.engine.embedded.busybox;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetInterface;

/** busybox {@code ip addr|link|route} and {@code ifconfig}, over a namespace's interfaces. */
final class InterfaceCommands {
  static final String IP_USAGE =
      """
      BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

      Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

      OPTIONS := -f[amily] inet|inet6|link | -o[neline]

      ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
      ip route list|flush|add|del|change|append|replace|test ROUTE
      ip link set IFACE [up|down] [arp on|off] [multicast on|off]
      \t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
      \t[master IFACE | nomaster] [netns PID]
      ip tunnel add|change|del|show [NAME]
      \t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]
      ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
      ip rule [list] | add|del SELECTOR ACTION
      """;

  private final Namespaces namespaces;
  private final NeighbourCommands neighbours;
  private final RouteCommands routes;

  InterfaceCommands(Namespaces namespaces, NeighbourCommands neighbours, RouteCommands routes) {
    this.namespaces = namespaces;
    this.neighbours = neighbours;
    this.routes = routes;
  }

  /**
   * busybox {@code ip [-4|-6|-f FAMILY|-o] OBJECT ...}; options it lacks (iproute2's {@code -br},
   * {@code -c}, {@code -j}) get its usage, as in a real busybox container.
   */
  ShellResult ip(ContainerState c, List<String> args) {
    String family = "";
    int at = 0;
    while (at < args.size() && args.get(at).startsWith("-")) {
      String o = args.get(at++);
      switch (o) {
        case "-4" -> family = "4";
        case "-6" -> family = "6";
        case "-0" -> family = "0";
        case "-o", "-oneline" -> {}
        case "-f", "-family" -> {
          String f = at < args.size() ? args.get(at++) : "";
          family = f.equals("inet") ? "4" : f.equals("inet6") ? "6" : f.equals("link") ? "0" : "";
        }
        default -> {
          return ShellResult.fail(IP_USAGE, 1);
        }
      }
    }
    if (at >= args.size()) {
      return ShellResult.fail(IP_USAGE, 1);
    }
    String object = args.get(at);
    List<String> tail = args.subList(at + 1, args.size());
    String sub = tail.isEmpty() ? "" : tail.get(0);
    if ("address".startsWith(object)) {
      return addresses(c, tail, family.equals("0") ? "link" : family);
    }
    if ("route".startsWith(object)) {
      if (!sub.isEmpty() && "get".startsWith(sub)) {
        return routes.get(c, tail.subList(1, tail.size()));
      }
      return ShellResult.ok(family.equals("6") ? namespaces.routes6(c) : namespaces.routes(c));
    }
    if ("link".startsWith(object)) {
      return addresses(c, tail, "link");
    }
    if ("neighbour".startsWith(object) || "neighbor".startsWith(object)) {
      return neighbours.ipNeigh(c, tail, family);
    }
    if ("rule".startsWith(object)) {
      return routes.rules();
    }
    return ShellResult.fail("ip: unknown object '" + object + "'\n", 1);
  }

  /** {@code ip addr} ({@code family} "", "4" or "6") and {@code ip link} ("link"). */
  private ShellResult addresses(ContainerState c, List<String> args, String family) {
    String device = null;
    for (String a : args) {
      if (!a.equals("show") && !a.equals("list") && !a.equals("dev")) {
        device = a;
      }
    }
    List<NetInterface> all = namespaces.interfaces(c);
    StringBuilder sb = new StringBuilder();
    boolean found = device == null;
    for (NetInterface i : all) {
      if (device != null && !device.equals(i.name())) {
        continue;
      }
      found = true;
      boolean has6 = i.linkLocal6() != null || i.global6() != null;
      if (family.equals("6") && !has6 || family.equals("4") && !i.hasIpv4()) {
        continue;
      }
      appendIp(sb, i, family);
    }
    if (!found) {
      return ShellResult.fail("ip: can't find device '" + device + "'\n", 1);
    }
    return ShellResult.ok(sb.toString());
  }

  private static void appendIp(StringBuilder sb, NetInterface i, String family) {
    sb.append(i.index()).append(": ").append(i.name());
    if (i.peer() > 0) {
      sb.append("@if").append(i.peer());
    }
    sb.append(": <").append(flags(i)).append("> mtu ").append(i.mtu());
    if (family.equals("6")) {
      // busybox prints neither qdisc nor the link line for -6
      sb.append(i.kind() == NetInterface.Kind.LOOPBACK ? " qlen 1000\n" : " \n");
      appendInet6(sb, i);
      return;
    }
    sb.append(" qdisc ");
    boolean hostEth = i.kind() == NetInterface.Kind.ETHER && i.peer() == 0;
    sb.append(hostEth ? "fq_codel" : "noqueue").append(' ');
    if (!i.master().isEmpty()) {
      sb.append("master ").append(i.master()).append(' ');
    }
    if (i.kind() == NetInterface.Kind.LOOPBACK || hostEth) {
      sb.append("qlen 1000");
    }
    sb.append('\n');
    if (family.equals("4")) {
      appendInet(sb, i);
      return;
    }
    if (i.kind() == NetInterface.Kind.LOOPBACK) {
      sb.append("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
    } else {
      sb.append("    link/ether ").append(i.mac()).append(" brd ff:ff:ff:ff:ff:ff\n");
    }
    if (family.equals("link")) {
      return;
    }
    appendInet(sb, i);
    appendInet6(sb, i);
  }

  private static void appendInet(StringBuilder sb, NetInterface i) {
    if (i.hasIpv4()) {
      sb.append("    inet ").append(Ipv4.format(i.address())).append('/').append(i.net().prefix());
      if (i.kind() == NetInterface.Kind.LOOPBACK) {
        sb.append(" scope host lo\n");
      } else {
        sb.append(" brd ")
            .append(Ipv4.format(i.net().broadcast()))
            .append(" scope global ")
            .append(i.name())
            .append('\n');
      }
      sb.append("       valid_lft forever preferred_lft forever\n");
    }
  }

  private static void appendInet6(StringBuilder sb, NetInterface i) {
    if (i.global6() != null) {
      // Docker adds a container's address without duplicate detection (IFA_F_NODAD)
      sb.append("    inet6 ")
          .append(i.global6())
          .append(i.peer() > 0 ? " scope global flags 02 \n" : " scope global \n");
      sb.append("       valid_lft forever preferred_lft forever\n");
    }
    if (i.linkLocal6() != null) {
      sb.append("    inet6 ")
          .append(i.linkLocal6())
          .append(i.kind() == NetInterface.Kind.LOOPBACK ? " scope host \n" : " scope link \n");
      sb.append("       valid_lft forever preferred_lft forever\n");
    }
  }

  private static String flags(NetInterface i) {
    return switch (i.kind()) {
      case LOOPBACK -> "LOOPBACK,UP,LOWER_UP";
      case BRIDGE ->
          i.carrier() ? "BROADCAST,MULTICAST,UP,LOWER_UP" : "NO-CARRIER,BROADCAST,MULTICAST,UP";
      case VETH -> "BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN";
      case ETHER ->
          i.peer() == 0
              ? "BROADCAST,MULTICAST,UP,LOWER_UP"
              : "BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN";
    };
  }

  ShellResult ifconfig(ContainerState c, List<String> args) {
    List<NetInterface> all =
        namespaces.interfaces(c).stream().sorted(Comparator.comparing(NetInterface::name)).toList();
    String device = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    StringBuilder sb = new StringBuilder();
    for (NetInterface i : all) {
      if (device != null && !device.equals(i.name())) {
        continue;
      }
      appendIfconfig(sb, i);
    }
    if (device != null && sb.length() == 0) {
      return ShellResult.fail(
          "ifconfig: " + device + ": error fetching interface information: Device not found\n", 1);
    }
    return ShellResult.ok(sb.toString());
  }

  private static void appendIfconfig(StringBuilder sb, NetInterface i) {
    boolean lo = i.kind() == NetInterface.Kind.LOOPBACK;
    sb.append(String.format(Locale.ROOT, "%-9s ", i.name()));
    if (lo) {
      sb.append("Link encap:Local Loopback  \n");
    } else {
      sb.append("Link encap:Ethernet  HWaddr ")
          .append(i.mac().toUpperCase(Locale.ROOT))
          .append("  \n");
    }
    if (i.hasIpv4()) {
      sb.append("          inet addr:").append(Ipv4.format(i.address()));
      if (!lo) {
        sb.append("  Bcast:").append(Ipv4.format(i.net().broadcast()));
      }
      sb.append("  Mask:").append(i.net().maskDotted()).append('\n');
    }
    if (i.linkLocal6() != null) {
      sb.append("          inet6 addr: ")
          .append(i.linkLocal6())
          .append(lo ? " Scope:Host\n" : " Scope:Link\n");
    }
    if (i.global6() != null) {
      sb.append("          inet6 addr: ").append(i.global6()).append(" Scope:Global\n");
    }
    if (lo) {
      sb.append("          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n");
    } else {
      sb.append(
              i.carrier()
                  ? "          UP BROADCAST RUNNING MULTICAST  MTU:"
                  : "          UP BROADCAST MULTICAST  MTU:")
          .append(i.mtu())
          .append("  Metric:1\n");
    }
    long p = i.packets();
    long b = i.bytes();
    sb.append("          RX packets:").append(p).append(" errors:0 dropped:0 overruns:0 frame:0\n");
    sb.append("          TX packets:")
        .append(p)
        .append(" errors:0 dropped:0 overruns:0 carrier:0\n");
    sb.append("          collisions:0 txqueuelen:")
        .append(lo || i.peer() == 0 && i.kind() == NetInterface.Kind.ETHER ? 1000 : 0)
        .append(" \n");
    sb.append("          RX bytes:")
        .append(b)
        .append(' ')
        .append(scaled(b))
        .append("  TX bytes:")
        .append(b)
        .append(' ')
        .append(scaled(b))
        .append("\n\n");
  }

  /** busybox's print_bytes_scaled: (1.5 KiB), (518.0 B). */
  static String scaled(long value) {
    long intPart = value;
    long frac = 0;
    String[] ext = {"", "Ki", "Mi", "Gi", "Ti"};
    int e = 0;
    for (int i = 0; i < 4; i++) {
      if (intPart >= 1024) {
        frac = ((intPart & 1023) * 10) / 1024;
        intPart /= 1024;
        e++;
      }
    }
    return "(" + intPart + "." + frac + " " + ext[e] + "B)";
  }
}
