package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The state of the embedded engine: networks ({@link NetworkTable}), containers ({@link
 * ContainerTable}), their endpoints ({@link Wiring}), exec instances and images, and the container
 * lifecycle. Every change goes through this class's methods, so the invariants (addresses in use,
 * active endpoints of running containers, published ports) live in this package. Errors carry
 * Docker's statuses and messages. Not thread-safe by itself: the engine serializes every request on
 * it.
 */
public final class DockerModel {
  public static final Cidr DEFAULT_BRIDGE = NetworkTable.DEFAULT_BRIDGE;
  public static final Cidr HOST_LAN = Cidr.parse("10.0.2.0/24");
  public static final int HOST_ADDRESS = Ipv4.parse("10.0.2.15");
  public static final int HOST_GATEWAY = Ipv4.parse("10.0.2.2");
  public static final String HOST_MAC = "52:54:00:12:34:56";

  private final EmbeddedOptions options;
  private final IdSource ids;
  private final ImageCatalog images = new ImageCatalog();
  private final NetworkTable networks;
  private final ContainerTable containers;
  private final Wiring wiring;
  private final ExecTable execs;
  private final Instant bootTime;
  private final WebPublisher publisher;
  private final PortPublishing ports;
  private final NodeSwarm swarm;
  private final ServiceScheduler scheduler;
  private final TaskRunner tasks;
  private int nextIfIndex = 4;
  private int nextPid = 1200;
  private ContainerLifecycle lifecycle;

  public DockerModel(EmbeddedOptions options) {
    this.options = options;
    this.ids =
        options.seed().isPresent()
            ? IdSource.seeded(options.seed().getAsLong())
            : IdSource.random();
    this.publisher = new WebPublisher(options.servePublishedPorts());
    this.bootTime = ids.now();
    this.networks = new NetworkTable(ids, () -> nextIfIndex++);
    this.containers = new ContainerTable(ids);
    this.wiring = new Wiring(ids, networks, () -> nextIfIndex++);
    this.execs = new ExecTable(ids);
    this.swarm = new NodeSwarm(ids, networks, options.hostName());
    this.scheduler = new ServiceScheduler(ids, networks, swarm);
    this.tasks = new TaskRunner(this, networks, swarm, ids);
    this.ports =
        new PortPublishing(
            publisher, options.servePublishedPorts(), networks, () -> containers.all());
    for (String image : options.preloadedImages()) {
      images.pull(image);
    }
  }

  /** Hooks run when a container starts (its main command is played). */
  public interface ContainerLifecycle {
    void started(ContainerState c);
  }

  public void lifecycle(ContainerLifecycle value) {
    this.lifecycle = value;
  }

  /**
   * Where node containers (the netbook/node image) get engines of their own, served on their
   * published port 2375.
   */
  public void nodeEngines(NodeEngines value) {
    publisher.nodes(value);
  }

  /** This engine's part in a Swarm. */
  public NodeSwarm swarm() {
    return swarm;
  }

  /** The swarms this engine may join (shared by the nodes of one engine) and its own address. */
  public void swarms(SwarmClusters registry, java.util.function.Supplier<String> address) {
    swarm.registry(registry, address);
  }

  /** {@code docker swarm init}; the new node's ID. */
  public String swarmInit(String advertiseAddr) {
    return swarm.init(advertiseAddr);
  }

  /** {@code docker swarm join}. */
  public void swarmJoin(List<String> remoteAddrs, String token, String advertiseAddr) {
    swarm.join(remoteAddrs, token, advertiseAddr);
  }

  /**
   * {@code docker swarm leave [--force]}: this node's containers are disconnected from the swarm's
   * overlays, which it forgets.
   */
  public void swarmLeave(boolean force) {
    swarm.checkLeave(force);
    for (ContainerState c : containers.all()) {
      for (String networkId : List.copyOf(c.endpoints().keySet())) {
        NetworkState n = networks.byId(networkId);
        if (n != null && n.isOverlay()) {
          wiring.disconnect(n, c);
        }
      }
    }
    swarm.leave();
  }

  /** The swarm, on a manager (GET /swarm, /nodes); dockerd's error elsewhere. */
  public SwarmCluster managedSwarm() {
    return swarm.managed();
  }

  /**
   * Brings the swarm and this node in step (the engine calls it around each request): the swarm's
   * overlays on a manager, this node's overlay endpoints published to the swarm.
   */
  public void syncSwarm() {
    tasks.run();
    swarm.publish(containers.all(), containers::byId);
  }

  /**
   * How many times the swarm's services changed (-1 outside a swarm): when a request changes it,
   * the engine has every node run its tasks before it answers.
   */
  public long serviceChanges() {
    return swarm.cluster().map(c -> c.services().changes()).orElse(-1L);
  }

  /** {@code docker service create} on a manager: the service, its tasks assigned to nodes. */
  public SwarmServices.Service createService(SwarmServices.Definition d) {
    return scheduler.create(d);
  }

  /** {@code docker service update|scale} on a manager, at the version the client read. */
  public void updateService(String ref, long version, SwarmServices.Definition d) {
    scheduler.update(ref, version, d);
  }

