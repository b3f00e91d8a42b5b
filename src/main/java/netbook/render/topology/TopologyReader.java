package netbook.render.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netbook.engine.ContainerInfo;
import netbook.engine.Endpoint;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.HostInterface;
import netbook.engine.NetworkInfo;
import netbook.engine.PortBinding;

/**
 * Builds a {@link Topology} from the engine port's records alone, so both engines draw the same
 * way. Networks without a segment of their own ({@code host}, {@code none}) are not bridges; the
 * containers on them are marked by their network mode.
 */
public final class TopologyReader {
  private TopologyReader() {}

  static Topology read(Engine engine, boolean hostSide) {
    List<NetworkInfo> networks = engine.networks();
    List<ContainerInfo> containers = engine.containers(true);
    List<HostInterface> host;
    try {
      host = hostSide ? engine.hostInterfaces() : List.of();
    } catch (EngineException e) {
      host = List.of(); // the picture still stands without veth names
    }
    return from(networks, containers, host);
  }

  /** The snapshot these records describe: what tests build by hand. */
  public static Topology from(
      List<NetworkInfo> networks, List<ContainerInfo> containers, List<HostInterface> host) {
    List<Topology.Bridge> bridges = new ArrayList<>();
    for (NetworkInfo n : networks) {
      if (n.name().equals("host") || n.name().equals("none") || n.driver().equals("null")) {
        continue;
      }
      if (n.driver().equals("host")) {
        continue;
      }
      bridges.add(
          new Topology.Bridge(n.name(), n.bridgeName(), n.driver(), n.subnet(), gateway(n, host)));
    }
    bridges.sort(
        Comparator.comparing((Topology.Bridge b) -> !b.isDefault())
            .thenComparing(Topology.Bridge::network));
    List<String> bridgeNames = bridges.stream().map(Topology.Bridge::network).toList();

    List<Topology.Node> nodes = new ArrayList<>();
    for (ContainerInfo c : containers) {
      List<Topology.Link> links = new ArrayList<>();
      for (Endpoint e : c.endpoints()) {
        if (!bridgeNames.contains(e.network())) {
          continue;
        }
        String device = bridges.get(bridgeNames.indexOf(e.network())).device();
        if (e.ipv4() == null || e.ipv4().isEmpty()) {
          continue; // a stopped container keeps its endpoint config but no address
        }
        links.add(new Topology.Link(e.network(), e.ipv4(), e.prefixLen(), veth(host, c, device)));
      }
      links.sort(Comparator.comparing(l -> bridgeNames.indexOf(l.network())));
      List<Topology.Port> ports = new ArrayList<>();
      for (PortBinding p : c.ports()) {
        if (p.hostPort() > 0) {
          ports.add(
              new Topology.Port(
                  p.hostIp(), p.hostPort(), c.name(), p.containerPort(), p.protocol()));
        }
      }
      nodes.add(new Topology.Node(c.name(), c.image(), c.state(), mode(c), links, ports));
    }
    nodes.sort(Comparator.comparing(Topology.Node::name));
    return new Topology(uplink(host), bridges, nodes);
  }

  /**
   * The gateway as IPAM reports it; Docker often leaves it out for the default bridge, so then the
   * bridge device's own address, or the gateway its endpoints were given.
   */
  private static String gateway(NetworkInfo n, List<HostInterface> host) {
    if (!n.gateway().isEmpty()) {
      return n.gateway();
    }
    String device = n.bridgeName();
    for (HostInterface i : host) {
      if (!device.isEmpty() && i.name().equals(device) && !i.addresses().isEmpty()) {
        String a = i.addresses().get(0);
        return a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
      }
    }
    return n.endpoints().stream()
        .map(Endpoint::gateway)
        .filter(g -> g != null && !g.isEmpty())
        .findFirst()
        .orElse("");
  }

  private static String mode(ContainerInfo c) {
    String m = c.networkMode();
    if (m == null || m.isEmpty() || m.equals("default")) {
      return "bridge";
    }
    return m;
  }

  /** The veth enslaved to {@code device} whose peer is this container's interface. */
  private static String veth(List<HostInterface> host, ContainerInfo c, String device) {
    return host.stream()
        .filter(i -> i.kind().equals("veth"))
        .filter(i -> device.isEmpty() || i.master().equals(device))
        .filter(i -> sameContainer(i.container(), c))
        .map(HostInterface::name)
        .findFirst()
        .orElse("");
  }

  private static boolean sameContainer(String ref, ContainerInfo c) {
    if (ref.isEmpty()) {
      return false;
    }
    String r = ref.startsWith("/") ? ref.substring(1) : ref;
    return r.equals(c.name()) || (r.length() >= 12 && c.id().startsWith(r));
  }

  /** The interface the host reaches the world through: eth0 if it has one, else the first NIC. */
  private static Topology.Uplink uplink(List<HostInterface> host) {
    List<HostInterface> nics =
        host.stream()
            .filter(i -> !i.kind().equals("loopback") && !i.kind().equals("bridge"))
            .filter(i -> !i.kind().equals("veth") && !i.name().startsWith("veth"))
            .toList();
    HostInterface pick =
        nics.stream()
            .filter(i -> i.name().equals("eth0"))
            .findFirst()
            .orElse(nics.stream().filter(i -> !i.addresses().isEmpty()).findFirst().orElse(null));
    if (pick == null) {
      return Topology.Uplink.UNKNOWN;
    }
    return new Topology.Uplink(
        pick.name(), pick.addresses().isEmpty() ? "" : pick.addresses().get(0));
  }
}
