package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import netbook.engine.HostInterface;

/**
 * What a container sees of the network from inside its namespace (interfaces, routes, /etc/hosts,
 * /etc/resolv.conf), and what the engine's host sees: lo, eth0, docker0, the br- bridges and one
 * veth per running endpoint.
 */
final class Namespaces {
  static final Cidr LOOPBACK = Cidr.parse("127.0.0.0/8");
  static final String EMBEDDED_DNS = "127.0.0.11";

  private final DockerModel model;

  Namespaces(DockerModel model) {
    this.model = model;
  }

  /** The active endpoints with an address, in interface order, of the namespace of {@code c}. */
  List<Map.Entry<NetworkState, EndpointState>> endpoints(ContainerState c) {
    ContainerState ns = c.namespace();
    List<Map.Entry<NetworkState, EndpointState>> out = new ArrayList<>();
    if (!ns.running()) {
      return out;
    }
    for (Map.Entry<String, EndpointState> e : ns.endpoints.entrySet()) {
      NetworkState n = model.networkById(e.getKey());
      if (n != null && e.getValue().active && e.getValue().address != 0) {
        out.add(Map.entry(n, e.getValue()));
      }
    }
    out.sort(Comparator.comparingInt(x -> x.getValue().ifIndex));
    return out;
  }

  boolean hostMode(ContainerState c) {
    return c.namespace().hostMode();
  }

  List<NetInterface> interfaces(ContainerState c) {
    if (hostMode(c)) {
      return hostInterfaces();
    }
    List<NetInterface> out = new ArrayList<>();
    out.add(loopback(false));
    for (Map.Entry<NetworkState, EndpointState> x : endpoints(c)) {
      EndpointState e = x.getValue();
      out.add(
          new NetInterface(
              e.ifIndex,
              e.ifName,
              e.vethIndex,
              NetInterface.Kind.ETHER,
              e.mac,
              x.getKey().subnet,
              e.address,
              true,
              "",
              1500,
              null,
              e.packets,
              e.bytes));
    }
    return out;
  }

  private static NetInterface loopback(boolean withIpv6) {
    return new NetInterface(
        1,
        "lo",
        0,
        NetInterface.Kind.LOOPBACK,
        "00:00:00:00:00:00",
        LOOPBACK,
        Ipv4.parse("127.0.0.1"),
        true,
        "",
        65536,
        withIpv6 ? "::1/128" : null,
        0,
        0);
  }