  /** {@code docker service rm} on a manager: its tasks' containers go on every node. */
  public void removeService(String ref) {
    scheduler.remove(ref);
  }

  public EmbeddedOptions options() {
    return options;
  }

  /** IDs, made-up timings and the clock. */
  public IdSource ids() {
    return ids;
  }

  public Instant bootTime() {
    return bootTime;
  }

  // ---- images

  public Collection<ImageRecord> images() {
    return images.all();
  }

  public Optional<ImageRecord> findImage(String ref) {
    return images.find(ref);
  }

  /** Pulls a known image instantly (any tag), or fails as a registry without it does. */
  public ImageRecord pullImage(String ref) {
    return images.pull(ref);
  }

  /** An image by reference or id prefix, or Docker's "no such image". */
  public ImageRecord image(String ref) {
    return images.get(ref);
  }

  /** Removes an image; without force, fails when a container uses it. */
  public ImageRecord removeImage(String ref, boolean force) {
    ImageRecord i = image(ref);
    for (ContainerState c : containers.all()) {
      if (c.image().equals(i) && !force) {
        throw ApiException.conflict(
            "conflict: unable to remove repository reference \""
                + ref
                + "\" (must force) - container "
                + c.shortId()
                + " is using its referenced image "
                + i.id().substring(7, 19));
      }
    }
    images.remove(i);
    return i;
  }

  // ---- networks

  /** The networks in creation order. */
  public Collection<NetworkState> networks() {
    return networks.all();
  }

  /** A network by full id, exact name, or unique id prefix, as Docker resolves it. */
  public NetworkState network(String ref) {
    return networks.network(ref);
  }

  /** A network by its full id, or null. */
  public NetworkState networkById(String id) {
    return networks.byId(id);
  }

  public NetworkState createNetwork(NetworkSpec spec) {
    if (spec.driver().equals("overlay")) {
      if (networks.find(spec.name()).isPresent()) {
        throw ApiException.conflict("network with name " + spec.name() + " already exists");
      }
      return swarm.createOverlay(spec);
    }
    return networks.create(spec);
  }

  public void removeNetwork(String ref) {
    NetworkState n = network(ref);
    if (n.isOverlay()) {
      if (n.hasEndpoints()) {
        throw ApiException.forbidden(
            "error while removing network: network "
                + n.name()
                + " id "
                + n.id()
                + " has active endpoints");
      }
      swarm.removeOverlay(n);
      return;
    }
    networks.remove(ref);
  }

  /** Removes the unused user-defined networks the filter accepts; returns their names. */
  public List<String> pruneNetworks(Predicate<NetworkState> filter) {
    return networks.prune(filter);
  }

  public void connect(String networkRef, String containerRef, EndpointSpec endpoint) {
    swarm.attach(networkRef);
    NetworkState n = network(networkRef);
    swarm.using(n);
    wiring.connect(n, container(containerRef), endpoint);
  }

  public void disconnect(String networkRef, String containerRef) {
    NetworkState n = network(networkRef);
    wiring.disconnect(n, container(containerRef));
  }

  // ---- containers

  /** The containers in creation order. */
  public Collection<ContainerState> containers() {
    return containers.all();
  }

  /** A container by full id, name (with or without the leading slash), or unique id prefix. */
  public ContainerState container(String ref) {
    return containers.container(ref);
  }

  public Optional<ContainerState> containerById(String id) {
    return containers.byId(id);
  }

  /**
   * Renames a container; the embedded DNS answers the new name at once (the old one no longer), its
   * hostname and /etc/hosts stay, as in Docker.
   */
  public void rename(ContainerState c, String newName) {
    containers.rename(c, newName);
  }

  /**
   * Creates a container as dockerd does: conflicting network options first (400), then the image
   * (404, on which the CLI pulls), then the links; a network or container:REF the mode names that
   * does not exist yet is only an error when the container starts.
   */
  public ContainerState createContainer(CreateRequest r) {
    String name = containers.checkedName(r.name());
    ContainerConfig requested = r.config();
    String mode =
        requested.networkMode() == null || requested.networkMode().isEmpty()
            ? "default"
            : requested.networkMode();
    CreateChecks.validate(requested, mode);
    ImageRecord image =
        images
            .find(requested.imageRef())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No such image: " + ImageCatalog.normalize(requested.imageRef())));
    boolean defaultBridge = mode.equals("default") || mode.equals("bridge");
    List<Links.Link> links =
        defaultBridge ? Links.resolve(requested.links(), containers) : List.of();
    NetworkState network = null;
    ContainerState owner = null;
    String unresolved = "";
    String hostName = options.hostName();
    if (mode.startsWith("container:")) {
      String ref = mode.substring("container:".length());
      owner = containers.find(ref).orElse(null);
      if (owner == null) {
        unresolved = mode;
      } else {
        mode = "container:" + owner.id();
        hostName = owner.config().hostname();
      }
    } else if (!mode.equals("host") && !mode.equals("none")) {
      swarm.attach(mode.equals("default") ? "bridge" : mode);
      network = networks.find(mode.equals("default") ? "bridge" : mode).orElse(null);
      if (network == null) {
        unresolved = mode;
      } else {
        swarm.using(network);
      }
    }
    String id = ids.id64();
    if (name.isEmpty()) {
      name = containers.generatedName();
    }
    ContainerConfig config = ContainerTable.resolve(requested, image, id, mode, hostName);
    ContainerState c = new ContainerState(id, name, ids.now(), config, owner);
    c.links(links);
    c.unresolvedMode(unresolved);
    if (network != null) {
      EndpointSpec endpoint = defaultBridge ? r.endpoint() : r.endpoint().withLinks(config.links());
      c.configure(network.id(), wiring.configure(network, c, endpoint));
    } else if (owner == null && unresolved.isEmpty()) {
      NetworkState special = network(mode);
      c.configure(special.id(), Wiring.plain(special));
    }
    containers.add(c);
    return c;
  }

