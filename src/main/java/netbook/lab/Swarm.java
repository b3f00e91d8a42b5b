package netbook.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netbook.NetbookException;
import netbook.Problems;
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

  /** Online, without netbook/node: the official Docker-in-Docker image. */
  public static final String DIND_IMAGE = "docker:dind";

  static final String NETWORK = "netbook_swarm";
  static final String LABEL_NODE = "netbook.swarm.node";
  private static final Duration NODE_UP = Duration.ofSeconds(60);

  private final Session host;
  private final List<Node> nodes;
  private final String prefix;
  private volatile String client;
  private volatile boolean ipvs;

  /**
   * Formed of engines that were there before (an instructor's machines), not of node containers.
   */
  private final boolean external;

  private Swarm(Session host, List<Node> nodes, String prefix, boolean external) {
    this.host = host;
    this.nodes = List.copyOf(nodes);
    this.prefix = prefix;
    this.external = external;
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
    return of(host, size, prefix, "");
  }

  /**
   * As above, with the node image chosen ("": netbook/node if present, else docker:dind online).
   */
  static Swarm of(Session host, int size, String prefix, String image) {
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
    Swarm s = create(host, size, prefix, image.isEmpty() ? nodeImage(host) : image);
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
    if (s == null) {
      return;
    }
    if (s.external) {
      // the machines stay; what this session ran there goes, and each leaves the swarm
      for (Node n : s.nodes) {
        try {
          n.session().cleanup();
        } catch (RuntimeException e) {
          host.notice(n.name() + ": " + Problems.plain(e));
        }
      }
      List<Node> workersFirst = new ArrayList<>(s.nodes);
      java.util.Collections.reverse(workersFirst);
      for (Node n : workersFirst) {
        try {
          n.engine().swarmLeave();
        } catch (RuntimeException e) {
          host.notice(n.name() + " did not leave the swarm: " + Problems.plain(e));
        }
      }
    }
    s.nodes.forEach(n -> n.engine().close());
  }

  /** Where a session keeps its swarm. */
  static final class Holder {
    volatile Swarm swarm;
  }

  /** netbook/node when it is here; online, docker:dind (pulled once); offline, one line. */
  private static String nodeImage(Session host) {
    Engine engine = host.engine();
    if (engine.findImage(NODE_IMAGE).isPresent()) {
      return NODE_IMAGE;
    }
    if (host.offline()) {
      throw new NetbookException(
          "the node image "
              + NODE_IMAGE
              + " is missing: build it once with `sudo .ci/mirror node` (Debian's docker.io in a"
              + " debootstrap rootfs, about a minute), or go online for "
              + DIND_IMAGE);
    }
    return DIND_IMAGE;
  }

  /** The node image, pulled first when it is not here (online only: netbook/node is built). */
  private static void ensure(Session host, String image) {
    if (host.engine().findImage(image).isPresent()) {
      return;
    }
    if (host.offline() || image.equals(NODE_IMAGE)) {
      throw new NetbookException(
          "the node image "
              + image
              + " is missing"
              + (image.equals(NODE_IMAGE)
                  ? ": build it once with `sudo .ci/mirror node`"
                  : " and netbook is offline: go online, or build " + NODE_IMAGE));
    }
    host.pull(image, Duration.ofMinutes(10));
  }

  private static Swarm create(Session host, int size, String prefix, String image) {
    String bridge = prefix + NETWORK;
    Engine engine = host.engine();
    ensure(host, image);
    if (engine.findNetwork(bridge).isEmpty()) {
      host.createNetwork(NetworkSpec.bridge(bridge, java.util.Map.of()), Dialect.JAVA);
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      nodes.add(start(host, "node" + i, prefix, bridge, image));
    }
    Node manager = nodes.get(0);
    String token = manager.engine().swarmInit(manager.ip());
    for (Node n : nodes.subList(1, nodes.size())) {
      n.engine().swarmJoin(manager.ip() + ":2377", token);
    }
    Swarm s = new Swarm(host, nodes, prefix, false);
    s.awaitReady(Duration.ofSeconds(60));
    return s;
  }

  /**
   * A swarm of existing Docker engines ({@code tcp://…}, {@code ssh://…}: an instructor's
   * machines), the first the manager. Only engines outside any swarm are taken; cleanup removes
   * what this session ran on them and makes each leave the swarm, and leaves the machines alone.
   */
  static Swarm of(Session host, List<String> dockerHosts) {
    if (dockerHosts.isEmpty()) {
      throw new NetbookException("swarm(...) needs Docker hosts, e.g. swarm(\"ssh://me@vm1\", …)");
    }
    Holder h = host.part(Holder.class, x -> new Holder());
    if (h.swarm != null) {
      return h.swarm;
    }
    List<Node> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < dockerHosts.size(); i++) {
        String url = dockerHosts.get(i);
        Engine e = host.engine().connect(url, Duration.ofSeconds(10));
        Optional<String> in = e.swarmAddress();
        if (in.isPresent()) {
          e.close();
          throw new NetbookException(
              url
                  + " is already part of a swarm (as "
                  + in.get()
                  + "): netbook forms swarms only of engines outside one; run docker swarm leave"
                  + " there first if that swarm is yours to end");
        }
        Session s =
            new Session(
                e, host.config().withNotices(line -> host.noticeOnce("node:" + line, line)));
        nodes.add(new Node(host, "node" + (i + 1), "", url, e, s));
      }
    } catch (RuntimeException ex) {
      nodes.forEach(n -> n.engine().close());
      throw ex;
    }
    Node manager = nodes.get(0);
    String token = manager.engine().swarmInit("");
    String addr =
        manager
            .engine()
            .swarmAddress()
            .orElseThrow(() -> new NetbookException("the manager has no swarm address after init"));
    for (Node n : nodes.subList(1, nodes.size())) {
      n.engine().swarmJoin(addr + ":2377", token);
    }
    Swarm s = new Swarm(host, nodes, "", true);
    h.swarm = s;
    s.awaitReady(Duration.ofSeconds(60));
    return s;
  }

  private static Node start(Session host, String name, String prefix, String bridge, String image) {
    ContainerSpec.Builder spec =
        ContainerSpec.builder(image)
            .name(prefix + name)
            .hostname(name)
            .network(bridge)
            .port(new PortBinding("127.0.0.1", 0, 2375, "tcp"))
            .label(LABEL_NODE, name)
            // a task runs the image the node has (copied in), never a pull
            .env("DOCKER_SERVICE_PREFER_OFFLINE_IMAGE", "1");
    // the node's dockerd: on its socket and on tcp 2375 (published to the host's loopback only),
    // vfs storage (overlayfs cannot nest), names outside the swarm answered nowhere (--dns)
    List<String> daemon = List.of("--storage-driver=vfs", "--dns", "127.0.0.1", "--tls=false");
    if (image.equals(NODE_IMAGE)) {
      List<String> cmd = new ArrayList<>(List.of("dockerd"));
      cmd.addAll(daemon);
      cmd.addAll(List.of("-H", "unix:///var/run/docker.sock", "-H", "tcp://0.0.0.0:2375"));
      spec.cmd(cmd);
    } else {
      spec.env("DOCKER_TLS_CERTDIR", "").cmd(daemon); // docker:dind's entrypoint adds the -H pair
    }
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
    // the node's notices are the host's, each said once however many nodes say it
    Session nodeSession =
        new Session(
            nodeEngine, host.config().withNotices(line -> host.noticeOnce("node:" + line, line)));
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
    return manager().engine().swarmNodes().stream()
        .sorted(java.util.Comparator.comparing(SwarmNode::hostname))
        .toList();
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

  /**
   * A service of replicated tasks across the nodes, as {@code docker service create} on the
   * manager: {@code service("web", "nginx", replicas(3), network("ov"), publish(8080, 80))}. The
   * image goes into every node first; waits until the tasks run.
   */
  public Service service(String name, String image, RunOption... options) {
    return Service.create(this, name, image, options);
  }

  /** The service named {@code name}, made earlier. */
  public Service service(String name) {
    if (Service.find(manager().engine(), name).isEmpty()) {
      throw new NetbookException(
          "no service "
              + name
              + " in this swarm: service(\""
              + name
              + "\", \"nginx\", replicas(3), network(\"ov\")) makes one");
    }
    return new Service(this, name);
  }

  /**
   * Whether the kernel balances with IPVS ({@code ip_vs}), which a service's virtual IP and the
   * routing mesh need: its table shows in a node once a service made Docker load it. Some kernels
   * are built without it ({@code CONFIG_IP_VS} not set); DNS and the tasks' own addresses still
   * work there.
   */
  public boolean ipvs() {
    if (!ipvs) {
      ipvs = manager().sh("test -e /proc/net/ip_vs").ok();
    }
    return ipvs;
  }

  /** {@code docker service ls}, on the manager. */
  public List<netbook.engine.ServiceInfo> services() {
    return manager().engine().services();
  }

  Session host() {
    return host;
  }

  /**
   * The id of a toolbox container on the swarm's bridge, beside the nodes: what reaches a node's
   * published ports ({@link Service#http(String)}) with traffic only between netbook's containers.
   */
  synchronized String client() {
    String id = client;
    if (id != null && host.engine().findContainer(id).filter(ContainerInfo::running).isPresent()) {
      return id;
    }
    String bridge = prefix + NETWORK;
    String name = prefix + NETWORK + "_client";
    host.engine()
        .findContainer(name)
        .filter(c -> host.owns(c.labels()))
        .ifPresent(c -> host.removeQuietly(c.id()));
    Container c = Lab.runOn(host, bridge, host.resolveImage("busybox"), new RunOption.Name(name));
    client = c.id();
    return client;
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