  /** The host's interfaces in index order. */
  List<NetInterface> hostInterfaces() {
    List<NetInterface> out = new ArrayList<>();
    out.add(loopback(true));
    out.add(
        new NetInterface(
            2,
            "eth0",
            0,
            NetInterface.Kind.ETHER,
            DockerModel.HOST_MAC,
            DockerModel.HOST_LAN,
            DockerModel.HOST_ADDRESS,
            true,
            "",
            1500,
            Macs.linkLocal(DockerModel.HOST_MAC),
            0,
            0));
    for (NetworkState n : model.networks.values()) {
      if (n.isBridge() && n.subnet != null) {
        out.add(
            new NetInterface(
                n.bridgeIndex,
                n.bridgeName,
                0,
                NetInterface.Kind.BRIDGE,
                n.bridgeMac,
                n.subnet,
                n.gateway,
                !n.endpoints.isEmpty(),
                "",
                1500,
                Macs.linkLocal(n.bridgeMac),
                0,
                0));
        for (EndpointState e : n.endpoints.values()) {
          if (e.active && e.address != 0) {
            out.add(
                new NetInterface(
                    e.vethIndex,
                    e.vethName,
                    e.ifIndex,
                    NetInterface.Kind.VETH,
                    e.vethMac,
                    null,
                    0,
                    true,
                    n.bridgeName,
                    1500,
                    Macs.linkLocal(e.vethMac),
                    e.packets,
                    e.bytes));
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(NetInterface::index));
    return out;
  }

  /** The host side as the engine port's records. */
  List<HostInterface> hostView() {
    List<HostInterface> out = new ArrayList<>();
    for (NetInterface i : hostInterfaces()) {
      List<String> addresses = new ArrayList<>();
      if (i.hasIpv4()) {
        addresses.add(Ipv4.format(i.address()) + "/" + i.net().prefix());
      }
      String container = "";
      if (i.kind() == NetInterface.Kind.VETH) {
        for (NetworkState n : model.networks.values()) {
          for (Map.Entry<String, EndpointState> e : n.endpoints.entrySet()) {
            if (e.getValue().vethIndex == i.index()) {
              container = model.containers.get(e.getKey()).name;
            }
          }
        }
      }
      out.add(
          new HostInterface(
              i.index(),
              i.name(),
              i.kind().name().toLowerCase(java.util.Locale.ROOT),
              i.mac(),
              addresses,
              i.carrier(),
              i.master(),
              container,
              i.peer()));
    }
    return out;
  }

  /** The gateway of the default route, or 0 when the namespace has none. */
  int defaultGateway(ContainerState c) {
    if (hostMode(c)) {
      return DockerModel.HOST_GATEWAY;
    }
    for (Map.Entry<NetworkState, EndpointState> x : endpoints(c)) {
      if (!x.getKey().internal) {
        return x.getKey().gateway;
      }
    }
    return 0;
  }

  String routes(ContainerState c) {
    StringBuilder sb = new StringBuilder();
    if (hostMode(c)) {
      sb.append("default via ")
          .append(Ipv4.format(DockerModel.HOST_GATEWAY))
          .append(" dev eth0 \n");
      List<String> lines = new ArrayList<>();
      for (NetInterface i : hostInterfaces()) {
        if (i.kind() != NetInterface.Kind.LOOPBACK && i.hasIpv4()) {
          lines.add(
              i.net() + " dev " + i.name() + " scope link  src " + Ipv4.format(i.address()) + " ");
        }
      }
      lines.sort(
          Comparator.comparingLong(
              l -> Integer.toUnsignedLong(Cidr.parse(l.substring(0, l.indexOf(' '))).base())));
      lines.forEach(l -> sb.append(l).append('\n'));
      return sb.toString();
    }
    List<Map.Entry<NetworkState, EndpointState>> eps = endpoints(c);
    for (Map.Entry<NetworkState, EndpointState> x : eps) {
      if (!x.getKey().internal) {
        sb.append("default via ")
            .append(Ipv4.format(x.getKey().gateway))
            .append(" dev ")
            .append(x.getValue().ifName)
            .append(" \n");
        break;
      }
    }
    for (Map.Entry<NetworkState, EndpointState> x : eps) {
      sb.append(x.getKey().subnet)
          .append(" dev ")
          .append(x.getValue().ifName)
          .append(" scope link  src ")
          .append(x.getValue().ipv4())
          .append(" \n");
    }
    return sb.toString();
  }

  String hostsFile(ContainerState c) {
    if (hostMode(c)) {
      return "127.0.0.1\tlocalhost\n127.0.1.1\t"
          + model.options.hostName()
          + "\n"
          + "::1\tlocalhost ip6-localhost ip6-loopback\n"
          + "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";
    }
    StringBuilder sb =
        new StringBuilder(
            "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\n"
                + "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
    ContainerState ns = c.namespace();
    for (Map.Entry<NetworkState, EndpointState> x : endpoints(c)) {
      sb.append(x.getValue().ipv4()).append('\t').append(hostLine(ns)).append('\n');
    }
    return sb.toString();
  }

  private static String hostLine(ContainerState ns) {
    return ns.domainname.isEmpty()
        ? ns.hostname
        : ns.hostname + "." + ns.domainname + " " + ns.hostname;
  }

  /** Whether the namespace uses Docker's embedded DNS (attached to a user-defined network). */
  boolean embeddedDns(ContainerState c) {
    return !hostMode(c) && endpoints(c).stream().anyMatch(x -> x.getKey().isUserDefined());
  }

  /** The name servers the namespace's /etc/resolv.conf lists. */
  List<String> nameservers(ContainerState c) {
    if (embeddedDns(c)) {
      return List.of(EMBEDDED_DNS);
    }
    ContainerState ns = c.namespace();
    if (!hostMode(c) && !ns.dns.isEmpty()) {
      return ns.dns;
    }
    return List.of(model.options.upstreamDns());
  }

  String resolvConf(ContainerState c) {
    StringBuilder sb = new StringBuilder();
    for (String ns : nameservers(c)) {
      sb.append("nameserver ").append(ns).append('\n');
    }
    if (embeddedDns(c)) {
      sb.append("options ndots:0\n");
    }
    return sb.toString();
  }

  String hostname(ContainerState c) {
    return c.namespace().hostname;
  }
}
