package netbook.lab;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineInfo;
import netbook.engine.ExecResult;
import netbook.engine.HostInterface;
import netbook.engine.ImageInfo;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.PullProgress;

/**
 * An engine seen through a name prefix ({@code NETBOOK_NAME_PREFIX}), as Compose sees a daemon
 * through its project name: the containers and networks made through it are named {@code
 * <prefix><name>} and labelled {@code netbook.prefix=<prefix>}, and a container keeps its lesson's
 * name as an alias on the user-defined networks it joins (so a ping by that name still resolves). A
 * bare name means the prefixed resource: the user's own {@code web} is reached by its id, never by
 * the name {@code web}, so two prefixes never see each other's names. Docker's own networks
 * (bridge, host, none) keep their names. Lists show the real (prefixed) names. The crash reapers
 * given this engine ({@link Reaper}, the notebook runner's) only remove what carries the same
 * prefix label: a session without a prefix never reaps a prefixed one, nor the other way round.
 */
public final class PrefixedEngine implements Engine {
  /** The label naming the prefix a resource was made under (absent: no prefix). */
  public static final String LABEL_PREFIX = "netbook.prefix";

  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private static final List<String> DEFAULT_NETWORKS = List.of("bridge", "host", "none");

  private final Engine inner;
  private final String prefix;

