package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A swarm's services and their tasks, as its managers' store keeps them: what each service asks
 * (its spec as the client sent it, its replicas, overlays, endpoint mode and ports), its virtual
 * IPs, and the tasks the scheduler spread over the nodes by slot (slot N on the N-th node,
 * round-robin). Each node runs its own tasks ({@link TaskRunner}) and writes back their state and
 * addresses. Thread-safe.
 */
public final class SwarmServices {
  /** A published port of a service: the routing mesh's port and the tasks' port. */
  public record Port(String protocol, int targetPort, int publishedPort) {}

  /** What a client asks of a service. */
  public record Definition(
      String name,
      String image,
      List<String> args,
      int replicas,
      List<String> networks,
      String endpointMode,
      List<Port> ports,
      Map<String, String> labels,
      String specJson) {
    public Definition {
      args = List.copyOf(args);
      networks = List.copyOf(networks);
      ports = List.copyOf(ports);
      labels = Map.copyOf(labels);
    }
  }

  /** A service: its definition now, its store version, its virtual IPs by overlay id. */
  public static final class Service {
    private final String id;
    private final Instant created;
    private Definition definition;
    private long version;
    private Instant updated;
    private final Map<String, Integer> vips = new LinkedHashMap<>();

    Service(String id, Instant created, Definition definition, long version) {
      this.id = id;
      this.created = created;
      this.updated = created;
      this.definition = definition;
      this.version = version;
    }

    public String id() {
      return id;
    }

    public Instant created() {
      return created;
    }

    public synchronized Instant updated() {
      return updated;
    }

    public synchronized Definition definition() {
      return definition;
    }

    public synchronized long version() {
      return version;
    }

    /** The virtual IPs by overlay id (none in dnsrr mode). */
    public synchronized Map<String, Integer> vips() {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vips));
    }

    public String name() {
      return definition().name();
    }
  }

  /** A task: one replica (its slot) of a service on one node, and what that node made of it. */
  public static final class Task {
    private final String id;
    private final String serviceId;
    private final int slot;
    private final String nodeId;
    private final Instant created;
    private String desiredState = "running";
    private String state = "assigned";
    private String err = "";
    private String containerId = "";
    private Instant updated;
    private final Map<String, Integer> addresses = new LinkedHashMap<>();

    Task(String id, String serviceId, int slot, String nodeId, Instant created) {
      this.id = id;
      this.serviceId = serviceId;
      this.slot = slot;
      this.nodeId = nodeId;
      this.created = created;
      this.updated = created;
    }

    public String id() {
      return id;
    }

    public String serviceId() {
      return serviceId;
    }

    public int slot() {
      return slot;
    }

    public String nodeId() {
      return nodeId;
    }

    public Instant created() {
      return created;
    }

    public synchronized Instant updated() {
      return updated;
    }

    public synchronized String desiredState() {
      return desiredState;
    }

    public synchronized String state() {
      return state;
    }

    public synchronized String err() {
      return err;
    }

    public synchronized String containerId() {
      return containerId;
    }

    /** The task's addresses by overlay id. */
    public synchronized Map<String, Integer> addresses() {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(addresses));
    }

    synchronized void ran(String container, String newState, String error, Instant now) {
      containerId = container;
      state = newState;
      err = error;
      updated = now;
    }

    synchronized void address(String networkId, int address) {
      addresses.put(networkId, address);
    }

    synchronized void shutdown(Instant now) {
      desiredState = "shutdown";
      updated = now;
    }
  }

  private final Map<String, Service> services = new LinkedHashMap<>();
  private final List<Task> tasks = new ArrayList<>();
  private long nextVersion = 11;
  private long changes;

  /** How many times services were created, changed or removed (nodes then run their tasks). */
  public synchronized long changes() {
    return changes;
  }

  public synchronized List<Service> all() {
    return List.copyOf(services.values());
  }

  /** A service by full id, name, or id prefix, as dockerd resolves it. */
  public synchronized Optional<Service> find(String ref) {
    Service s = services.get(ref);
    if (s != null) {
      return Optional.of(s);
    }
    Optional<Service> byName =
        services.values().stream().filter(x -> x.name().equals(ref)).findFirst();
    if (byName.isPresent() || ref.isEmpty()) {
      return byName;
    }
    List<Service> byPrefix =
        services.values().stream().filter(x -> x.id().startsWith(ref)).toList();
    return byPrefix.size() == 1 ? Optional.of(byPrefix.get(0)) : Optional.empty();
  }

  public Service get(String ref) {
    return find(ref).orElseThrow(() -> ApiException.notFound("service " + ref + " not found"));
  }

  /** Fails with swarmkit's name conflict when a service has this name. */
  synchronized void checkFree(String name) {
    if (services.values().stream().anyMatch(s -> s.name().equals(name))) {
      throw ApiException.conflict(
          "rpc error: code = AlreadyExists desc = name conflicts with an existing object: service "
              + name
              + " already exists");
    }
  }

  synchronized Service add(String id, Definition d, Map<String, Integer> vips, Instant now) {
    checkFree(d.name());
    Service s = new Service(id, now, d, nextVersion++);
    s.vips.putAll(vips);
    services.put(id, s);
    changes++;
    return s;
  }

  /** A new definition for the service, at the version the client read (else swarmkit's error). */
  synchronized void update(Service s, long version, Definition d, Instant now) {
    synchronized (s) {
      if (version != s.version) {
        throw ApiException.serverError("rpc error: code = Unknown desc = update out of sequence");
      }
      s.definition = d;
      s.version = nextVersion++;
      s.updated = now;
    }
    changes++;
  }

  synchronized void remove(Service s) {
    services.remove(s.id());
    tasks.removeIf(t -> t.serviceId().equals(s.id()));
    changes++;
  }

  synchronized void addTask(Task t) {
    tasks.add(t);
  }

  public synchronized List<Task> tasks() {
    return List.copyOf(tasks);
  }

  /** The tasks of a service (all states). */
  public synchronized List<Task> tasks(String serviceId) {
    return tasks.stream().filter(t -> t.serviceId().equals(serviceId)).toList();
  }

  /** The tasks the scheduler gave a node. */
  synchronized List<Task> tasksOn(String nodeId) {
    return tasks.stream().filter(t -> t.nodeId().equals(nodeId)).toList();
  }

  /** Whether a task of any service still has this id (its container is then kept). */
  synchronized boolean known(String taskId) {
    return tasks.stream().anyMatch(t -> t.id().equals(taskId));
  }

  @Override
  public synchronized String toString() {
    return services.size() + " services, " + tasks.size() + " tasks";
  }
}
