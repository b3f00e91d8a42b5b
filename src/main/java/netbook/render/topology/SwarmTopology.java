package netbook.render.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.engine.SwarmNode;

/**
 * A snapshot of a Docker Swarm read only from the engine port: each node (host) with its own
 * one-host {@link Topology} (its bridges — docker0, docker_gwbridge — and its containers with their
 * addresses) and its address on the swarm's bridge, and the overlay networks spanning them with
 * their subnet and VXLAN id (VNI) as the manager reports them. The {@code ingress} network counts
 * only when a container (a service's task) sits on it, which is when a service publishes a port.
 */
public record SwarmTopology(List<Host> hosts, List<OverlayNet> overlays) {
  /** The option Docker's overlay driver keeps a network's VXLAN ids in. */
  public static final String VXLAN_OPTION = "com.docker.network.driver.overlay.vxlanid_list";

  public SwarmTopology {
    hosts = List.copyOf(hosts);
    overlays = List.copyOf(overlays);
  }

  /** One Docker node: its name, {@code manager}/{@code worker}, address, and what runs on it. */
  public record Host(String name, String role, String address, Topology topology) {
    public Host {
      role = role == null ? "" : role;
      address = address == null ? "" : address;
    }

    /** The bridges drawn in the node's box: every network but the overlays. */
    public List<Topology.Bridge> bridges() {
      return topology.bridges().stream().filter(b -> !b.driver().equals("overlay")).toList();
    }

    @Override
    public String toString() {
      return name + (role.isEmpty() ? "" : " (" + role + ")") + " " + address;
    }
  }

  /** An overlay network: its name, subnet and VXLAN network identifier ("" when unknown). */
  public record OverlayNet(String name, String subnet, String vni) {
    public OverlayNet {
      subnet = subnet == null ? "" : subnet;
      vni = vni == null ? "" : vni;
    }

    public boolean isIngress() {
      return name.equals("ingress");
    }

    /** {@code ov 10.0.1.0/24 VXLAN VNI 4097}: the band's caption. */
    public String caption() {
      return name
          + (subnet.isEmpty() ? "" : "  " + subnet)
          + (vni.isEmpty() ? "" : "  VXLAN VNI " + vni)
          + (isIngress() ? "  (routing mesh)" : "");
    }

    @Override
    public String toString() {
      return "overlay " + caption();
    }
  }

  /** A container on an overlay: the node it runs on, its name and its address there. */
  public record Member(String host, String container, String ip) {
    @Override
    public String toString() {
      return container + " " + ip + " on " + host;
    }
  }

  /** What a node of the swarm is, for reading: its name, address and engine. */
  public record Source(String name, String address, Engine engine) {
    @Override
    public String toString() {
      return "node " + name + " (" + address + ")";
    }
  }

  /**
   * Reads every node's engine (the first is the manager, asked for the overlays' VNIs and the
   * nodes' roles). Overlays are those the nodes list; ingress only when a container is on it.
   */
  public static SwarmTopology read(List<Source> nodes) {
    Engine manager = nodes.get(0).engine();
    Map<String, String> roles = new LinkedHashMap<>();
    for (SwarmNode n : manager.swarmNodes()) {
      roles.put(n.hostname(), n.managerStatus().isEmpty() ? "worker" : "manager");
    }
    List<Host> hosts = new ArrayList<>();
    Map<String, NetworkInfo> overlays = new LinkedHashMap<>();
    for (NetworkInfo n : manager.networks()) {
      if (n.driver().equals("overlay")) {
        overlays.put(n.name(), n);
      }
    }
    for (Source s : nodes) {
      Topology t = Topology.snapshot(s.engine(), false);
      hosts.add(new Host(s.name(), roles.getOrDefault(s.name(), ""), s.address(), t));
      for (Topology.Bridge b : t.bridges()) {
        if (b.driver().equals("overlay") && !overlays.containsKey(b.network())) {
          s.engine().findNetwork(b.network()).ifPresent(n -> overlays.put(n.name(), n));
        }
      }
    }
    List<OverlayNet> nets = new ArrayList<>();
    for (NetworkInfo listed : overlays.values()) {
      NetworkInfo n = inspect(manager, listed);
      nets.add(new OverlayNet(n.name(), n.subnet(), vni(n)));
    }
    return of(hosts, nets);
  }

  /**
   * The snapshot of these hosts and overlays, as tests build them: ingress is kept only when a
   * container is on it; overlays sorted by name with ingress last.
   */
  public static SwarmTopology of(List<Host> hosts, List<OverlayNet> overlays) {
    SwarmTopology all = new SwarmTopology(hosts, overlays);
    List<OverlayNet> kept = new ArrayList<>();
    for (OverlayNet o : overlays) {
      if (!o.isIngress() || !all.members(o.name()).isEmpty()) {
        kept.add(o);
      }
    }
    kept.sort(
        java.util.Comparator.comparing(OverlayNet::isIngress).thenComparing(OverlayNet::name));
    return new SwarmTopology(hosts, kept);
  }

  /** The manager's full record of the network (a list may leave out the options). */
  private static NetworkInfo inspect(Engine manager, NetworkInfo listed) {
    if (listed.options().containsKey(VXLAN_OPTION)) {
      return listed;
    }
    try {
      return manager.findNetwork(listed.id()).orElse(listed);
    } catch (EngineException e) {
      return listed;
    }
  }

  /** The VXLAN id, from the driver's options ({@code "4097"}; several are comma separated). */
  static String vni(NetworkInfo n) {
    String v = n.options().getOrDefault(VXLAN_OPTION, "");
    return v.strip();
  }

  private static final java.util.regex.Pattern TASK =
      java.util.regex.Pattern.compile("(.+\\.\\d+)\\.[a-z0-9]{25}");

  /**
   * A container's name as the drawings show it: a service's task ({@code web.1.<25-character task
   * id>}) as {@code docker service ps} names it, {@code web.1}; others unchanged.
   */
  public static String label(String container) {
    java.util.regex.Matcher m = TASK.matcher(container);
    return m.matches() ? m.group(1) : container;
  }

  public Optional<Host> host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The containers with an address on {@code overlay}, node by node, in address order. */
  public List<Member> members(String overlay) {
    List<Member> out = new ArrayList<>();
    for (Host h : hosts) {
      for (Topology.Node n : h.topology().on(overlay)) {
        out.add(new Member(h.name(), n.name(), n.link(overlay).orElseThrow().ip()));
      }
    }
    return out;
  }

  /** The members of {@code overlay} on one host. */
  public List<Member> members(String overlay, String host) {
    return members(overlay).stream().filter(m -> m.host().equals(host)).toList();
  }

  /** The containers on every node. */
  public long runningContainers() {
    return hosts.stream()
        .flatMap(h -> h.topology().containers().stream())
        .filter(Topology.Node::running)
        .count();
  }

  /** The terminal drawing at 80 columns. */
  @Override
  public String toString() {
    return new SwarmTerminalDiagram(80, true).draw(this);
  }
}
