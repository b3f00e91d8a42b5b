package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netbook.engine.HostInterface;

/**
 * What a container sees of the network from inside its namespace (interfaces, routes, /etc/hosts,
 * /etc/resolv.conf), and what the engine's host sees: lo, eth0, docker0, the br- bridges and one
 * veth per running endpoint.
 */
public final class Namespaces {
  static final Cidr LOOPBACK = Cidr.parse("127.0.0.0/8");
  public static final String EMBEDDED_DNS = "127.0.0.11";

  private final DockerModel model;

  public Namespaces(DockerModel model) {
    this.model = model;
  }

  /** The active endpoints with an address, in interface order, of the namespace of {@code c}. */
  public List<Map.Entry<NetworkState, EndpointState>> endpoints(ContainerState c) {
    ContainerState ns = c.namespace();
    List<Map.Entry<NetworkState, EndpointState>> out = new ArrayList<>();
    if (!ns.running()) {
      return out;
    }
    for (Map.Entry<String, EndpointState> e : ns.endpoints().entrySet()) {
      NetworkState n = model.networkById(e.getKey());
      if (n != null && e.getValue().active() && e.getValue().address() != 0) {
        out.add(Map.entry(n, e.getValue()));
      }
    }
    out.sort(Comparator.comparingInt(x -> x.getValue().ifIndex()));
    return out;
  }

  public boolean hostMode(ContainerState c) {
    return c.namespace().hostMode();
  }

  public List<NetInterface> interfaces(ContainerState c) {
    if (hostMode(c)) {
      return hostInterfaces();
    }
    List<NetInterface> out = new ArrayList<>();
    out.add(loopback(ipv6(c)));
    for (Map.Entry<NetworkState, EndpointState> x : endpoints(c)) {
      EndpointState e = x.getValue();
      boolean v6 = e.ipv6Address() != null;
      out.add(
          NetInterface.builder(e.ifIndex(), e.ifName(), NetInterface.Kind.ETHER, e.mac())
              .peer(e.vethIndex())
              .ipv4(x.getKey().subnet(), e.address())
              .mtu(mtu(x.getKey()))
              .global6(v6 ? e.ipv6() + "/" + x.getKey().subnet6().prefix() : null)
              .linkLocal6(v6 ? Macs.linkLocal(e.mac()) : null)
              .traffic(e.packets(), e.bytes())
              .build());
    }
    return out;
  }

  /** The MTU of a network's interfaces: com.docker.network.driver.mtu, else 1500. */
  static int mtu(NetworkState n) {
    String v = n.options().get("com.docker.network.driver.mtu");
    try {
      return v == null || v.isEmpty() ? 1500 : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return 1500;
    }
  }

  private static NetInterface loopback(boolean withIpv6) {
    return NetInterface.builder(1, "lo", NetInterface.Kind.LOOPBACK, "00:00:00:00:00:00")
        .ipv4(LOOPBACK, Ipv4.parse("127.0.0.1"))
        .mtu(65536)
        .linkLocal6(withIpv6 ? "::1/128" : null)
        .build();
  }

  /**
   * Whether the namespace has IPv6 on (an endpoint on a network with IPv6): Docker turns IPv6 off
   * in other containers, whose lo then has no ::1 either.
   */
  public boolean ipv6(ContainerState c) {
    return !hostMode(c) && endpoints(c).stream().anyMatch(x -> x.getValue().ipv6Address() != null);
  }

