package netbook.engine.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import netbook.engine.ExecResult;
import netbook.engine.HostInterface;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.api.ApiResponse;
import netbook.engine.embedded.api.ApiRouter;
import netbook.engine.embedded.api.TerminalShell;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.busybox.ContainerProcesses;
import netbook.engine.embedded.busybox.ShellResult;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetworkPaths;

/**
 * The embedded engine: an in-process implementation of the Docker Engine API (v1.41) subset
 * networking lessons use, answering with Docker's paths, JSON keys, status codes and error
 * messages. {@link #handle(ApiRequest)} is a pure request/response function, safe to call from
 * several threads (requests are serialized); {@link #handleLive(ApiRequest)} adds the streams a
 * served engine gives (exec, attach, logs follow, wait). Serve it on loopback with {@link
 * EmbeddedServer}, or hand it to docker-java through {@code EmbeddedHttpClient}. It wires the model
 * ({@code model/}), the emulated commands ({@code busybox/}) and the routes ({@code api/}).
 */
public final class EmbeddedDockerApi implements AutoCloseable {
  public static final String API_VERSION = ApiRouter.API_VERSION;
  public static final String MIN_API_VERSION = ApiRouter.MIN_API_VERSION;
  public static final String SERVER_VERSION = ApiRouter.SERVER_VERSION;
  public static final String PLATFORM = ApiRouter.PLATFORM;

  private final EmbeddedOptions options;
  private final DockerModel model;
  private final Namespaces namespaces;
  private final Busybox busybox;
  private final ApiRouter router;
  private netbook.engine.embedded.model.SwarmClusters swarms;
  private final Runnable sync = this::sync;

  /** An engine with {@link EmbeddedOptions#defaults()}: random IDs, the real clock. */
  public EmbeddedDockerApi() {
    this(EmbeddedOptions.defaults());
  }

  public EmbeddedDockerApi(EmbeddedOptions options) {
    this.options = options;
    this.model = new DockerModel(options);
    this.namespaces = new Namespaces(model);
    this.busybox = new Busybox(model, namespaces, new NetworkPaths(model, namespaces));
    model.lifecycle(TerminalShell.promptingAfter(new ContainerProcesses(model, busybox)));
    this.router = new ApiRouter(model, busybox);
    model.nodeEngines(new NodeEngineServers(options));
  }

  /**
   * Lets this engine (a node's) join the swarms in {@code swarms}, shared with its sibling nodes;
   * {@code address} is the node's own, what it advertises by default.
   */
  void joinable(netbook.engine.embedded.model.SwarmClusters swarms, String address) {
    synchronized (model) {
      model.swarms(swarms, () -> address);
      this.swarms = swarms;
    }
    swarms.node(sync);
  }

  /** This node runs its tasks and publishes its endpoints (another node changed services). */
  private void sync() {
    synchronized (model) {
      model.syncSwarm();
      model.notifyAll();
    }
  }

  /**
   * After a request that changed the swarm's services, every node runs its tasks before the answer
   * goes out (as if the dispatcher were instant); no engine lock is held meanwhile.
   */
  private ApiResponse synced(ApiResponse r, boolean changed) {
    netbook.engine.embedded.model.SwarmClusters all;
    synchronized (model) {
      all = swarms;
    }
    if (changed && all != null) {
      all.syncAll();
    }
    return r;
  }

  public EmbeddedOptions options() {
    return options;
  }

  /** Answers one Engine API request; errors come back as Docker's {"message": …} bodies. */
  public ApiResponse handle(ApiRequest request) {
    ApiResponse r;
    boolean changed;
    synchronized (model) {
      model.syncSwarm(); // what other nodes changed in the swarm shows here
      long before = model.serviceChanges();
      r = router.handle(request);
      model.syncSwarm(); // and what this request changed shows there
      changed = model.serviceChanges() != before;
      model.notifyAll(); // live answers wait on the model for changes
    }
    return synced(r, changed);
  }

  /**
   * Answers as a server whose connections can stay open: exec start and attach answer {@link
   * ApiResponse#UPGRADED} with a stream that takes over the connection, followed logs and waits
   * that wait answer with a stream that writes the body when there is news. Run an answer's stream
   * on the connection's own thread: it takes the engine's lock only while it looks at the model.
   */
  public ApiResponse handleLive(ApiRequest request) {
    ApiResponse r;
    boolean changed;
    synchronized (model) {
      model.syncSwarm(); // what other nodes changed in the swarm shows here
      long before = model.serviceChanges();
      r = router.handleLive(request);
      model.syncSwarm(); // and what this request changed shows there
      changed = model.serviceChanges() != before;
      model.notifyAll(); // live answers wait on the model for changes
    }
    return synced(r, changed);
  }

  /** The headers every answer carries, as dockerd sends them. */
  public static Map<String, String> serverHeaders() {
    return ApiRouter.serverHeaders();
  }

  /** The host side of the engine's networks: lo, eth0, docker0, br- bridges and the veths. */
  public List<HostInterface> hostInterfaces() {
    synchronized (model) {
      return namespaces.hostView();
    }
  }

  /**
   * Runs a busybox command as on the engine's host (e.g. {@code ip addr}, {@code ifconfig}, {@code
   * ip route}), where docker0, the bridges and the veths are visible.
   */
  public ExecResult runOnHost(List<String> argv) {
    synchronized (model) {
      ContainerState host = model.hostShell();
      ShellResult r = busybox.exec(host, argv);
      return new ExecResult(r.exitCode(), r.stdout(), r.stderr(), Duration.ZERO);
    }
  }

  /** Stops the loopback servers of published ports and the engines of node containers. */
  @Override
  public void close() {
    netbook.engine.embedded.model.SwarmClusters all;
    synchronized (model) {
      all = swarms;
      model.close();
    }
    if (all != null) {
      all.forget(sync);
    }
  }

  @Override
  public String toString() {
    synchronized (model) {
      return "embedded Docker engine (API "
          + API_VERSION
          + ", "
          + model.networks().size()
          + " networks, "
          + model.containers().size()
          + " containers)";
    }
  }
}
