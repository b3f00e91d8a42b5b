package netbook.render.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netbook.engine.ContainerInfo;
import netbook.engine.Endpoint;
import netbook.engine.HostInterface;
import netbook.engine.IpamConfig;
import netbook.engine.NetworkInfo;
import netbook.engine.PortBinding;

/** The chapter's scenarios as hand-made port records, so the drawings are stable. */
final class Scenarios {
  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  static final String BRIDGE_ID = "5400f00b0ff6aa" + "0".repeat(50);
  static final String MY_BRIDGE_ID =
      "97ac278b6d1ad67d116bc60c355dca81f1a7b6e22cfc7730252def6dd3b6eb79";

  private final List<NetworkInfo> networks = new ArrayList<>();
  private final List<ContainerInfo> containers = new ArrayList<>();
  private final List<HostInterface> host = new ArrayList<>();
  private int ifindex = 3;

  private Scenarios() {
    network("bridge", BRIDGE_ID, "172.17.0.0/16", "172.17.0.1");
    networks.add(net("host", "999e2e3eac57" + "1".repeat(52), "host", null, null));
    networks.add(net("none", "84b2f783c5d0" + "2".repeat(52), "null", null, null));
    host.add(new HostInterface(1, "lo", "loopback", "", List.of("127.0.0.1/8"), true, "", "", 0));
    host.add(
        new HostInterface(
            2,
            "eth0",
            "ethernet",
            "0a:4b:6f:44:89:9b",
            List.of("172.31.18.82/20"),
            true,
            "",
            "",
            0));
  }

  static Scenarios base() {
    return new Scenarios();
  }

  /** docker run -dit --name container_1 ubuntu; … container_2 */
  static Topology defaultBridge() {
    return base()
        .container("container_1", "bridge", "bridge 172.17.0.3 veth3fc36ad")
        .container("container_2", "bridge", "bridge 172.17.0.4 vethf8eafcc")
        .topology();
  }

  /** The user-defined network step: my_bridge with container_a and container_b beside docker0. */
  static Topology myBridge() {
    return base()
        .container("container_1", "bridge", "bridge 172.17.0.3 veth3fc36ad")
        .network("my_bridge", MY_BRIDGE_ID, "172.18.0.0/16", "172.18.0.1")
        .container("container_a", "my_bridge", "my_bridge 172.18.0.2 veth6c1e0a2")
        .container("container_b", "my_bridge", "my_bridge 172.18.0.3 veth91b4d07")
        .topology();
  }

  /** A container connected to a second network (docker network connect my_bridge container_1). */
  static Topology twoNetworks() {
    return base()
        .network("my_bridge", MY_BRIDGE_ID, "172.18.0.0/16", "172.18.0.1")
        .container(
            "container_1",
            "bridge",
            "bridge 172.17.0.2 veth3fc36ad",
            "my_bridge 172.18.0.3 veth5d2a9e1")
        .container("container_a", "my_bridge", "my_bridge 172.18.0.2 veth6c1e0a2")
        .topology();
  }

  /** Containers on host and none, and nginx published on 8080. */
  static Topology hostAndNone() {
    return base()
        .published("web", 8080, 80, "bridge 172.17.0.2 veth1a2b3c4")
        .container("web_host", "host")
        .container("lonely", "none")
        .topology();
  }

  Scenarios network(String name, String id, String subnet, String gateway) {
    networks.add(net(name, id, "bridge", subnet, gateway));
    String device = name.equals("bridge") ? "docker0" : "br-" + id.substring(0, 12);
    host.add(
        new HostInterface(
            ifindex++,
            device,
            "bridge",
            "02:42:00:00:00:01",
            List.of(gateway + "/16"),
            true,
            "",
            "",
            0));
    return this;
  }

  /** Each link reads "network ip veth". */
  Scenarios container(String name, String mode, String... links) {
    return add(name, "ubuntu", mode, List.of(), links);
  }

  Scenarios published(String name, int hostPort, int port, String... links) {
    return add(name, "nginx", "bridge", List.of(PortBinding.tcp(hostPort, port)), links);
  }

  private Scenarios add(
      String name, String image, String mode, List<PortBinding> ports, String... links) {
    String id = Integer.toHexString(name.hashCode()) + "0".repeat(56);
    List<Endpoint> eps = new ArrayList<>();
    for (String l : links) {
      String[] p = l.split(" ");
      NetworkInfo n =
          networks.stream().filter(x -> x.name().equals(p[0])).findFirst().orElseThrow();
      String[] o = p[1].split("\\.");
      String mac =
          String.format(
              "02:42:ac:%02x:%02x:%02x",
              Integer.parseInt(o[1]), Integer.parseInt(o[2]), Integer.parseInt(o[3]));
      eps.add(
          new Endpoint(
              n.name(), n.id(), id, name, "ep" + name, p[1], 16, n.gateway(), mac, List.of()));
      host.add(
          new HostInterface(
              ifindex++, p[2], "veth", "", List.of(), true, n.bridgeName(), name, ifindex + 100));
    }
    containers.add(
        new ContainerInfo(
            id,
            name,
            image,
            List.of("bash"),
            "running",
            "Up 3 seconds",
            T0,
            id.substring(0, 12),
            mode,
            Map.of(),
            eps,
            ports));
    return this;
  }

  /** An exited container: Docker keeps its bridge endpoint, without an address. */
  Scenarios stopped(String name) {
    String id = Integer.toHexString(name.hashCode()) + "0".repeat(56);
    NetworkInfo n = networks.get(0);
    Endpoint ep = new Endpoint("bridge", n.id(), id, name, "", "", 0, "", "", List.of());
    containers.add(
        new ContainerInfo(
            id,
            name,
            "ubuntu",
            List.of("bash"),
            "exited",
            "Exited (0) 1 second ago",
            T0,
            id.substring(0, 12),
            "bridge",
            Map.of(),
            List.of(ep),
            List.of()));
    return this;
  }

  Topology topology() {
    List<NetworkInfo> withEndpoints = new ArrayList<>();
    for (NetworkInfo n : networks) {
      List<Endpoint> eps =
          containers.stream()
              .flatMap(c -> c.endpoints().stream())
              .filter(e -> e.network().equals(n.name()))
              .toList();
      withEndpoints.add(
          new NetworkInfo(
              n.id(),
              n.name(),
              n.driver(),
              n.scope(),
              n.internal(),
              n.ipam(),
              n.options(),
              n.labels(),
              eps,
              n.created()));
    }
    return TopologyReader.from(withEndpoints, containers, host);
  }

  private static NetworkInfo net(String name, String id, String driver, String subnet, String gw) {
    List<IpamConfig> ipam = subnet == null ? List.of() : List.of(new IpamConfig(subnet, gw, ""));
    return new NetworkInfo(
        id, name, driver, "local", false, ipam, Map.of(), Map.of(), List.of(), T0);
  }
}