  /**
   * busybox {@code ip -6 route}: per IPv6 network its subnet and fe80::/64, the default, multicast.
   */
  public String routes6(ContainerState c) {
    StringBuilder sb = new StringBuilder();
    String defaultRoute = "";
    String multicast = "";
    for (Map.Entry<NetworkState, EndpointState> x : endpoints(c)) {
      EndpointState e = x.getValue();
      if (e.ipv6Address() == null) {
        continue;
      }
      sb.append(x.getKey().subnet6()).append(" dev ").append(e.ifName()).append("  metric 256 \n");
      sb.append("fe80::/64 dev ").append(e.ifName()).append("  metric 256 \n");
      if (defaultRoute.isEmpty() && !x.getKey().internal()) {
        defaultRoute =
            "default via "
                + Ipv6.format(x.getKey().gateway6())
                + " dev "
                + e.ifName()
                + "  metric 1024 \n";
      }
      multicast += "multicast ff00::/8 dev " + e.ifName() + "  metric 256 \n";
    }
    return sb + defaultRoute + multicast;
  }

  /** The host's interfaces in index order. */
  public List<NetInterface> hostInterfaces() {
    List<NetInterface> out = new ArrayList<>();
    out.add(loopback(true));
    out.add(
        NetInterface.builder(2, "eth0", NetInterface.Kind.ETHER, DockerModel.HOST_MAC)
            .ipv4(DockerModel.HOST_LAN, DockerModel.HOST_ADDRESS)
            .linkLocal6(Macs.linkLocal(DockerModel.HOST_MAC))
            .build());
    for (NetworkState n : model.networks()) {
      if (n.isBridge() && n.subnet() != null) {
        out.add(
            NetInterface.builder(
                    n.bridgeIndex(), n.bridgeName(), NetInterface.Kind.BRIDGE, n.bridgeMac())
                .ipv4(n.subnet(), n.gateway())
                .carrier(n.hasEndpoints())
                .linkLocal6(Macs.linkLocal(n.bridgeMac()))
                .global6(n.ipv6() ? Ipv6.format(n.gateway6()) + "/" + n.subnet6().prefix() : null)
                .build());
        for (EndpointState e : n.endpoints()) {
          if (e.active() && e.address() != 0) {
            out.add(
                NetInterface.builder(
                        e.vethIndex(), e.vethName(), NetInterface.Kind.VETH, e.vethMac())
                    .peer(e.ifIndex())
                    .master(n.bridgeName())
                    .mtu(mtu(n))
                    .linkLocal6(Macs.linkLocal(e.vethMac()))
                    .traffic(e.packets(), e.bytes())
                    .build());
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(NetInterface::index));
    return out;
  }

  /** The host side as the engine port's records. */
  public List<HostInterface> hostView() {
    List<HostInterface> out = new ArrayList<>();
    for (NetInterface i : hostInterfaces()) {
      List<String> addresses = new ArrayList<>();
      if (i.hasIpv4()) {
        addresses.add(Ipv4.format(i.address()) + "/" + i.net().prefix());
      }
      String container = "";
      if (i.kind() == NetInterface.Kind.VETH) {
        for (NetworkState n : model.networks()) {
          for (String containerId : n.attachedContainerIds()) {
            if (n.endpointOf(containerId).orElseThrow().vethIndex() == i.index()) {
              container = model.containerById(containerId).orElseThrow().name();
            }
          }
        }
      }
      out.add(
          new HostInterface(
              i.index(),
              i.name(),
              i.kind().name().toLowerCase(Locale.ROOT),
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
  public int defaultGateway(ContainerState c) {
    if (hostMode(c)) {
      return DockerModel.HOST_GATEWAY;
    }
    for (Map.Entry<NetworkState, EndpointState> x : endpoints(c)) {
      if (!x.getKey().internal()) {
        return x.getKey().gateway();
      }
    }
    return 0;
  }

  public String routes(ContainerState c) {
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
      if (!x.getKey().internal()) {
        sb.append("default via ")
            .append(Ipv4.format(x.getKey().gateway()))
            .append(" dev ")
            .append(x.getValue().ifName())
            .append(" \n");
        break;
      }
    }
    for (Map.Entry<NetworkState, EndpointState> x : eps) {
      sb.append(x.getKey().subnet())
          .append(" dev ")
          .append(x.getValue().ifName())
          .append(" scope link  src ")
          .append(x.getValue().ipv4())
          .append(" \n");
    }
    return sb.toString();
  }

  public String hostsFile(ContainerState c) {
    if (hostMode(c)) {
      return "127.0.0.1\tlocalhost\n127.0.1.1\t"
          + model.options().hostName()
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
    for (String entry : ns.config().extraHosts()) {
      int colon = entry.indexOf(':');
      String ip = entry.substring(colon + 1);
      if (ip.equals("host-gateway")) {
        ip = Ipv4.format(model.network("bridge").gateway());
      }
      sb.append(ip).append('\t').append(entry, 0, colon).append('\n');
    }
    for (String line : Links.hostsLines(ns, model)) {
      sb.append(line).append('\n');
    }
    for (Map.Entry<NetworkState, EndpointState> x : endpoints(c)) {
      sb.append(x.getValue().ipv4()).append('\t').append(hostLine(ns)).append('\n');
      if (x.getValue().ipv6Address() != null) {
        sb.append(x.getValue().ipv6()).append('\t').append(hostLine(ns)).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The environment of the container's processes in dockerd's order: PATH, HOSTNAME, TERM with a
   * tty, the links' variables, the rest of Config.Env, and HOME when none was set.
   */
  public List<String> environment(ContainerState c) {
    List<String> env = new ArrayList<>();
    List<String> own = c.config().env();
    own.stream().filter(v -> v.startsWith("PATH=")).findFirst().ifPresent(env::add);
    env.add("HOSTNAME=" + hostname(c));
    if (c.tty()) {
      env.add("TERM=xterm");
    }
    env.addAll(Links.env(c, model));
    own.stream().filter(v -> !v.startsWith("PATH=")).forEach(env::add);
    if (env.stream().noneMatch(v -> v.startsWith("HOME="))) {
      env.add("HOME=/root");
    }
    return env;
  }

  private static String hostLine(ContainerState ns) {
    return ns.config().domainname().isEmpty()
        ? ns.config().hostname()
        : ns.config().hostname() + "." + ns.config().domainname() + " " + ns.config().hostname();
  }

  /** Whether the namespace uses Docker's embedded DNS (attached to a user-defined network). */
  public boolean embeddedDns(ContainerState c) {
    return !hostMode(c) && endpoints(c).stream().anyMatch(x -> x.getKey().isUserDefined());
  }

  /** The name servers the namespace's /etc/resolv.conf lists. */
  public List<String> nameservers(ContainerState c) {
    if (embeddedDns(c)) {
      return List.of(EMBEDDED_DNS);
    }
    ContainerState ns = c.namespace();
    if (!hostMode(c) && !ns.config().dns().isEmpty()) {
      return ns.config().dns();
    }
    return List.of(model.options().upstreamDns());
  }

  /**
   * /etc/resolv.conf as libnetwork writes it: search domains, name servers, then the options (the
   * embedded DNS adds ndots:0 unless the user set ndots).
   */
  public String resolvConf(ContainerState c) {
    StringBuilder sb = new StringBuilder();
    ContainerConfig config = c.namespace().config();
    if (!hostMode(c) && !config.dnsSearch().isEmpty()) {
      sb.append("search ").append(String.join(" ", config.dnsSearch())).append('\n');
    }
    for (String ns : nameservers(c)) {
      sb.append("nameserver ").append(ns).append('\n');
    }
    List<String> options = new ArrayList<>(hostMode(c) ? List.of() : config.dnsOptions());
    if (embeddedDns(c) && options.stream().noneMatch(o -> o.startsWith("ndots"))) {
      options.add("ndots:0");
    }
    if (!options.isEmpty()) {
      sb.append("options ").append(String.join(" ", options)).append('\n');
    }
    return sb.toString();
  }

  public String hostname(ContainerState c) {
    return c.namespace().config().hostname();
  }
}