  /**
   * @param prefix a Docker name's start ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}), e.g. {@code soak1_}
   */
  public PrefixedEngine(Engine inner, String prefix) {
    if (!VALID.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "name prefix " + prefix + " is not the start of a Docker name: use e.g. soak1_");
    }
    this.inner = inner;
    this.prefix = prefix;
  }

  /** Whether {@code prefix} may start a Docker name (so may be a name prefix). */
  public static boolean valid(String prefix) {
    return VALID.matcher(prefix).matches();
  }

  /** The prefix {@code engine} names things with ("" for a plain engine). */
  public static String prefixOf(Engine engine) {
    return engine instanceof PrefixedEngine p ? p.prefix : "";
  }

  /** Whether a resource with these labels was made under {@code prefix} ("" for none). */
  public static boolean madeUnder(Map<String, String> labels, String prefix) {
    return labels != null && prefix.equals(labels.getOrDefault(LABEL_PREFIX, ""));
  }

  public String prefix() {
    return prefix;
  }

  @Override
  public EngineInfo info() {
    return inner.info();
  }

  @Override
  public List<NetworkInfo> networks() {
    return inner.networks();
  }

  @Override
  public Optional<NetworkInfo> findNetwork(String nameOrId) {
    if (nameOrId.startsWith(prefix) || DEFAULT_NETWORKS.contains(nameOrId)) {
      return inner.findNetwork(nameOrId);
    }
    Optional<NetworkInfo> mine = inner.findNetwork(prefix + nameOrId);
    return mine.isPresent()
        ? mine
        : inner.findNetwork(nameOrId).filter(n -> !n.name().equals(nameOrId)); // by id only
  }

  @Override
  public NetworkInfo createNetwork(NetworkSpec spec) {
    Map<String, String> labels = new HashMap<>(spec.labels() == null ? Map.of() : spec.labels());
    labels.put(LABEL_PREFIX, prefix);
    return inner.createNetwork(
        new NetworkSpec(
            prefixed(spec.name()),
            spec.driver(),
            spec.subnet(),
            spec.gateway(),
            spec.ipRange(),
            spec.internal(),
            labels,
            spec.options()));
  }

  @Override
  public void removeNetwork(String nameOrId) {
    inner.removeNetwork(network(nameOrId));
  }

  @Override
  public void connect(String network, String container, List<String> aliases, String ipv4) {
    String net = network(network);
    List<String> all = new ArrayList<>(aliases == null ? List.of() : aliases);
    if (!DEFAULT_NETWORKS.contains(net)) {
      findContainer(container)
          .map(c -> lessonName(c.name()))
          .filter(n -> !n.isEmpty() && !all.contains(n))
          .ifPresent(all::add);
    }
    inner.connect(net, container(container), all, ipv4);
  }

  @Override
  public void disconnect(String network, String container, boolean force) {
    inner.disconnect(network(network), container(container), force);
  }

  @Override
  public List<ContainerInfo> containers(boolean all) {
    return inner.containers(all);
  }

  @Override
  public Optional<ContainerInfo> findContainer(String nameOrId) {
    if (nameOrId.startsWith(prefix)) {
      return inner.findContainer(nameOrId);
    }
    Optional<ContainerInfo> mine = inner.findContainer(prefix + nameOrId);
    return mine.isPresent()
        ? mine
        : inner.findContainer(nameOrId).filter(c -> !c.name().equals(nameOrId)); // by id only
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    ContainerSpec.Builder b = spec.toBuilder().label(LABEL_PREFIX, prefix);
    String net = spec.network();
    if (net.startsWith("container:")) {
      b.network("container:" + container(net.substring("container:".length())));
    } else if (!net.isEmpty() && !DEFAULT_NETWORKS.contains(net)) {
      b.network(network(net));
      String lesson = lessonName(spec.name());
      if (!lesson.isEmpty() && !spec.aliases().contains(lesson)) {
        b.alias(lesson); // the lesson's name still resolves on its network
      }
    }
    if (!spec.name().isEmpty()) {
      b.name(prefixed(spec.name()));
    }
    return inner.createContainer(b.build());
  }

  @Override
  public void start(String container) {
    inner.start(container(container));
  }

  @Override
  public void stop(String container, Duration grace) {
    inner.stop(container(container), grace);
  }

  @Override
  public void kill(String container) {
    inner.kill(container(container));
  }

  @Override
  public void removeContainer(String container, boolean force) {
    inner.removeContainer(container(container), force);
  }

  @Override
  public String logs(String container) {
    return inner.logs(container(container));
  }

  @Override
  public ExecResult exec(String container, List<String> cmd, Duration timeout) {
    return inner.exec(container(container), cmd, timeout);
  }

  @Override
  public ExecResult exec(
      String container, List<String> cmd, Duration timeout, Consumer<String> live) {
    return inner.exec(container(container), cmd, timeout, live);
  }

  @Override
  public void copyImage(String ref, Engine to, Duration timeout) {
    inner.copyImage(ref, to, timeout);
  }

  @Override
  public void loadImages(java.io.InputStream tar, Duration timeout) {
    inner.loadImages(tar, timeout);
  }

  @Override
  public Engine connect(String dockerHost, Duration timeout) {
    return inner.connect(dockerHost, timeout);
  }

  @Override
  public String swarmInit(String advertiseAddr) {
    return inner.swarmInit(advertiseAddr);
  }

  @Override
  public void swarmJoin(String managerAddr, String token) {
    inner.swarmJoin(managerAddr, token);
  }

  @Override
  public Optional<String> swarmAddress() {
    return inner.swarmAddress();
  }

  @Override
  public void swarmLeave() {
    inner.swarmLeave();
  }

  @Override
  public List<netbook.engine.SwarmNode> swarmNodes() {
    return inner.swarmNodes();
  }

  @Override
  public String createService(netbook.engine.ServiceSpec spec) {
    return inner.createService(spec);
  }

  @Override
  public List<netbook.engine.ServiceInfo> services() {
    return inner.services();
  }

  @Override
  public List<netbook.engine.ServiceTask> tasks(String service) {
    return inner.tasks(service);
  }

  @Override
  public void scaleService(String name, int replicas) {
    inner.scaleService(name, replicas);
  }

  @Override
  public void removeService(String name) {
    inner.removeService(name);
  }

  @Override
  public boolean interruptExecs() {
    return inner.interruptExecs();
  }

  @Override
  public List<ImageInfo> images() {
    return inner.images();
  }

  @Override
  public Optional<ImageInfo> findImage(String ref) {
    return inner.findImage(ref);
  }

  @Override
  public String buildImage(
      String tag, InputStream context, Map<String, String> labels, Duration timeout) {
    return inner.buildImage(tag, context, labels, timeout);
  }

  @Override
  public void pull(String ref, Consumer<PullProgress> progress, Duration timeout) {
    inner.pull(ref, progress, timeout);
  }

  @Override
  public String inspectContainerJson(String nameOrId) {
    return inner.inspectContainerJson(container(nameOrId));
  }

  @Override
  public String inspectNetworkJson(String nameOrId) {
    return inner.inspectNetworkJson(network(nameOrId));
  }

  @Override
  public List<HostInterface> hostInterfaces() {
    return inner.hostInterfaces();
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public String toString() {
    return inner + " (names prefixed " + prefix + ")";
  }

  private String prefixed(String name) {
    return name.isEmpty() || name.startsWith(prefix) ? name : prefix + name;
  }

  /** The name a lesson knows: {@code web} for {@code <prefix>web}. */
  private String lessonName(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    return n.startsWith(prefix) ? n.substring(prefix.length()) : n;
  }

  /** The reference the inner engine knows: the prefixed name, or the reference as given. */
  private String container(String ref) {
    return findContainer(ref).map(ContainerInfo::id).orElse(prefixed(ref));
  }

  private String network(String ref) {
    if (DEFAULT_NETWORKS.contains(ref)) {
      return ref;
    }
    return findNetwork(ref).map(NetworkInfo::name).orElse(prefixed(ref));
  }
}
