package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One engine's part in a Swarm, as dockerd's cluster component plays it: init (the first manager,
 * with docker_gwbridge and the ingress overlay), join by a manager's address and a token, the
 * swarm's overlays (created on a manager, attachable ones joined from any node by name, listed on a
 * worker once one of its containers uses them), and this node's overlay endpoints published to the
 * swarm so the others resolve and reach them. Errors carry dockerd's texts.
 */
public final class NodeSwarm {
  static final String NOT_IN_SWARM =
      "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to"
          + " connect this node to swarm and try again.";
  static final String NOT_MANAGER =
      "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster"
          + " state. Please run this command on a manager node or promote the current node to a"
          + " manager.";
  static final String EXISTS =
      "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and"
          + " join another one.";
  static final String BAD_TOKEN =
      "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this"
          + " cluster";
  static final String JOIN_TIMEOUT =
      "Timeout was reached before node joined. The attempt to join the swarm will continue in the"
          + " background. Use the \"docker info\" command to see the current swarm status of your"
          + " node.";

  private final IdSource ids;
  private final NetworkTable networks;
  private final String hostname;
  private SwarmClusters registry = new SwarmClusters();
  private Supplier<String> ownAddress = () -> "";
  private SwarmCluster cluster;
  private String nodeId = "";
  private boolean manager;

  NodeSwarm(IdSource ids, NetworkTable networks, String hostname) {
    this.ids = ids;
    this.networks = networks;
    this.hostname = hostname;
  }

  /** The swarms this node can join (shared by the nodes of one engine) and its own address. */
  void registry(SwarmClusters value, Supplier<String> address) {
    this.registry = value;
    this.ownAddress = address;
  }

  public Optional<SwarmCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  public String nodeId() {
    return nodeId;
  }

  public boolean manager() {
    return manager;
  }

  /** {@code docker swarm init}: this node becomes the swarm's leader; returns its node ID. */
  String init(String advertiseAddr) {
    if (cluster != null) {
      throw ApiException.unavailable(EXISTS);
    }
    String addr = hostOf(advertiseAddr.isEmpty() ? ownAddress.get() : advertiseAddr);
    if (addr.isEmpty()) {
      throw ApiException.badRequest(
          "could not find the system's IP address - specify one with --advertise-addr");
    }
    String id = base36(25);
    SwarmCluster c =
        registry.create(
            base36(25),
            ids.now(),
            "SWMTKN-1-" + base36(50) + "-" + base36(25),
            "SWMTKN-1-" + base36(50) + "-" + base36(25));
    c.createOverlay(ids.id64().substring(0, 25), "ingress", false, true, Map.of(), ids.now());
    enter(c, id, addr, true);
    return id;
  }

  /** {@code docker swarm join --token TOKEN ADDR}: a worker, or a manager with its token. */
  void join(List<String> remoteAddrs, String token, String advertiseAddr) {
    if (cluster != null) {
      throw ApiException.unavailable(EXISTS);
    }
    if (remoteAddrs.isEmpty()) {
      throw ApiException.badRequest("invalid empty remote address list for join");
    }
    SwarmCluster c = null;
    for (String remote : remoteAddrs) {
      c = registry.byManagerAddr(remote).orElse(null);
      if (c != null) {
        break;
      }
    }
    if (c == null) {
      throw ApiException.unavailable(JOIN_TIMEOUT);
    }
    boolean asManager = c.managerToken().equals(token);
    if (!asManager && !c.workerToken().equals(token)) {
      throw ApiException.badRequest(BAD_TOKEN);
    }
    String addr = hostOf(advertiseAddr.isEmpty() ? ownAddress.get() : advertiseAddr);
    enter(c, base36(25), addr, asManager);
  }

  private void enter(SwarmCluster c, String id, String addr, boolean asManager) {
    c.add(new SwarmCluster.Member(id, hostname, addr, asManager, ids.now()));
    this.cluster = c;
    this.nodeId = id;
    this.manager = asManager;
    if (asManager) {
      c.overlays().forEach(networks::addOverlay); // the ingress with them
    }
  }

