package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import netbook.engine.PortBinding;

/**
 * The state of the embedded engine: networks, containers, exec instances and images, with Docker's
 * lookups (full id, name, unique id prefix), the container lifecycle, and endpoints (addresses,
 * MACs, veth pairs) that come and go with it; {@link NetworkOperations} does the networks' part.
 * Errors carry Docker's statuses and messages. Not thread-safe by itself: {@link EmbeddedDockerApi}
 * serializes every request on it.
 */
final class DockerModel {
  static final Cidr DEFAULT_BRIDGE = Cidr.parse("172.17.0.0/16");
  static final Cidr HOST_LAN = Cidr.parse("10.0.2.0/24");
  static final int HOST_ADDRESS = Ipv4.parse("10.0.2.15");
  static final int HOST_GATEWAY = Ipv4.parse("10.0.2.2");
  static final String HOST_MAC = "52:54:00:12:34:56";
  private static final Pattern VALID_NAME = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

  final EmbeddedOptions options;
  final IdSource ids;
  final ImageCatalog images = new ImageCatalog();
  final Map<String, NetworkState> networks = new LinkedHashMap<>();
  final Map<String, ContainerState> containers = new LinkedHashMap<>();
  final Map<String, ExecState> execs = new LinkedHashMap<>();
  final Instant bootTime;
  private final WebPublisher publisher;
  private int nextIfIndex = 4;
  private int nextPid = 1200;
  private ContainerLifecycle lifecycle;

  DockerModel(EmbeddedOptions options) {
    this.options = options;
    this.ids =
        options.seed().isPresent()
            ? IdSource.seeded(options.seed().getAsLong())
            : IdSource.random();
    this.publisher = new WebPublisher(options.servePublishedPorts());
    this.bootTime = ids.now();
    Map<String, String> bridgeOptions = new LinkedHashMap<>();
    bridgeOptions.put("com.docker.network.bridge.default_bridge", "true");
    bridgeOptions.put("com.docker.network.bridge.enable_icc", "true");
    bridgeOptions.put("com.docker.network.bridge.enable_ip_masquerade", "true");
    bridgeOptions.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
    bridgeOptions.put("com.docker.network.bridge.name", "docker0");
    bridgeOptions.put("com.docker.network.driver.mtu", "1500");
    add(predefined("bridge", "bridge", DEFAULT_BRIDGE, bridgeOptions, "docker0", 3));
    add(predefined("host", "host", null, Map.of(), "", 0));
    add(predefined("none", "null", null, Map.of(), "", 0));
    for (String image : options.preloadedImages()) {
      images.pull(image);
    }
  }

  void lifecycle(ContainerLifecycle value) {
    this.lifecycle = value;
  }

  private NetworkState predefined(
      String name, String driver, Cidr subnet, Map<String, String> opts, String bridge, int index) {
    return new NetworkState(
        ids.id64(),
        name,
        driver,
        ids.now(),
        subnet,
        subnet == null ? 0 : subnet.base() + 1,
        null,
        false,
        false,
        false,
        true,
        Map.of(),
        opts,
        bridge,
        bridge.isEmpty() ? "" : "02:42:" + hexMacTail(),
        index);
  }

  String hexMacTail() {
    String h = ids.hex(4);
    return h.substring(0, 2)
        + ":"
        + h.substring(2, 4)
        + ":"
        + h.substring(4, 6)
        + ":"
        + h.substring(6);
  }

  void add(NetworkState n) {
    networks.put(n.id, n);
  }

  // ---- lookups

  /** A network by full id, exact name, or unique id prefix, as Docker resolves it. */
  NetworkState network(String ref) {
    NetworkState byId = networks.get(ref);
    if (byId != null) {
      return byId;
    }
    for (NetworkState n : networks.values()) {
      if (n.name.equals(ref)) {
        return n;
      }
    }
    List<NetworkState> prefixed =
        networks.values().stream().filter(n -> !ref.isEmpty() && n.id.startsWith(ref)).toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    if (prefixed.size() > 1) {
      throw ApiException.badRequest(
          "network "
              + ref
              + " is ambiguous ("
              + prefixed.size()
              + " matches found based on ID prefix)");
    }
    throw ApiException.networkNotFound(ref);
  }

