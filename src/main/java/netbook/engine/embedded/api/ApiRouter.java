package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.model.ApiException;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;

/**
 * The Engine API's routes: {@code /_ping}, {@code /version} and {@code /info} here, {@code
 * /networks}, {@code /containers}, {@code /exec} and {@code /images} in their own classes. Errors
 * come back as Docker's {"message": …} bodies. Not thread-safe: the engine serializes requests.
 */
public final class ApiRouter {
  public static final String API_VERSION = "1.41";
  public static final String MIN_API_VERSION = "1.12";
  public static final String SERVER_VERSION = "20.10.24";
  public static final String PLATFORM = "netbook embedded engine";

  private final DockerModel model;
  private final NetworkRoutes networkRoutes;
  private final ContainerRoutes containerRoutes;
  private final ExecRoutes execRoutes;
  private final ImageRoutes imageRoutes;
  private final LiveRoutes liveRoutes;
  private final SwarmRoutes swarmRoutes;
  private final ServiceRoutes serviceRoutes;

  public ApiRouter(DockerModel model, Busybox busybox) {
    this.model = model;
    this.networkRoutes = new NetworkRoutes(model);
    this.containerRoutes = new ContainerRoutes(model);
    this.execRoutes = new ExecRoutes(model, busybox);
    this.imageRoutes = new ImageRoutes(model);
    this.liveRoutes = new LiveRoutes(model, busybox);
    this.swarmRoutes = new SwarmRoutes(model);
    this.serviceRoutes = new ServiceRoutes(model);
  }

  /** Answers one Engine API request; errors come back as Docker's {"message": …} bodies. */
  public ApiResponse handle(ApiRequest request) {
    return handle(request, false);
  }

  /**
   * Answers as over a connection that can stay open: exec start and attach take over the
   * connection, followed logs and waits for a running container stream their answer. The caller
   * holds the model's lock while this runs, and runs the answer's stream outside it.
   */
  public ApiResponse handleLive(ApiRequest request) {
    return handle(request, true);
  }

  private ApiResponse handle(ApiRequest request, boolean live) {
    try {
      ApiResponse r = live ? liveRoutes.route(request, segments(request.path())) : null;
      r = r != null ? r : route(request);
      return r != null ? r : error(404, "page not found");
    } catch (ApiException e) {
      return error(e.status(), e.getMessage());
    } catch (RuntimeException e) {
      return error(500, String.valueOf(e.getMessage()));
    }
  }

  /** The path's segments, decoded: clients percent-encode them (netbook%2Ftoolbox%3Alatest). */
  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/"))
        .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
        .flatMap(s -> Arrays.stream(s.split("/")))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private ApiResponse route(ApiRequest request) {
    List<String> seg = segments(request.path());
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
      case "swarm", "nodes" -> swarmRoutes.route(request, seg);
      case "services", "tasks" -> serviceRoutes.route(request, seg);
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

  private void swarmInfo(ObjectNode o) {
    var swarm = model.swarm();
    if (swarm.cluster().isEmpty()) {
      o.put("NodeID", "");
      o.put("NodeAddr", "");
      o.put("LocalNodeState", "inactive");
      o.put("ControlAvailable", false);
      o.put("Error", "");
      o.putNull("RemoteManagers");
      return;
    }
    var c = swarm.cluster().get();
    var me = c.members().stream().filter(m -> m.nodeId().equals(swarm.nodeId())).findFirst();
    o.put("NodeID", swarm.nodeId());
    o.put("NodeAddr", me.map(m -> m.addr()).orElse(""));
    o.put("LocalNodeState", "active");
    o.put("ControlAvailable", swarm.manager());
    o.put("Error", "");
    var managers = o.putArray("RemoteManagers");
    c.members().stream()
        .filter(m -> m.manager())
        .forEach(
            m -> managers.addObject().put("NodeID", m.nodeId()).put("Addr", m.addr() + ":2377"));
    o.put("Nodes", c.members().size());
    o.put("Managers", c.members().stream().filter(m -> m.manager()).count());
    if (swarm.manager()) {
      o.putObject("Cluster").put("ID", c.id());
    }
  }

  static ApiResponse error(int status, String message) {
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
    o.put("BuildTime", DockerJson.time(model.bootTime()));
    return o;
  }

  private ObjectNode info() {
    ObjectNode o = DockerJson.object();
    long running = model.containers().stream().filter(ContainerState::running).count();
    o.put("ID", model.networks().iterator().next().id().substring(0, 36));
    o.put("Containers", model.containers().size());
    o.put("ContainersRunning", running);
    o.put("ContainersPaused", 0);
    o.put("ContainersStopped", model.containers().size() - running);
    o.put("Images", model.images().size());
    o.put("Driver", "overlay2");
    o.put("SystemTime", DockerJson.time(model.ids().peek()));
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
    o.put("Name", model.options().hostName());
    o.putArray("Labels");
    o.put("ExperimentalBuild", false);
    o.put("ServerVersion", SERVER_VERSION);
    o.put("DefaultRuntime", "runc");
    swarmInfo(o.putObject("Swarm"));
    o.put("LiveRestoreEnabled", false);
    o.put("Isolation", "");
    o.putArray("SecurityOptions");
    o.putNull("Warnings");
    return o;
  }
}