  /**
   * A container of this node is about to use the overlay {@code n}: the node's first such container
   * brings docker_gwbridge (the way out of the overlays) and, on a worker, the ingress and the
   * node's own endpoint on the overlay (lb-NAME, an address from the overlay's pool), as dockerd
   * does.
   */
  void using(NetworkState n) {
    if (cluster == null || !n.isOverlay()) {
      return;
    }
    if (networks.find("docker_gwbridge").isEmpty()) {
      Map<String, String> opts = new LinkedHashMap<>();
      opts.put("com.docker.network.bridge.enable_icc", "false");
      opts.put("com.docker.network.bridge.enable_ip_masquerade", "true");
      opts.put("com.docker.network.bridge.name", "docker_gwbridge");
      networks.create(NetworkSpec.builder("docker_gwbridge").options(opts).build());
    }
    cluster.overlay("ingress").ifPresent(networks::addOverlay);
    Optional<SwarmCluster.Overlay> o = cluster.overlay(n.id());
    if (!manager && o.isPresent() && o.get().loadBalancer(nodeId).isEmpty()) {
      o.get().loadBalancers().put(nodeId, n.allocate());
    }
  }

  /** The address of this node's own endpoint on an overlay (lb-NAME), if it has one. */
  public Optional<Integer> loadBalancer(NetworkState n) {
    return cluster == null
        ? Optional.empty()
        : cluster.overlay(n.id()).flatMap(o -> o.loadBalancer(nodeId));
  }

  /** The MAC an endpoint with this address has (02:42 and the address). */
  public static String mac(int address) {
    return Macs.fromIpv4(address);
  }

  /** Drops this node's copy of an overlay, giving its own endpoint's address back. */
  private void drop(NetworkState n) {
    if (cluster != null) {
      cluster
          .overlay(n.id())
          .ifPresent(
              o -> {
                Integer lb = o.loadBalancers().remove(nodeId);
                if (lb != null) {
                  n.release(lb);
                }
              });
    }
    networks.dropOverlay(n.id());
  }

  /** The manager's answer to GET /swarm and GET /nodes, or dockerd's error on other nodes. */
  SwarmCluster managed() {
    if (cluster == null) {
      throw ApiException.unavailable(NOT_IN_SWARM);
    }
    if (!manager) {
      throw ApiException.unavailable(NOT_MANAGER);
    }
    return cluster;
  }

  /** {@code docker network create -d overlay} on a manager: a network of the whole swarm. */
  NetworkState createOverlay(NetworkSpec spec) {
    SwarmCluster c = managed();
    if (networks.find(spec.name()).isPresent() || c.overlay(spec.name()).isPresent()) {
      throw ApiException.conflict("network with name " + spec.name() + " already exists");
    }
    if (!spec.ipam().subnet().isEmpty()) {
      throw ApiException.badRequest(
          "a user-chosen subnet on an overlay is not modelled here; leave --subnet out and the"
              + " swarm picks the next 10.0.N.0/24");
    }
    SwarmCluster.Overlay o =
        c.createOverlay(
            ids.id64().substring(0, 25),
            spec.name(),
            spec.attachable(),
            false,
            spec.labels(),
            ids.now());
    return networks.addOverlay(o);
  }

  /**
   * The swarm's attachable overlay {@code ref} on this node, made present when a container of the
   * node is about to use it (as a worker fetches it from the manager); empty when there is none.
   */
  Optional<NetworkState> attach(String ref) {
    if (cluster == null || ref.isEmpty() || networks.find(ref).isPresent()) {
      return Optional.empty();
    }
    Optional<SwarmCluster.Overlay> o = cluster.overlay(ref);
    if (o.isEmpty()) {
      return Optional.empty();
    }
    if (!o.get().attachable()) {
      throw ApiException.forbidden(
          "Could not attach to network "
              + ref
              + ": rpc error: code = PermissionDenied desc = network "
              + ref
              + " not manually attachable");
    }
    return Optional.of(networks.addOverlay(o.get()));
  }

