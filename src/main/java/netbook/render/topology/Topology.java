package netbook.render.topology;

import java.util.List;
import java.util.Optional;
import netbook.engine.Engine;

/**
 * A snapshot of the network a learner has built, read only from the engine port: the host's uplink,
 * each bridge (or other driver's network) with its subnet and gateway, each container with its
 * address and veth per network, the ports published on the host, and the containers on {@code host}
 * / {@code none}. Drawn by {@link TerminalDiagram}, {@link SvgDiagram} and {@link GraphText};
 * compared by {@link TopologyDiff}.
 */
public record Topology(Uplink uplink, List<Bridge> bridges, List<Node> containers) {

  public Topology {
    uplink = uplink == null ? Uplink.UNKNOWN : uplink;
    bridges = List.copyOf(bridges);
    containers = List.copyOf(containers);
  }

  /** Reads the engine's networks, containers (all) and host interfaces. */
  public static Topology snapshot(Engine engine) {
    return TopologyReader.read(engine, true);
  }

  /**
   * Reads the engine, with veth names only when {@code hostSide}: reading them execs into every
   * running container on a local engine, which change summaries after each cell do without.
   */
  public static Topology snapshot(Engine engine, boolean hostSide) {
    return TopologyReader.read(engine, hostSide);
  }

  /** The host's own interface toward the outside world (eth0), as {@code ip addr} shows it. */
  public record Uplink(String name, String address) {
    public static final Uplink UNKNOWN = new Uplink("eth0", "");

    public Uplink {
      name = name == null || name.isEmpty() ? "eth0" : name;
      address = address == null ? "" : address;
    }

    @Override
    public String toString() {
      return address.isEmpty() ? name : name + " " + address;
    }
  }

  /**
   * One network with its own segment: {@code device} is the Linux bridge on the host ({@code
   * docker0}, {@code br-…}), "" for drivers without one.
   */
  public record Bridge(
      String network, String device, String driver, String subnet, String gateway) {
    public Bridge {
      device = device == null ? "" : device;
      subnet = subnet == null ? "" : subnet;
      gateway = gateway == null ? "" : gateway;
    }

    /** Docker's default bridge (docker0), the one without name resolution. */
    public boolean isDefault() {
      return network.equals("bridge");
    }

    /** The device when there is one, else the network's name. */
    public String title() {
      return device.isEmpty() ? network : device;
    }

    @Override
    public String toString() {
      return "network "
          + network
          + " ("
          + (device.isEmpty() ? driver : device)
          + " "
          + subnet
          + ")";
    }
  }

  /** A container's place on one network: its address there and the host-side veth, if known. */
  public record Link(String network, String ip, int prefixLen, String veth) {
    public Link {
      ip = ip == null ? "" : ip;
      veth = veth == null ? "" : veth;
    }

    public boolean hasIp() {
      return !ip.isEmpty();
    }

    public String cidr() {
      return ip.isEmpty() ? "" : ip + "/" + prefixLen;
    }

    @Override
    public String toString() {
      return network + " " + (ip.isEmpty() ? "(no address)" : cidr()) + veth(" via ");
    }

    private String veth(String prefix) {
      return veth.isEmpty() ? "" : prefix + veth;
    }
  }

  /** A port published on the host: {@code host:8080 → web:80}. */
  public record Port(
      String hostIp, int hostPort, String container, int containerPort, String proto) {
    public Port {
      hostIp = hostIp == null ? "" : hostIp;
      proto = proto == null || proto.isEmpty() ? "tcp" : proto;
    }

    @Override
    public String toString() {
      String host = hostIp.isEmpty() || hostIp.equals("0.0.0.0") ? "host" : hostIp;
      String tail = proto.equals("tcp") ? "" : "/" + proto;
      return host + ":" + hostPort + " → " + container + ":" + containerPort + tail;
    }
  }

  /**
   * A container. {@code mode} is its network mode: {@code bridge} or a network's name (it has its
   * own network stack), {@code host}, {@code none}, or {@code container:<name>}.
   */
  public record Node(
      String name, String image, String state, String mode, List<Link> links, List<Port> ports) {
    public Node {
      mode = mode == null ? "" : mode;
      links = List.copyOf(links);
      ports = List.copyOf(ports);
    }

    public boolean running() {
      return state.equals("running");
    }

    public boolean onHost() {
      return mode.equals("host");
    }

    public boolean isolated() {
      return mode.equals("none");
    }

    /** The container whose network stack this one shares ({@code container:web}), or "". */
    public String sharesWith() {
      return mode.startsWith("container:") ? mode.substring("container:".length()) : "";
    }

    public Optional<Link> link(String network) {
      return links.stream().filter(l -> l.network().equals(network)).findFirst();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(name).append(" (").append(state);
      if (links.isEmpty()) {
        sb.append(", ").append(mode.isEmpty() ? "no network" : mode);
      }
      for (Link l : links) {
        sb.append(", ").append(l);
      }
      return sb.append(')').toString();
    }
  }

  public Optional<Bridge> bridge(String network) {
    return bridges.stream().filter(b -> b.network().equals(network)).findFirst();
  }

  public Optional<Node> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The containers with an address on {@code network}, in address order. */
  public List<Node> on(String network) {
    return containers.stream()
        .filter(c -> c.link(network).isPresent())
        .sorted(
            (a, b) ->
                Addresses.compare(
                    a.link(network).orElseThrow().ip(), b.link(network).orElseThrow().ip()))
        .toList();
  }

  /** Every published port, container by container. */
  public List<Port> ports() {
    return containers.stream().flatMap(c -> c.ports().stream()).toList();
  }

  /** The terminal drawing at 80 columns. */
  @Override
  public String toString() {
    return new TerminalDiagram(80, true).draw(this);
  }
}
