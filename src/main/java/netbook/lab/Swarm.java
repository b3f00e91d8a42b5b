package netbook.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.PortBinding;
import netbook.engine.SwarmNode;
import netbook.render.topology.Diagram;
import netbook.render.topology.SwarmTopology;

/**
 * A Docker Swarm of N real Docker nodes ({@code node1…nodeN}) running as containers on the
 * session's engine, on a bridge of their own: each node is a {@code dockerd} (the project's {@code
 * netbook/node} image, built from Debian's docker.io), node1 the manager, the others workers. The
 * nodes carry the session's labels, so {@code cleanup()} and the crash reaper remove them — and
 * everything inside them — with the rest. Made by {@code swarm(3)}; {@code swarm()} is the current
 * one.
 */
public final class Swarm {
  /** The image a node runs, built by {@code .ci/mirror node} from Debian packages. */
  public static final String NODE_IMAGE = "netbook/node:latest";

  static final String NETWORK = "netbook_swarm";
  static final String LABEL_NODE = "netbook.swarm.node";
  private static final Duration NODE_UP = Duration.ofSeconds(60);

  private final Session host;
  private final List<Node> nodes;

  private Swarm(Session host, List<Node> nodes) {
    this.host = host;
    this.nodes = List.copyOf(nodes);
  }

  /** The swarm of the session: made with {@code size} nodes, or the one already there. */
  static Swarm of(Session host, int size) {
    return of(host, size, "");
  }

  /**
   * As {@link #of(Session, int)}, the node containers and their bridge named with {@code prefix} on
   * the host engine (tests that share a daemon); inside the swarm the nodes are still node1….
   */
  static Swarm of(Session host, int size, String prefix) {
    if (size < 1 || size > 9) {
      throw new NetbookException("a swarm has 1 to 9 nodes here; swarm(3) is the lesson's");
    }
    Swarm existing = host.part(Holder.class, s -> new Holder()).swarm;
    if (existing != null) {
      if (existing.nodes.size() != size) {
        throw new NetbookException(
            "this session's swarm has "
                + existing.nodes.size()
                + " nodes; cleanup() removes it before a swarm("
                + size
                + ")");
      }
      return existing;
    }
    Swarm s = create(host, size, prefix);
    host.part(Holder.class, x -> new Holder()).swarm = s;
    return s;
  }

  /** The session's swarm, if {@code swarm(N)} made one (the console's {@code -H node2}). */
  public static Optional<Swarm> in(Session host) {
    return Optional.ofNullable(host.part(Holder.class, x -> new Holder()).swarm);
  }

  /** The session's swarm, made earlier by {@code swarm(N)}. */
  static Swarm current(Session host) {
    Swarm s = host.part(Holder.class, x -> new Holder()).swarm;
    if (s == null) {
      throw new NetbookException("no swarm yet: swarm(3) makes one of three nodes");
    }
    return s;
  }

  /** Forgets the swarm (its nodes were removed by a cleanup) and closes the node connections. */
  static void forget(Session host) {
    Holder h = host.part(Holder.class, x -> new Holder());
    Swarm s = h.swarm;
    h.swarm = null;
    if (s != null) {
      s.nodes.forEach(n -> n.engine().close());
    }
  }

  /** Where a session keeps its swarm. */
  static final class Holder {
    volatile Swarm swarm;
  }

  private static Swarm create(Session host, int size, String prefix) {
    String bridge = prefix + NETWORK;
    Engine engine = host.engine();
    if (engine.findImage(NODE_IMAGE).isEmpty()) {
      throw new NetbookException(
          "the node image "
              + NODE_IMAGE
              + " is missing: build it once with `sudo .ci/mirror node` (Debian's docker.io in a"
              + " debootstrap rootfs, about a minute)");
    }
    if (engine.findNetwork(bridge).isEmpty()) {
      host.createNetwork(NetworkSpec.bridge(bridge, java.util.Map.of()), Dialect.JAVA);
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      nodes.add(start(host, "node" + i, prefix, bridge));
    }
    Node manager = nodes.get(0);
    String token = manager.engine().swarmInit(manager.ip());
    for (Node n : nodes.subList(1, nodes.size())) {
      n.engine().swarmJoin(manager.ip() + ":2377", token);
    }
    Swarm s = new Swarm(host, nodes);
    s.awaitReady(Duration.ofSeconds(60));
    return s;
  }