  Optional<NetworkState> findNetwork(String ref) {
    try {
      return Optional.of(network(ref));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  /** A container by full id, name (with or without the leading slash), or unique id prefix. */
  ContainerState container(String ref) {
    ContainerState byId = containers.get(ref);
    if (byId != null) {
      return byId;
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    for (ContainerState c : containers.values()) {
      if (c.name.equals(name)) {
        return c;
      }
    }
    for (ContainerState c : containers.values()) {
      if (!ref.isEmpty() && c.id.startsWith(ref)) {
        return c;
      }
    }
    throw ApiException.noSuchContainer(ref);
  }

  ExecState exec(String id) {
    ExecState e = execs.get(id);
    if (e == null) {
      throw ApiException.notFound("No such exec instance: " + id);
    }
    return e;
  }

  EndpointState configure(NetworkState n, ContainerState c, List<String> aliases, String ipv4) {
    List<String> all = new ArrayList<>(aliases == null ? List.of() : aliases);
    if (!all.isEmpty() && !n.isUserDefined()) {
      throw ApiException.badRequest(
          "network-scoped alias is supported only for containers in user defined networks");
    }
    if (ipv4 != null && !ipv4.isEmpty() && !n.userSubnet) {
      throw ApiException.badRequest(
          "user specified IP address is supported only when connecting to networks with user"
              + " configured subnets");
    }
    if (n.isUserDefined() && !all.contains(c.shortId())) {
      all.add(c.shortId());
    }
    return new EndpointState(n.id, all, ipv4);
  }

  static int parseAddress(String text) {
    try {
      return Ipv4.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid IP address: " + text);
    }
  }

  // ---- containers

  ContainerState createContainer(CreateRequest r) {
    String name = r.name() == null ? "" : r.name();
    if (!name.isEmpty() && !VALID_NAME.matcher(name).matches()) {
      throw ApiException.badRequest(
          "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    name = name.startsWith("/") ? name.substring(1) : name;
    for (ContainerState other : containers.values()) {
      if (other.name.equals(name)) {
        throw ApiException.conflict(
            "Conflict. The container name \"/"
                + name
                + "\" is already in use by container \""
                + other.id
                + "\". You have to remove (or rename) that container to be able to"
                + " reuse that name.");
      }
    }
    ImageRecord image =
        images
            .find(r.image())
            .orElseThrow(
                () -> ApiException.notFound("No such image: " + ImageCatalog.normalize(r.image())));
    String mode =
        r.networkMode() == null || r.networkMode().isEmpty() ? "default" : r.networkMode();
    NetworkState network = null;
    ContainerState owner = null;
    if (mode.startsWith("container:")) {
      owner = container(mode.substring("container:".length()));
    } else if (!mode.equals("host") && !mode.equals("none")) {
      network = network(mode.equals("default") ? "bridge" : mode);
    }
    String id = ids.id64();
    if (name.isEmpty()) {
      do {
        name = ContainerNames.generate(ids);
      } while (nameTaken(name));
    }
    List<String> cmd = r.cmd() != null ? r.cmd() : r.entrypoint() != null ? List.of() : image.cmd();
    List<String> env = new ArrayList<>(image.env());
    env.addAll(r.env() == null ? List.of() : r.env());
    String hostname =
        r.hostname() == null || r.hostname().isEmpty() ? id.substring(0, 12) : r.hostname();
    if (mode.equals("host")) {
      hostname = options.hostName();
    }
    ContainerState c =
        new ContainerState(
            id,
            name,
            ids.now(),
            r.image(),
            image,
            r.entrypoint(),
            cmd,
            env,
            r.labels() == null ? Map.of() : r.labels(),
            hostname,
            r.domainname() == null ? "" : r.domainname(),
            r.tty(),
            r.openStdin(),
            mode,
            r.ports() == null ? List.of() : r.ports(),
            r.dns() == null ? List.of() : r.dns(),
            r.autoRemove());
    c.namespaceOwner = owner;
    if (network != null) {
      c.endpoints.put(network.id, configure(network, c, r.aliases(), r.ipv4()));
    } else if (owner == null) {
      NetworkState special = network(mode);
      c.endpoints.put(special.id, new EndpointState(special.id, List.of(), ""));
    }
    containers.put(id, c);
    return c;
  }

  private boolean nameTaken(String name) {
    return containers.values().stream().anyMatch(c -> c.name.equals(name));
  }

  /** Starts a container; false when it already ran (Docker answers 304). */
  boolean start(ContainerState c) {
    if (c.running()) {
      return false;
    }
    if (c.namespaceOwner != null && !c.namespaceOwner.running()) {
      throw ApiException.conflict(
          "cannot join network of a non running container: " + c.namespaceOwner.id);
    }
    for (String netId : c.endpoints.keySet()) {
      if (!networks.containsKey(netId)) {
        throw ApiException.notFound("network " + netId + " not found");
      }
    }
    c.boundPorts.clear();
    for (PortBinding p : c.portBindings) {
      int port = publisher.publish(c, p, this::portInUse);
      c.boundPorts.add(new PortBinding(p.hostIp(), port, p.containerPort(), p.protocol()));
    }
    for (Map.Entry<String, EndpointState> e : c.endpoints.entrySet()) {
      activate(c, networks.get(e.getKey()), e.getValue());
    }
    c.status = "running";
    c.pid = nextPid++;
    c.exitCode = 0;
    c.startedAt = ids.now();
    if (lifecycle != null) {
      lifecycle.started(c);
    }
    return true;
  }

  private boolean portInUse(int port) {
    return containers.values().stream()
        .filter(ContainerState::running)
        .flatMap(x -> x.boundPorts.stream())
        .anyMatch(b -> b.hostPort() == port);
  }

  void activate(ContainerState c, NetworkState n, EndpointState e) {
    e.endpointId = ids.id64();
    e.active = true;
    if (n.subnet != null) {
      if (!e.requestedIpv4.isEmpty()) {
        int a = parseAddress(e.requestedIpv4);
        n.reserve(a);
        e.address = a;
      } else {
        e.address = n.allocate();
      }
      e.mac = Macs.fromIpv4(e.address);
      e.ifName = nextEthName(c);
      e.ifIndex = nextIfIndex++;
      e.vethIndex = nextIfIndex++;
      e.vethName = "veth" + ids.hex(4).substring(0, 7);
      e.vethMac = ids.randomMac();
      e.packets = 0;
      e.bytes = 0;
    }
    n.endpoints.put(c.id, e);
  }

  private static String nextEthName(ContainerState c) {
    for (int i = 0; ; i++) {
      String candidate = "eth" + i;
      if (c.endpoints.values().stream().noneMatch(x -> x.active && candidate.equals(x.ifName))) {
        return candidate;
      }
    }
  }

  void deactivate(NetworkState n, EndpointState e) {
    if (!e.active) {
      return;
    }
    if (n != null) {
      n.endpoints.values().remove(e);
      if (e.address != 0) {
        n.release(e.address);
      }
    }
    e.active = false;
    e.endpointId = "";
    e.address = 0;
    e.mac = "";
    e.ifName = "";
    e.ifIndex = 0;
    e.vethIndex = 0;
    e.vethName = "";
    e.vethMac = "";
  }

  /** Ends a running container's process with the given exit code and releases its network. */
  void exit(ContainerState c, int exitCode) {
    if (!c.running()) {
      return;
    }
    for (Map.Entry<String, EndpointState> e : c.endpoints.entrySet()) {
      deactivate(networks.get(e.getKey()), e.getValue());
    }
    publisher.unpublish(c);
    c.boundPorts.clear();
    c.status = "exited";
    c.exitCode = exitCode;
    c.pid = 0;
    c.finishedAt = ids.now();
    if (c.autoRemove) {
      containers.remove(c.id);
      execs.values().removeIf(x -> x.containerId.equals(c.id));
    }
  }

  void remove(ContainerState c, boolean force) {
    if (c.running() && !force) {
      throw ApiException.conflict(
          "You cannot remove a running container "
              + c.id
              + ". Stop the container before"
              + " attempting removal or force remove");
    }
    exit(c, 137);
    containers.remove(c.id);
    execs.values().removeIf(x -> x.containerId.equals(c.id));
  }

  /** Every container whose network namespace is {@code ns}: itself and container:ID joiners. */
  List<ContainerState> sharing(ContainerState ns) {
    return containers.values().stream().filter(c -> c.namespace() == ns).toList();
  }

  /** The running container holding this address on a network, if any. */
  Optional<ContainerState> holder(int address) {
    for (NetworkState n : networks.values()) {
      for (Map.Entry<String, EndpointState> e : n.endpoints.entrySet()) {
        if (e.getValue().active && e.getValue().address == address) {
          return Optional.ofNullable(containers.get(e.getKey()));
        }
      }
    }
    return Optional.empty();
  }

  /** A stand-in process on the engine's host, to run commands in the host's namespace. */
  ContainerState hostShell() {
    ImageRecord none =
        new ImageRecord(
            "host",
            "latest",
            "sha256:" + "0".repeat(64),
            0,
            bootTime,
            List.of("sh"),
            List.of(),
            ImageRecord.Kind.TOOLBOX);
    ContainerState c =
        new ContainerState(
            "0".repeat(64),
            options.hostName(),
            bootTime,
            "host",
            none,
            null,
            List.of("sh"),
            List.of(),
            Map.of(),
            options.hostName(),
            "",
            false,
            false,
            "host",
            List.of(),
            List.of(),
            false);
    c.status = "running";
    return c;
  }

  NetworkState networkById(String id) {
    return networks.get(id);
  }

  String newId() {
    return ids.id64();
  }

  int nextIfIndex() {
    return nextIfIndex++;
  }

  int nextPid() {
    return nextPid++;
  }

  void close() {
    for (ContainerState c : containers.values()) {
      publisher.unpublish(c);
    }
  }

  /** Hooks run when a container starts (its main command is played). */
  interface ContainerLifecycle {
    void started(ContainerState c);
  }
}
