package netbook.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.EngineInfo;
import netbook.engine.ExecResult;
import netbook.engine.HostInterface;
import netbook.engine.ImageInfo;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.PullProgress;

/**
 * The engine port on docker-java: one long-lived {@link DockerClient} over one {@link
 * DockerHttpClient}. The HTTP client is either the zerodep transport to a real daemon or the
 * embedded engine's in-process transport, so this is the only client code on both engines.
 */
public final class DockerEngine implements Engine {
  private static final System.Logger LOG = System.getLogger(DockerEngine.class.getName());

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerClient client;
  private final DockerClient streams;
  private final DockerHttpClient http;
  private final String kind;
  private final String endpoint;
  private final HostInterfaces hostInterfaces;
  private final StreamCalls streamCalls;
  private final LiveExecs liveExecs;
  private final SwarmCalls swarmCalls;
  private volatile java.nio.file.Path dockerConfig;
  private final BuildCalls buildCalls;
  private final ServiceCalls serviceCalls;
  private volatile EngineInfo info;
  private volatile String origin = "";
  private final List<AutoCloseable> closers = new CopyOnWriteArrayList<>();

  DockerEngine(
      DockerClientConfig config,
      DockerHttpClient http,
      String kind,
      String endpoint,
      HostInterfaces hostInterfaces) {
    this(config, http, http, kind, endpoint, hostInterfaces);
  }

  /**
   * @param http for ordinary calls: its response timeout bounds how long a vanished daemon can hold
   *     a call
   * @param streamHttp for streams that may be silent for long (exec, logs, pull): each of their
   *     waits has its own timeout, and a closed connection ends them at once
   */
  DockerEngine(
      DockerClientConfig config,
      DockerHttpClient http,
      DockerHttpClient streamHttp,
      String kind,
      String endpoint,
      HostInterfaces hostInterfaces) {
    this.client = DockerClientImpl.getInstance(config, http);
    this.streams = streamHttp == http ? client : DockerClientImpl.getInstance(config, streamHttp);
    this.http = http;
    this.kind = kind;
    this.endpoint = endpoint;
    this.hostInterfaces = hostInterfaces;
    this.streamCalls = new StreamCalls(client, streams, endpoint);
    this.liveExecs = new LiveExecs(client, streams, endpoint);
    this.swarmCalls = new SwarmCalls(client, streams, endpoint);
    this.buildCalls = new BuildCalls(streams, endpoint);
    this.serviceCalls = new ServiceCalls(client, endpoint);
  }

  /** Why this engine was chosen ("DOCKER_HOST", "Colima's socket in your home"), for :engine. */
  public void origin(String why) {
    this.origin = why;
  }

  /** Something to close with the engine (an ssh bridge and its processes). */
  void onClose(AutoCloseable c) {
    closers.add(c);
  }

  /** Where the calls go, for messages: "unix:///var/run/docker.sock". */
  public String endpoint() {
    return endpoint;
  }

  @Override
  public EngineInfo info() {
    EngineInfo i = info;
    if (i == null) {
      Version v = call("version", () -> client.versionCmd().exec());
      i = new EngineInfo(kind, endpoint, v.getVersion(), v.getApiVersion(), origin);
      info = i;
    }
    return i;
  }

  /**
   * What answers, for people: "Docker Engine 28.2.2, API 1.41 (min 1.12), linux/amd64, kernel 6.1"
   * — Docker Desktop and Podman name themselves.
   */
  public String describe() {
    Version v = call("version", () -> client.versionCmd().exec());
    String product = "Docker Engine";
    if (v.getPlatform() != null
        && v.getPlatform().getName() != null
        && !v.getPlatform().getName().isBlank()) {
      product = v.getPlatform().getName();
    } else if (v.getComponents() != null
        && v.getComponents().stream()
            .anyMatch(c -> String.valueOf(c.getName()).contains("Podman"))) {
      product = "Podman";
    }
    return product
        + " "
        + v.getVersion()
        + ", API "
        + v.getApiVersion()
        + (v.getMinAPIVersion() == null ? "" : " (min " + v.getMinAPIVersion() + ")")
        + ", "
        + v.getOperatingSystem()
        + "/"
        + v.getArch()
        + (v.getKernelVersion() == null ? "" : ", kernel " + v.getKernelVersion());
  }

  /** Pings the engine; throws {@link EngineException} when it does not answer. */
  public void ping() {
    call("ping", () -> client.pingCmd().exec());
  }

  // networks