  /** The warnings dockerd's create answer carries for this request. */
  public List<String> createWarnings(ContainerConfig requested) {
    String mode = requested.networkMode() == null ? "" : requested.networkMode();
    return CreateChecks.warnings(requested, mode);
  }

  /** HostConfig.Links as dockerd stores them ("/target:/name/alias"); empty without links. */
  public List<String> hostConfigLinks(ContainerState c) {
    return Links.hostConfigForm(c, containers);
  }

  /** Starts a container; false when it already ran (Docker answers 304). */
  public boolean start(ContainerState c) {
    if (c.running()) {
      return false;
    }
    Optional<ContainerState> owner = c.namespaceOwner();
    if (owner.isPresent() && !owner.get().running()) {
      throw ApiException.conflict(
          "cannot join network of a non running container: " + owner.get().id());
    }
    String unresolved = c.unresolvedMode();
    if (unresolved.startsWith("container:")) {
      throw ApiException.noSuchContainer(unresolved.substring("container:".length()));
    }
    if (!unresolved.isEmpty()) {
      throw ApiException.networkNotFound(unresolved);
    }
    for (String netId : c.endpoints().keySet()) {
      if (networks.byId(netId) == null) {
        throw ApiException.notFound("network " + netId + " not found");
      }
    }
    Links.checkAtStart(c, containers, networks);
    c.clearBoundPorts();
    wiring.activateAll(c);
    try {
      ports.publish(c, c.endpoints().values().stream().findFirst().orElse(null));
    } catch (ApiException e) {
      wiring.deactivateAll(c);
      throw e;
    }
    c.started(nextPid++, ids.now());
    if (lifecycle != null) {
      lifecycle.started(c);
    }
    return true;
  }

  /** Whether the container's published ports reach the host (not host, none, internal…). */
  public boolean publishes(ContainerState c) {
    return ports.publishes(c);
  }

  /** The container's main process ends with this code (stop, kill, or its command finished). */
  public void exit(ContainerState c, int exitCode) {
    if (!c.running()) {
      return;
    }
    wiring.deactivateAll(c);
    publisher.unpublish(c);
    c.exited(exitCode, ids.now());
    if (c.config().autoRemove()) {
      forget(c);
    }
  }

  public void remove(ContainerState c, boolean force) {
    if (c.running() && !force) {
      throw ApiException.conflict(
          "You cannot remove a running container "
              + c.id()
              + ". Stop the container before"
              + " attempting removal or force remove");
    }
    exit(c, 137);
    forget(c);
  }

  private void forget(ContainerState c) {
    containers.remove(c);
    execs.forget(c);
  }

  /** Every container whose network namespace is {@code ns}: itself and container:ID joiners. */
  public List<ContainerState> sharing(ContainerState ns) {
    return containers.sharing(ns);
  }

  /** The running container holding this address on a network, if any. */
  public Optional<ContainerState> holder(int address) {
    for (NetworkState n : networks.all()) {
      for (String containerId : n.attachedContainerIds()) {
        EndpointState e = n.endpointOf(containerId).orElseThrow();
        if (e.active() && e.address() == address) {
          return containers.byId(containerId);
        }
      }
    }
    return Optional.empty();
  }

  /** A stand-in process on the engine's host, to run commands in the host's namespace. */
  public ContainerState hostShell() {
    return ContainerTable.hostShell(options.hostName(), bootTime);
  }

  // ---- exec instances

  /** A new exec instance in a running container. */
  public ExecState createExec(ContainerState c, ExecSpec spec) {
    return execs.create(c, spec);
  }

  public ExecState exec(String id) {
    return execs.get(id);
  }

  /** Marks an exec instance started (it runs once) and returns the container it runs in. */
  public ContainerState startExec(ExecState e) {
    ContainerState c = containers.byId(e.containerId()).orElse(null);
    return execs.start(e, c, () -> nextPid++);
  }

  public void execExited(ExecState e, int exitCode) {
    e.exited(exitCode);
  }

  /** Stops the loopback servers of published ports. */
  public void close() {
    for (ContainerState c : containers.all()) {
      publisher.unpublish(c);
    }
    swarm.leave();
  }
}