  /** Removes an overlay: from the swarm on a manager; a worker cannot. */
  void removeOverlay(NetworkState n) {
    SwarmCluster c = managed();
    if (n.ingress()) {
      throw ApiException.forbidden(
          "rpc error: code = PermissionDenied desc = ingress network cannot be removed because"
              + " service "
              + "ports are published; use docker network create --ingress to replace it");
    }
    c.overlay(n.id()).ifPresent(c::removeOverlay);
    networks.dropOverlay(n.id());
  }

  /**
   * Publishes this node's active endpoints on the swarm's overlays (after each request); a worker
   * forgets an overlay none of its containers uses any more, as dockerd does.
   */
  void publish(
      java.util.Collection<ContainerState> all,
      java.util.function.Function<String, Optional<ContainerState>> containers) {
    if (cluster == null) {
      return;
    }
    if (manager) {
      cluster.overlays().forEach(networks::addOverlay); // another manager's new ones too
    }
    for (NetworkState n : List.copyOf(networks.all())) {
      if (!n.isOverlay()) {
        continue;
      }
      boolean gone = cluster.overlay(n.id()).isEmpty();
      if ((gone || !manager)
          && !n.ingress()
          && all.stream().noneMatch(c -> c.endpoints().containsKey(n.id()))) {
        drop(n);
        cluster.publish(nodeId, n.id(), List.of());
        continue;
      }
      List<SwarmCluster.Remote> mine = new ArrayList<>();
      for (String cid : n.attachedContainerIds()) {
        EndpointState e = n.endpointOf(cid).orElseThrow();
        Optional<ContainerState> c = containers.apply(cid);
        if (c.isPresent() && e.active() && e.address() != 0) {
          mine.add(
              new SwarmCluster.Remote(
                  hostname,
                  cid,
                  c.get().name(),
                  List.copyOf(e.aliases()),
                  e.address(),
                  e.mac(),
                  c.get()));
        }
      }
      cluster.publish(nodeId, n.id(), mine);
    }
  }

  /**
   * Whether {@code docker swarm leave} may go ahead: in a swarm, and on a manager only with force
   * (else dockerd's warning about the swarm's state or its Raft quorum).
   */
  void checkLeave(boolean force) {
    if (cluster == null) {
      throw ApiException.unavailable("This node is not part of a swarm");
    }
    if (!manager || force) {
      return;
    }
    long managers = cluster.members().stream().filter(SwarmCluster.Member::manager).count();
    String msg =
        "You are attempting to leave the swarm on a node that is participating as a manager. ";
    if (managers == 1) {
      throw ApiException.unavailable(
          msg
              + "Removing the last manager erases all current state of the swarm. Use `--force` to"
              + " ignore this message. ");
    }
    if (managers - 2 <= 0) {
      msg +=
          "Removing this node leaves "
              + (managers - 1)
              + " managers out of "
              + managers
              + ". Without a Raft quorum your swarm will be inaccessible. ";
    }
    throw ApiException.unavailable(
        msg
            + "The only way to restore a swarm that has lost consensus is to reinitialize it with"
            + " `--force-new-cluster`. Use `--force` to suppress this message.");
  }

  /**
   * The node leaves its swarm (its endpoints with it) and forgets the swarm's overlays; its
   * docker_gwbridge stays, as with dockerd.
   */
  void leave() {
    if (cluster != null) {
      for (NetworkState n : List.copyOf(networks.all())) {
        if (n.isOverlay()) {
          drop(n);
        }
      }
      cluster.leave(nodeId);
      registry.prune();
      cluster = null;
      nodeId = "";
      manager = false;
    }
  }

  private static String hostOf(String addr) {
    int colon = addr.lastIndexOf(':');
    return colon > 0 ? addr.substring(0, colon) : addr;
  }

  /** Lower-case base-36 characters, as swarmkit's node IDs and tokens are made of. */
  private String base36(int length) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      sb.append(Character.forDigit(ids.between(0, 36), 36));
    }
    return sb.toString();
  }
}