  private static Node start(Session host, String name, String prefix, String bridge) {
    ContainerSpec.Builder spec =
        ContainerSpec.builder(NODE_IMAGE)
            .name(prefix + name)
            .hostname(name)
            .network(bridge)
            .port(new PortBinding("127.0.0.1", 0, 2375, "tcp"))
            .label(LABEL_NODE, name)
            .cmd(
                List.of(
                    "dockerd",
                    "--storage-driver=vfs",
                    "--dns",
                    "127.0.0.1",
                    "-H",
                    "unix:///var/run/docker.sock",
                    "-H",
                    "tcp://0.0.0.0:2375",
                    "--tls=false"));
    StartedContainer c;
    try {
      c = host.run(spec.privileges(Privileges.PRIVILEGED).build(), Dialect.JAVA);
    } catch (NetbookException e) {
      // an engine that refuses --privileged (this sandbox's does) runs a node with the capability
      // set docker:dind needs here instead
      host.noticeOnce(
          "swarm-privileges",
          "this engine refuses --privileged: the swarm's nodes run with SYS_ADMIN and NET_ADMIN"
              + " instead (seccomp and apparmor unconfined)");
      c = host.run(spec.privileges(Privileges.CAPABILITIES).build(), Dialect.JAVA);
    }
    ContainerInfo info =
        host.engine()
            .findContainer(c.id())
            .orElseThrow(() -> new NetbookException("node " + name + " vanished as it started"));
    int port =
        info.ports().stream()
            .filter(p -> p.containerPort() == 2375 && p.hostPort() > 0)
            .mapToInt(PortBinding::hostPort)
            .findFirst()
            .orElseThrow(() -> new NetbookException("node " + name + " has no published API port"));
    String ip =
        info.endpoint(bridge)
            .map(netbook.engine.Endpoint::ipv4)
            .orElseThrow(() -> new NetbookException("node " + name + " is not on " + bridge));
    Engine nodeEngine = connect(host.engine(), name, "tcp://127.0.0.1:" + port);
    Session nodeSession = new Session(nodeEngine, host.config());
    return new Node(host, name, c.id(), ip, nodeEngine, nodeSession);
  }

  /** The node's engine, once its dockerd answers (it starts in a few seconds). */
  private static Engine connect(Engine host, String name, String url) {
    long deadline = System.nanoTime() + NODE_UP.toNanos();
    EngineException last = null;
    while (System.nanoTime() < deadline) {
      try {
        return host.connect(url, Duration.ofSeconds(3));
      } catch (EngineException e) {
        last = e;
      }
      sleep(500);
    }
    throw new NetbookException(
        "node "
            + name
            + "'s Docker engine did not answer within "
            + NODE_UP.toSeconds()
            + " s"
            + (last == null ? "" : ": " + last.getMessage())
            + "; docker logs "
            + name
            + " shows why");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetbookException("interrupted while the swarm started");
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<SwarmNode> ls = manager().engine().swarmNodes();
      if (ls.size() == nodes.size() && ls.stream().allMatch(SwarmNode::ready)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new NetbookException("the swarm's nodes are not all Ready: " + ls);
      }
      sleep(250);
    }
  }

  public List<Node> nodes() {
    return nodes;
  }

  /** A node by name: {@code node("node2")}. */
  public Node node(String name) {
    return nodes.stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new NetbookException(
                    "no node "
                        + name
                        + " in this swarm; it has "
                        + String.join(", ", nodes.stream().map(Node::name).toList())));
  }

  /** The manager (node1). */
  public Node manager() {
    return nodes.get(0);
  }

  /** {@code docker node ls}, on the manager. */
  public List<SwarmNode> ls() {
    return manager().engine().swarmNodes();
  }

  /**
   * An attachable overlay network across the nodes, as {@code docker network create -d overlay
   * --attachable NAME} on the manager; the same one when it exists.
   */
  public Overlay overlay(String name) {
    Checks.name(name, "network name");
    Engine m = manager().engine();
    Optional<NetworkInfo> found = m.findNetwork(name);
    if (found.isEmpty()) {
      m.createNetwork(
          new NetworkSpec(name, "overlay", "", "", "", false, host.labels(), java.util.Map.of()));
    } else if (!"overlay".equals(found.get().driver())) {
      throw new NetbookException(
          "network " + name + " exists on the manager as a " + found.get().driver() + " network");
    }
    return new Overlay(this, name);
  }

  Session host() {
    return host;
  }

  /**
   * The swarm drawn: its nodes side by side, each with its address, bridges and containers, and
   * under them each overlay (subnet, VXLAN VNI) spanning the nodes with containers on it; {@code
   * .svg("swarm.svg")} writes it as SVG.
   */
  public Diagram diagram() {
    return Diagram.of(
        SwarmTopology.read(
            nodes.stream()
                .map(n -> new SwarmTopology.Source(n.name(), n.ip(), n.engine()))
                .toList()));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("swarm of " + nodes.size() + " nodes");
    for (SwarmNode n : ls()) {
      sb.append("\n  ").append(n);
    }
    return sb.toString();
  }

  /** What a node container may do: as docker:dind expects, or the capability set that works. */
  static final class Privileges {
    static final ContainerSpec.Privileges PRIVILEGED =
        new ContainerSpec.Privileges(true, List.of(), List.of(), List.of());
    static final ContainerSpec.Privileges CAPABILITIES =
        new ContainerSpec.Privileges(
            false,
            List.of("SYS_ADMIN", "NET_ADMIN"),
            List.of("seccomp=unconfined", "apparmor=unconfined"),
            List.of("/sys/fs/cgroup:/sys/fs/cgroup:rw"));

    private Privileges() {}
  }
}
