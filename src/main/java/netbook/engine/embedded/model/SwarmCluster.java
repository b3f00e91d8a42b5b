package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Swarm of embedded nodes: its members (the first the leader), its join tokens, its overlay
 * networks with their cluster-wide address pools, and the overlay endpoints each node publishes, so
 * a container on one node resolves and reaches a container on another. Thread-safe: nodes call it
 * while holding their own model's lock, and it never calls back into a model.
 */
public final class SwarmCluster {
  /** Docker's default address pool for overlays: 10.0.0.0/8 in /24s, the ingress first. */
  static final int OVERLAY_POOL_BASE = Ipv4.parse("10.0.0.0");

  private final String id;
  private final Instant created;
  private final String workerToken;
  private final String managerToken;
  private final List<Member> members = new ArrayList<>();
  private final Map<String, Overlay> overlays = new LinkedHashMap<>();
  private final Map<String, Map<String, List<Remote>>> published = new LinkedHashMap<>();
  private final SwarmServices services = new SwarmServices();

  /** A node of the swarm: its id, hostname, advertised address and role. */
  public record Member(
      String nodeId, String hostname, String addr, boolean manager, Instant joined) {}

  /**
   * An overlay network of the swarm: the same id, name and subnet on every node that has it, one
   * set of addresses in use for all of them, and the addresses of the nodes' own endpoints on it
   * (by node ID).
   */
  public record Overlay(
      String id,
      String name,
      Cidr subnet,
      boolean attachable,
      boolean ingress,
      Map<String, String> labels,
      Instant created,
      Set<Integer> used,
      Map<String, Integer> loadBalancers) {
    /** The address of a node's own endpoint on the overlay (lb-NAME), if it has one. */
    public Optional<Integer> loadBalancer(String nodeId) {
      return Optional.ofNullable(loadBalancers.get(nodeId));
    }
  }

  /**
   * An active endpoint on an overlay, as the node holding it publishes it; {@code container} is
   * that node's container (what a wget from another node finds serving there).
   */
  public record Remote(
      String node,
      String containerId,
      String name,
      List<String> aliases,
      int address,
      String mac,
      ContainerState container) {
    public boolean answers(String req) {
      return name.equalsIgnoreCase(req) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(req));
    }
  }

  SwarmCluster(String id, Instant created, String workerToken, String managerToken) {
    this.id = id;
    this.created = created;
    this.workerToken = workerToken;
    this.managerToken = managerToken;
  }

  public String id() {
    return id;
  }

  public Instant created() {
    return created;
  }

  public String workerToken() {
    return workerToken;
  }

  public String managerToken() {
    return managerToken;
  }

  /** The leader's advertised address (where joins go, with :2377). */
  public synchronized String leaderAddr() {
    return members.get(0).addr();
  }

  /** The swarm's services and their tasks. */
  public SwarmServices services() {
    return services;
  }

  public synchronized List<Member> members() {
    return List.copyOf(members);
  }

  synchronized void add(Member m) {
    members.add(m);
  }

  /** The node leaves: its membership and its published endpoints. */
  synchronized void leave(String nodeId) {
    members.removeIf(m -> m.nodeId().equals(nodeId));
    published.values().forEach(byNode -> byNode.remove(nodeId));
  }

  public synchronized List<Overlay> overlays() {
    return List.copyOf(overlays.values());
  }

  public synchronized Optional<Overlay> overlay(String ref) {
    Overlay byId = overlays.get(ref);
    if (byId != null) {
      return Optional.of(byId);
    }
    return overlays.values().stream()
        .filter(o -> o.name().equals(ref) || (ref.length() >= 12 && o.id().startsWith(ref)))
        .findFirst();
  }

  /** A new overlay on the next free /24 of 10.0.0.0/8. */
  synchronized Overlay createOverlay(
      String networkId,
      String name,
      boolean attachable,
      boolean ingress,
      Map<String, String> labels,
      Instant now) {
    if (overlays.values().stream().anyMatch(o -> o.name().equals(name))) {
      throw ApiException.conflict("network with name " + name + " already exists");
    }
    Cidr subnet = null;
    for (int i = 0; i < 256 * 256 && subnet == null; i++) {
      Cidr candidate = new Cidr(OVERLAY_POOL_BASE + (i << 8), 24);
      if (overlays.values().stream().noneMatch(o -> o.subnet().overlaps(candidate))) {
        subnet = candidate;
      }
    }
    if (subnet == null) {
      throw ApiException.serverError(
          "could not find an available, non-overlapping IPv4 address pool among the defaults to"
              + " assign to the network");
    }
    Set<Integer> used = Collections.synchronizedSet(new TreeSet<>());
    Overlay o =
        new Overlay(
            networkId,
            name,
            subnet,
            attachable,
            ingress,
            Map.copyOf(labels),
            now,
            used,
            Collections.synchronizedMap(new LinkedHashMap<>()));
    overlays.put(networkId, o);
    return o;
  }

  /** Removes an overlay no container of any node is attached to (else Docker's error). */
  synchronized void removeOverlay(Overlay o) {
    boolean inUse =
        published.getOrDefault(o.id(), Map.of()).values().stream().anyMatch(l -> !l.isEmpty());
    if (inUse) {
      throw ApiException.forbidden(
          "rpc error: code = FailedPrecondition desc = network "
              + o.id().substring(0, 25)
              + " is in use by task or container");
    }
    overlays.remove(o.id());
    published.remove(o.id());
  }

  /** What a node's endpoints on an overlay are now (replacing what it published before). */
  synchronized void publish(String nodeId, String networkId, List<Remote> endpoints) {
    if (!overlays.containsKey(networkId)) {
      return;
    }
    published.computeIfAbsent(networkId, k -> new LinkedHashMap<>()).put(nodeId, endpoints);
  }

  /** The endpoints other nodes hold on an overlay. */
  public synchronized List<Remote> remote(String networkId, String exceptNode) {
    List<Remote> out = new ArrayList<>();
    published
        .getOrDefault(networkId, Map.of())
        .forEach(
            (node, list) -> {
              if (!node.equals(exceptNode)) {
                out.addAll(list);
              }
            });
    return out;
  }

  @Override
  public synchronized String toString() {
    return "swarm " + id + " of " + members.size() + " nodes";
  }
}
