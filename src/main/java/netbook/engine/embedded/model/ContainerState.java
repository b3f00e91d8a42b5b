package netbook.engine.embedded.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netbook.engine.PortBinding;

/**
 * A container of the model: its configuration as created, and its state (mutable through the model
 * only, guarded by the model's lock).
 */
public final class ContainerState {
  private final String id;
  private String name;
  private final Instant created;
  private final ContainerConfig config;

  private String status = "created";
  private int exitCode;
  private int pid;
  private Instant startedAt;
  private Instant finishedAt;

  /** Published ports as bound by the last start: hostPort is the actual port. */
  private final List<PortBinding> boundPorts = new ArrayList<>();

  /** Configured networks in connect order, by network id. */
  private final Map<String, EndpointState> endpoints = new LinkedHashMap<>();

  /** The container whose network namespace this one joins (NetworkMode container:ID), or null. */
  private final ContainerState namespaceOwner;

  /** Legacy links on the default bridge, resolved at create. */
  private List<Links.Link> links = List.of();

  /**
   * The network (or container:REF) the network mode names when it did not exist at create: dockerd
   * creates the container anyway and fails its start ("" when resolved).
   */
  private String unresolvedMode = "";

  // another node's wget logs here too (a Swarm overlay), so appends and reads may race
  private final List<LogEntry> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<String> execIds = new ArrayList<>();

  /** TCP ports an exec'd {@code nc -l} listens on in this namespace, until one connection ends. */
  private final Set<Integer> listeners = new TreeSet<>();

  /** One chunk of a container's output, as the logs endpoint replays it. */
  public record LogEntry(int stream, String text) {}

  ContainerState(String id, String name, Instant created, ContainerConfig config) {
    this(id, name, created, config, null);
  }

  ContainerState(
      String id, String name, Instant created, ContainerConfig config, ContainerState owner) {
    this.id = id;
    this.name = name;
    this.created = created;
    this.config = config;
    this.namespaceOwner = owner;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant created() {
    return created;
  }

  /** What the container was created with. */
  public ContainerConfig config() {
    return config;
  }

  public ImageRecord image() {
    return config.image();
  }

  /** The entrypoint, or null when the image's (none) is used. */
  public List<String> entrypoint() {
    return config.entrypoint();
  }

  public List<String> cmd() {
    return config.cmd();
  }

  public boolean tty() {
    return config.tty();
  }

  public boolean openStdin() {
    return config.openStdin();
  }

  public List<PortBinding> portBindings() {
    return config.portBindings();
  }

  public String status() {
    return status;
  }

  public int exitCode() {
    return exitCode;
  }

  public int pid() {
    return pid;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public List<PortBinding> boundPorts() {
    return Collections.unmodifiableList(boundPorts);
  }

  /** Configured networks in connect order, by network id. */
  public Map<String, EndpointState> endpoints() {
    return Collections.unmodifiableMap(endpoints);
  }

  public Optional<ContainerState> namespaceOwner() {
    return Optional.ofNullable(namespaceOwner);
  }

  public List<LogEntry> logs() {
    return Collections.unmodifiableList(logs);
  }

  public List<String> execIds() {
    return Collections.unmodifiableList(execIds);
  }

  /** Appends a chunk of the container's output (1 stdout, 2 stderr) to its log. */
  public void log(int stream, String text) {
    logs.add(new LogEntry(stream, text));
  }

  public boolean running() {
    return "running".equals(status);
  }

  public String shortId() {
    return id.substring(0, 12);
  }

  /** The process Docker runs: entrypoint followed by cmd. */
  public List<String> command() {
    List<String> all = new ArrayList<>();
    if (entrypoint() != null) {
      all.addAll(entrypoint());
    }
    all.addAll(cmd());
    return all;
  }

  public boolean hostMode() {
    return "host".equals(config.networkMode());
  }

  public boolean noneMode() {
    return "none".equals(config.networkMode());
  }

  /** The container whose namespace this container lives in (itself unless container:ID). */
  public ContainerState namespace() {
    return namespaceOwner == null ? this : namespaceOwner.namespace();
  }

  /** Legacy links on the default bridge (target id and alias), resolved at create. */
  List<Links.Link> links() {
    return links;
  }

  /** The network mode's network or container when it was unknown at create, else "". */
  String unresolvedMode() {
    return unresolvedMode;
  }

  /** The ports exec'd {@code nc -l -p PORT} processes listen on (the main command's are apart). */
  public Set<Integer> listeners() {
    return Collections.unmodifiableSet(listeners);
  }

  /** An exec'd {@code nc -l -p PORT} starts listening (it ends with its first connection). */
  public void listen(int port) {
    listeners.add(port);
  }

  /** The exec'd listener on this port took its connection and ended; false when none was there. */
  public boolean unlisten(int port) {
    return listeners.remove(port);
  }

  // ---- changed by the model only

  void links(List<Links.Link> value) {
    links = List.copyOf(value);
  }

  void unresolvedMode(String value) {
    unresolvedMode = value;
  }

  void rename(String newName) {
    name = newName;
  }

  void configure(String networkId, EndpointState e) {
    endpoints.put(networkId, e);
  }

  void unconfigure(String networkId) {
    endpoints.remove(networkId);
  }

  void bind(PortBinding p) {
    boundPorts.add(p);
  }

  void started(int newPid, Instant at) {
    status = "running";
    pid = newPid;
    exitCode = 0;
    startedAt = at;
  }

  void exited(int code, Instant at) {
    boundPorts.clear();
    listeners.clear();
    status = "exited";
    exitCode = code;
    pid = 0;
    finishedAt = at;
  }

  void clearBoundPorts() {
    boundPorts.clear();
  }

  void addExec(String execId) {
    execIds.add(execId);
  }

  /** The stand-in of the engine's host shell: running from the start. */
  ContainerState markRunning() {
    status = "running";
    return this;
  }

  /** The HostConfig JSON as the create request sent it (inspect echoes its fields). */
  public JsonNode requestedHostConfig() {
    return config.requestedHostConfig() == null
        ? JsonNodeFactory.instance.objectNode()
        : config.requestedHostConfig();
  }

  @Override
  public String toString() {
    return "container " + name + " (" + config.imageRef() + ", " + status + ")";
  }
}
