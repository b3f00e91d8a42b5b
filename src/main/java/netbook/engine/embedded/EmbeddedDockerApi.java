package netbook.engine.embedded;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netbook.engine.ExecResult;
import netbook.engine.HostInterface;

/**
 * The embedded engine: an in-process implementation of the Docker Engine API (v1.41) subset
 * networking lessons use, answering with Docker's paths, JSON keys, status codes and error
 * messages. {@link #handle(ApiRequest)} is a pure request/response function, safe to call from
 * several threads (requests are serialized). Serve it on loopback with {@link EmbeddedServer}, or
 * hand it to docker-java through {@code netbook.engine.docker.EmbeddedHttpClient}.
 */
public final class EmbeddedDockerApi implements AutoCloseable {
  public static final String API_VERSION = "1.41";
  public static final String MIN_API_VERSION = "1.12";
  public static final String SERVER_VERSION = "20.10.24";
  public static final String PLATFORM = "netbook embedded engine";

  private final EmbeddedOptions options;
  private final DockerModel model;
  private final Namespaces namespaces;
  private final Busybox busybox;
  private final NetworkRoutes networkRoutes;
  private final ContainerRoutes containerRoutes;
  private final ExecRoutes execRoutes;
  private final ImageRoutes imageRoutes;

  /** An engine with {@link EmbeddedOptions#defaults()}: random IDs, the real clock. */
  public EmbeddedDockerApi() {
    this(EmbeddedOptions.defaults());
  }

  public EmbeddedDockerApi(EmbeddedOptions options) {
    this.options = options;
    this.model = new DockerModel(options);
    this.namespaces = new Namespaces(model);
    NetworkPaths paths = new NetworkPaths(model, namespaces);
    this.busybox = new Busybox(model, namespaces, paths);
    model.lifecycle(new ContainerProcesses(model, busybox));
    this.networkRoutes = new NetworkRoutes(model);
    this.containerRoutes = new ContainerRoutes(model);
    this.execRoutes = new ExecRoutes(model, busybox);
    this.imageRoutes = new ImageRoutes(model);
  }

  public EmbeddedOptions options() {
    return options;
  }

  /** Answers one Engine API request; errors come back as Docker's {"message": …} bodies. */
  public ApiResponse handle(ApiRequest request) {
    synchronized (model) {
      try {
        ApiResponse r = route(request);
        return r != null ? r : error(404, "page not found");
      } catch (ApiException e) {
        return error(e.status(), e.getMessage());
      } catch (RuntimeException e) {
        return error(500, String.valueOf(e.getMessage()));
      }
    }
  }

  private ApiResponse route(ApiRequest request) {
    String path = request.path();
    // clients percent-encode path segments (docker-java sends netbook%2Ftoolbox%3Alatest)
    List<String> seg =
        Arrays.stream(path.split("/"))
            .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
            .flatMap(s -> Arrays.stream(s.split("/")))
            .filter(s -> !s.isEmpty())
            .toList();
    if (seg.isEmpty()) {
      return null;
    }
    String m = request.method();
    return switch (seg.get(0)) {
      case "_ping" -> m.equals("GET") || m.equals("HEAD") ? ping(m.equals("HEAD")) : null;
      case "version" -> m.equals("GET") ? ApiResponse.json(200, DockerJson.write(version())) : null;
      case "info" -> m.equals("GET") ? ApiResponse.json(200, DockerJson.write(info())) : null;
      case "networks" -> networkRoutes.route(request, seg);
      case "containers" -> containerRoutes.route(request, seg);
      case "exec" -> execRoutes.route(request, seg);
      case "images" -> imageRoutes.route(request, seg);
      default -> null;
    };
  }

  /** The headers every answer carries, as dockerd sends them. */
  public static Map<String, String> serverHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Api-Version", API_VERSION);
    h.put("Docker-Experimental", "false");
    h.put("Ostype", "linux");
    h.put("Server", "Docker/" + SERVER_VERSION + " (linux)");
    return h;
  }

  private static ApiResponse ping(boolean head) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Cache-Control", "no-cache, no-store, must-revalidate");
    h.put("Pragma", "no-cache");
    return ApiResponse.text(200, head ? "" : "OK").withHeaders(h);
  }

  private static ApiResponse error(int status, String message) {
    ObjectNode o = DockerJson.object();
    o.put("message", message);
    return ApiResponse.json(status, DockerJson.write(o));
  }

  private ObjectNode version() {
    ObjectNode o = DockerJson.object();
    o.putObject("Platform").put("Name", PLATFORM);
    ObjectNode engine = o.putArray("Components").addObject();
    engine.put("Name", "Engine");
    engine.put("Version", SERVER_VERSION);
    ObjectNode details = engine.putObject("Details");
    details.put("ApiVersion", API_VERSION);
    details.put("Arch", "amd64");
    details.put("Experimental", "false");
    details.put("MinAPIVersion", MIN_API_VERSION);
    details.put("Os", "linux");
    o.put("Version", SERVER_VERSION);
    o.put("ApiVersion", API_VERSION);
    o.put("MinAPIVersion", MIN_API_VERSION);
    o.put("GitCommit", "netbook");
    o.put("GoVersion", "go1.19.8");
    o.put("Os", "linux");
    o.put("Arch", "amd64");
    o.put("KernelVersion", "5.15.0-netbook");
    o.put("BuildTime", DockerJson.time(model.bootTime));
    return o;
  }

  private ObjectNode info() {
    ObjectNode o = DockerJson.object();
    long running = model.containers.values().stream().filter(ContainerState::running).count();
    o.put("ID", model.networks.values().iterator().next().id.substring(0, 36));
    o.put("Containers", model.containers.size());
    o.put("ContainersRunning", running);
    o.put("ContainersPaused", 0);
    o.put("ContainersStopped", model.containers.size() - running);
    o.put("Images", model.images.all().size());
    o.put("Driver", "overlay2");
    o.put("SystemTime", DockerJson.time(model.ids.peek()));
    o.put("LoggingDriver", "json-file");
    o.put("CgroupDriver", "cgroupfs");
    o.put("CgroupVersion", "2");
    o.put("KernelVersion", "5.15.0-netbook");
    o.put("OperatingSystem", PLATFORM);
    o.put("OSVersion", "");
    o.put("OSType", "linux");
    o.put("Architecture", "x86_64");
    o.put("IndexServerAddress", "https://index.docker.io/v1/");
    o.put("NCPU", 2);
    o.put("MemTotal", 4_294_967_296L);
    o.put("DockerRootDir", "/var/lib/docker");
    o.put("Name", options.hostName());
    o.putArray("Labels");
    o.put("ExperimentalBuild", false);
    o.put("ServerVersion", SERVER_VERSION);
    o.put("DefaultRuntime", "runc");
    o.putObject("Swarm").put("LocalNodeState", "inactive");
    o.put("LiveRestoreEnabled", false);
    o.put("Isolation", "");
    o.putArray("SecurityOptions");
    o.putNull("Warnings");
    return o;
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

  /** Stops the loopback servers of published ports. */
  @Override
  public void close() {
    synchronized (model) {
      model.close();
    }
  }

  @Override
  public String toString() {
    synchronized (model) {
      return "embedded Docker engine (API "
          + API_VERSION
          + ", "
          + model.networks.size()
          + " networks, "
          + model.containers.size()
          + " containers)";
    }
  }
}
