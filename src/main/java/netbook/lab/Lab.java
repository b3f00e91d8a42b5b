package netbook.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.EngineException;
import netbook.engine.EngineInfo;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.PortBinding;
import netbook.render.topology.Diagram;
import netbook.render.topology.Topology;

/**
 * The fluent Docker-networking API a user types, preloaded in the REPL and notebooks with {@code
 * import static netbook.lab.Lab.*}:
 *
 * <pre>
 * net("my_bridge").run("ubuntu", name("container_b")).ping("container_a")
 * run("nginx", name("web"), publish(8080, 80));  http("http://localhost:8080")
 * container("web").inspect();  networks();  containers();  host();  diagram();  cleanup()
 * </pre>
 *
 * It talks only to the engine port, through the session set with {@link #use(Session)}.
 */
public final class Lab {
  private static volatile Session current;
  private static final Pattern TITLE =
      Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * The client of {@link #http}, built on first use: building one loads the JDK's TLS stack and
   * reads its trust store, about a tenth of a second that a session without http() never needs.
   */
  private static final class Http {
    static final HttpClient CLIENT =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private Lab() {}

  /** Makes {@code session} the one the static API works on. */
  public static void use(Session session) {
    current = session;
  }

  /** The session the static API works on. */
  public static Session session() {
    Session s = current;
    if (s == null) {
      throw new NetbookException("no netbook session is open: the API is used inside bin/netbook");
    }
    return s;
  }

  // options

  public static RunOption name(String name) {
    return new RunOption.Name(name);
  }

  public static RunOption publish(int hostPort, int containerPort) {
    return new RunOption.Publish(
        PortBinding.tcp(
            Checks.port(hostPort, "host port"), Checks.port(containerPort, "container port")));
  }

  /** A port published on one host address only: {@code publish("127.0.0.1", 8080, 80)}. */
  public static RunOption publish(String hostIp, int hostPort, int containerPort) {
    return new RunOption.Publish(
        new PortBinding(
            hostIp,
            Checks.port(hostPort, "host port"),
            Checks.port(containerPort, "container port"),
            "tcp"));
  }

  public static RunOption alias(String alias) {
    return new RunOption.Alias(alias);
  }

  public static RunOption cmd(String... args) {
    return new RunOption.Cmd(List.of(args));
  }

  public static RunOption env(String key, String value) {
    return new RunOption.Env(key, value);
  }

  public static RunOption hostname(String hostname) {
    return new RunOption.Hostname(hostname);
  }

  public static RunOption ipv4(String address) {
    return new RunOption.Ipv4(address);
  }

  // entry points

  /**
   * A network by name: Docker's {@code bridge}, {@code host} and {@code none}, or a user-defined
   * bridge, created (with this session's label) if it does not exist yet.
   */
  public static Network net(String name) {
    return net(session(), name, true);
  }

  static Network net(Session s, String name, boolean create) {
    Checks.name(name, "network name");
    Optional<NetworkInfo> found = s.engine().findNetwork(name);
    if (found.isPresent()) {
      return new Network(s, found.get().name());
    }
    if (!create || Network.isDefault(name)) {
      throw new NetbookException(
          "network " + name + " not found" + (create ? "" : ": net(\"" + name + "\") creates it"));
    }
    s.engine().createNetwork(NetworkSpec.bridge(name, s.labels()));
    return new Network(s, name);
  }

  /**
   * Creates a user-defined bridge with a chosen subnet and gateway ({@code docker network create
   * --subnet}).
   */
  public static Network net(String name, String subnet, String gateway) {
    Session s = session();
    Checks.name(name, "network name");
    if (s.engine().findNetwork(name).isPresent()) {
      throw new NetbookException(
          "network " + name + " already exists: net(\"" + name + "\") is its handle");
    }
    s.engine()
        .createNetwork(
            new NetworkSpec(
                name, "bridge", subnet, gateway, "", false, s.labels(), java.util.Map.of()));
    return new Network(s, name);
  }

  /** Runs a container on the default bridge, kept up like {@code docker run -dit}. */
  public static Container run(String image, RunOption... options) {
    return runOn(session(), "", image, options);
  }

  /** A handle to an existing container. */
  public static Container container(String name) {
    Session s = session();
    ContainerInfo c =
        s.engine()
            .findContainer(name)
            .orElseThrow(
                () ->
                    new NetbookException(
                        "container "
                            + name
                            + " not found: run(\"ubuntu\", name(\""
                            + name
                            + "\")) starts one"));
    return new Container(s, c.name());
  }

  /** The engine's networks, as {@code docker network ls} shows them. */
  public static NetworkTable networks() {
    return new NetworkTable(session().engine().networks());
  }

  /** The running containers, as {@code docker ps} shows them. */
  public static ContainerTable containers() {
    return new ContainerTable(session().engine().containers(false), Instant.now());
  }

  /** The host side: docker0, bridges, and a veth per container with the container it leads to. */
  public static HostView host() {
    return new HostView(session().engine().hostInterfaces());
  }

  /**
   * The network as it is now, drawn for the terminal; {@code .svg("net.svg")}, {@code .ascii()},
   * {@code .dot()} and {@code .mermaid()} give the other forms.
   */
  public static Diagram diagram() {
    return Diagram.of(Topology.snapshot(session().engine()));
  }

  /** Which engine this session talks to. */
  public static EngineInfo engine() {
    return session().engine().info();
  }

  /** Fetches a page from the host (published ports): status line and title. */
  public static HttpResult http(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new NetbookException("invalid URL '" + url + "': write it like http://localhost:8080");
    }
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> r = Http.CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      Matcher m = TITLE.matcher(r.body());
      String title = m.find() ? m.group(1).strip() : "";
      String version = r.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
      return new HttpResult(
          url,
          r.statusCode(),
          version + " " + r.statusCode() + reason(r.statusCode()),
          title,
          r.body());
    } catch (IOException e) {
      throw new NetbookException(
          "could not fetch "
              + url
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + " (is a port published there?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetbookException("fetching " + url + " was interrupted");
    }
  }

  /** Removes everything this session created, and nothing else. */
  public static CleanupReport cleanup() {
    return session().cleanup();
  }

  // the one place that creates containers

  static Container runOn(Session s, String network, String image, RunOption... options) {
    ContainerSpec.Builder b = ContainerSpec.builder(image).network(network).labels(s.labels());
    boolean hasCmd = false;
    for (RunOption o : options) {
      o.applyTo(b);
      hasCmd |= o instanceof RunOption.Cmd;
    }
    ContainerSpec spec = b.build();
    if (!hasCmd) {
      // like docker run -dit: the image's shell stays up on an open terminal
      spec = spec.toBuilder().tty(true).openStdin(true).build();
    }
    if (!spec.name().isEmpty()) {
      refuseClash(s, spec.name());
    }
    boolean ownNamespace =
        !network.equals("host") && !network.equals("none") && !network.startsWith("container:");
    if (s.offline() && ownNamespace && spec.dns().isEmpty()) {
      // no resolver beyond this machine: a failed lookup never leaves the host
      spec = spec.toBuilder().dns("127.0.0.1").build();
    }
    spec = spec.toBuilder().image(s.images().resolve(image)).build();
    String id = s.engine().createContainer(spec);
    try {
      s.engine().start(id);
    } catch (EngineException e) {
      try {
        s.engine().removeContainer(id, true);
      } catch (EngineException ignored) {
        // the start error below is the one worth reporting
      }
      java.util.regex.Matcher taken =
          java.util.regex.Pattern.compile(
                  "Bind for [^ ]*:(\\d+) failed|listen tcp[46]? [^ ]*:(\\d+): bind: address already in use")
              .matcher(String.valueOf(e.getMessage()));
      if (taken.find()) {
        String port = taken.group(1) != null ? taken.group(1) : taken.group(2);
        throw new NetbookException(
            "host port "
                + port
                + " is taken ("
                + taken.group()
                + "): publish another one, e.g. publish(8080, "
                + spec.ports().get(0).containerPort()
                + ")");
      }
      throw e;
    }
    String name =
        spec.name().isEmpty()
            ? s.engine().findContainer(id).map(ContainerInfo::name).orElse(id)
            : spec.name();
    return new Container(s, name);
  }

  private static void refuseClash(Session s, String name) {
    Optional<ContainerInfo> existing = s.engine().findContainer(name);
    if (existing.isEmpty()) {
      return;
    }
    if (s.owns(existing.get().labels())) {
      throw new NetbookException(
          "container "
              + name
              + " already exists in this session: container(\""
              + name
              + "\") is its handle; container(\""
              + name
              + "\").rm() first to run it again");
    }
    throw new NetbookException(s.foreignClash("container", name, "name(\"%s\")"));
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> " OK";
      case 201 -> " Created";
      case 204 -> " No Content";
      case 301 -> " Moved Permanently";
      case 302 -> " Found";
      case 304 -> " Not Modified";
      case 400 -> " Bad Request";
      case 403 -> " Forbidden";
      case 404 -> " Not Found";
      case 500 -> " Internal Server Error";
      case 502 -> " Bad Gateway";
      case 503 -> " Service Unavailable";
      default -> "";
    };
  }
}