  @Override
  public List<NetworkInfo> networks() {
    List<Network> list = call("list networks", () -> client.listNetworksCmd().exec());
    List<NetworkInfo> out = new ArrayList<>();
    for (Network n : list) {
      out.add(Conversions.network(n));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  @Override
  public Optional<NetworkInfo> findNetwork(String nameOrId) {
    try {
      Network n =
          call(
              "inspect network " + nameOrId,
              () -> client.inspectNetworkCmd().withNetworkId(nameOrId).exec());
      return Optional.of(Conversions.network(n));
    } catch (EngineException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public NetworkInfo createNetwork(NetworkSpec spec) {
    String id =
        call(
            "create network " + spec.name(),
            () -> {
              CreateNetworkCmd cmd =
                  client
                      .createNetworkCmd()
                      .withName(spec.name())
                      .withDriver(spec.driver())
                      .withInternal(spec.internal())
                      .withLabels(spec.labels())
                      .withOptions(spec.options())
                      .withCheckDuplicate(true);
              if ("overlay".equals(spec.driver())) {
                cmd.withAttachable(true); // netbook's overlays take standalone containers too
              }
              if (!spec.subnet().isEmpty()) {
                Network.Ipam.Config pool = new Network.Ipam.Config().withSubnet(spec.subnet());
                if (!spec.gateway().isEmpty()) {
                  pool.withGateway(spec.gateway());
                }
                if (!spec.ipRange().isEmpty()) {
                  pool.withIpRange(spec.ipRange());
                }
                cmd.withIpam(new Network.Ipam().withConfig(pool));
              }
              return cmd.exec().getId();
            });
    return findNetwork(id)
        .orElseThrow(
            () ->
                new EngineException(
                    404, "network " + spec.name() + " vanished right after creation"));
  }

  @Override
  public void removeNetwork(String nameOrId) {
    call("remove network " + nameOrId, () -> client.removeNetworkCmd(nameOrId).exec());
  }

  @Override
  public void connect(String network, String container, List<String> aliases, String ipv4) {
    call(
        "connect " + container + " to " + network,
        () -> {
          var cmd = client.connectToNetworkCmd().withNetworkId(network).withContainerId(container);
          if (!aliases.isEmpty() || !ipv4.isEmpty()) {
            ContainerNetwork cfg = new ContainerNetwork().withAliases(aliases);
            if (!ipv4.isEmpty()) {
              cfg.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(ipv4));
            }
            cmd.withContainerNetwork(cfg);
          }
          return cmd.exec();
        });
  }

  @Override
  public void disconnect(String network, String container, boolean force) {
    call(
        "disconnect " + container + " from " + network,
        () ->
            client
                .disconnectFromNetworkCmd()
                .withNetworkId(network)
                .withContainerId(container)
                .withForce(force)
                .exec());
  }

  // containers

  @Override
  public List<ContainerInfo> containers(boolean all) {
    var list = call("list containers", () -> client.listContainersCmd().withShowAll(all).exec());
    List<ContainerInfo> out = new ArrayList<>();
    for (var c : list) {
      out.add(Conversions.container(c));
    }
    return out;
  }

  @Override
  public Optional<ContainerInfo> findContainer(String nameOrId) {
    try {
      var r =
          call("inspect container " + nameOrId, () -> client.inspectContainerCmd(nameOrId).exec());
      return Optional.of(Conversions.container(r));
    } catch (EngineException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    return call(
        "create container " + (spec.name().isEmpty() ? spec.image() : spec.name()),
        () -> Conversions.createCommand(client, spec).exec().getId());
  }

  @Override
  public void start(String container) {
    call(
        "start " + container,
        () -> {
          try {
            return client.startContainerCmd(container).exec();
          } catch (NotModifiedException e) {
            return null; // 304: it runs already, which is what was asked (the docker CLI agrees)
          }
        });
  }

  @Override
  public void stop(String container, Duration grace) {
    call(
        "stop " + container,
        // a long grace outlasts the ordinary calls' response timeout: the stream client waits
        () -> {
          try {
            return (grace.toSeconds() >= 5 ? streams : client)
                .stopContainerCmd(container)
                .withTimeout((int) grace.toSeconds())
                .exec();
          } catch (NotModifiedException e) {
            return null; // 304: it was stopped already, as asked (the docker CLI prints its name)
          }
        });
  }

  @Override
  public void kill(String container) {
    call("kill " + container, () -> client.killContainerCmd(container).exec());
  }

  @Override
  public void removeContainer(String container, boolean force) {
    call(
        "remove " + container,
        () -> client.removeContainerCmd(container).withForce(force).withRemoveVolumes(true).exec());
  }

  @Override
  public String logs(String container) {
    return streamCalls.logs(container);
  }

  @Override
  public ExecResult exec(String container, List<String> cmd, Duration timeout) {
    return streamCalls.exec(container, cmd, timeout);
  }

  @Override
  public ExecResult exec(
      String container, List<String> cmd, Duration timeout, Consumer<String> live) {
    return liveExecs.run(container, cmd, timeout, live);
  }

  @Override
  public void copyImage(String ref, Engine to, Duration timeout) {
    swarmCalls.copyImage(ref, to, timeout);
  }

  @Override
  public void loadImages(InputStream tar, Duration timeout) {
    swarmCalls.loadImages(tar);
  }

  /** Where the docker CLI keeps its contexts (DOCKER_CONFIG, ~/.docker), for {@link #connect}. */
  public void contexts(java.nio.file.Path dockerConfig) {
    this.dockerConfig = dockerConfig;
  }

  /** {@code tcp://…}, {@code ssh://…}, {@code unix://…}, or {@code context:NAME}. */
  @Override
  public Engine connect(String dockerHost, Duration timeout) {
    DockerEngine e;
    if (dockerHost.startsWith(CONTEXT)) {
      String name = dockerHost.substring(CONTEXT.length());
      java.util.Optional<DockerContexts.Endpoint> ctx =
          dockerConfig == null
              ? java.util.Optional.empty()
              : DockerContexts.resolve(name, dockerConfig);
      if (ctx.isEmpty()) {
        throw new EngineException(
            404,
            "no docker context "
                + name
                + (dockerConfig == null ? "" : " in " + dockerConfig)
                + ": docker context ls lists them (docker context create "
                + name
                + " --docker host=ssh://user@host makes one)");
      }
      e = DockerEngines.connect(null, ctx, timeout);
    } else {
      e = DockerEngines.connect(dockerHost, timeout);
    }
    e.contexts(dockerConfig);
    return e;
  }

  /** The prefix of a docker context's name in {@link #connect}. */
  public static final String CONTEXT = "context:";

  @Override
  public String swarmInit(String advertiseAddr) {
    return swarmCalls.init(advertiseAddr);
  }

  @Override
  public void swarmJoin(String managerAddr, String token) {
    swarmCalls.join(managerAddr, token);
  }

  @Override
  public Optional<String> swarmAddress() {
    return swarmCalls.address();
  }

  @Override
  public void swarmLeave() {
    swarmCalls.leave();
  }

  @Override
  public List<netbook.engine.SwarmNode> swarmNodes() {
    return swarmCalls.nodes();
  }

  @Override
  public String createService(netbook.engine.ServiceSpec spec) {
    return serviceCalls.create(spec);
  }

  @Override
  public List<netbook.engine.ServiceInfo> services() {
    return serviceCalls.services();
  }

  @Override
  public List<netbook.engine.ServiceTask> tasks(String service) {
    return serviceCalls.tasks(service);
  }

  @Override
  public void scaleService(String name, int replicas) {
    serviceCalls.scale(name, replicas);
  }

  @Override
  public void removeService(String name) {
    serviceCalls.remove(name);
  }

  @Override
  public boolean interruptExecs() {
    return liveExecs.interruptAll();
  }

  // images

  @Override
  public List<ImageInfo> images() {
    var list = call("list images", () -> client.listImagesCmd().exec());
    List<ImageInfo> out = new ArrayList<>();
    for (var i : list) {
      String[] tags = i.getRepoTags();
      out.add(
          new ImageInfo(
              i.getId(),
              tags == null ? List.of() : List.of(tags),
              i.getSize() == null ? 0 : i.getSize(),
              i.getCreated() == null ? null : Instant.ofEpochSecond(i.getCreated())));
    }
    return out;
  }

  @Override
  public String buildImage(
      String tag, InputStream context, Map<String, String> labels, Duration timeout) {
    return buildCalls.build(tag, context, labels, timeout);
  }

  @Override
  public Optional<ImageInfo> findImage(String ref) {
    try {
      var r = call("inspect image " + ref, () -> client.inspectImageCmd(ref).exec());
      return Optional.of(
          new ImageInfo(r.getId(), r.getRepoTags(), r.getSize() == null ? 0 : r.getSize(), null));
    } catch (EngineException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void pull(String ref, Consumer<PullProgress> progress, Duration timeout) {
    streamCalls.pull(ref, progress, timeout);
  }

  // raw views

  @Override
  public String inspectContainerJson(String nameOrId) {
    return rawJson("/containers/" + nameOrId + "/json", "container " + nameOrId);
  }

  @Override
  public String inspectNetworkJson(String nameOrId) {
    return rawJson("/networks/" + nameOrId, "network " + nameOrId);
  }

  private String rawJson(String path, String what) {
    DockerHttpClient.Request req =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(path)
            .build();
    try (DockerHttpClient.Response r = http.execute(req);
        InputStream body = r.getBody()) {
      byte[] bytes = body.readAllBytes();
      JsonNode node = JSON.readTree(bytes);
      if (r.getStatusCode() >= 400) {
        String msg =
            node != null && node.has("message")
                ? node.get("message").asText()
                : "status " + r.getStatusCode();
        throw new EngineException(r.getStatusCode(), msg);
      }
      return JSON.writer(new DockerJsonPrinter()).writeValueAsString(node);
    } catch (IOException e) {
      throw Conversions.error("inspect " + what, new UncheckedIOException(e), endpoint);
    } catch (RuntimeException e) {
      if (e instanceof EngineException ee) {
        throw ee;
      }
      throw Conversions.error("inspect " + what, e, endpoint);
    }
  }

  @Override
  public List<HostInterface> hostInterfaces() {
    return hostInterfaces.read(this);
  }

  @Override
  public void close() {
    liveExecs.close();
    try {
      client.close();
      if (streams != client) {
        streams.close();
      }
    } catch (IOException e) {
      // the connection is going away either way; nothing left to release
      LOG.log(Level.DEBUG, "closing the Docker client", e);
    } finally {
      for (AutoCloseable c : closers) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.log(Level.DEBUG, "closing " + c, e);
        }
      }
    }
  }

  // helpers

  private <T> T call(String what, Supplier<T> action) {
    return Conversions.call(what, endpoint, action);
  }
}
