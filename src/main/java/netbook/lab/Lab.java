package netbook.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.Spelling;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
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
 * It talks only to the engine port, through the session it runs {@link #within}: a JShell binds its
 * snippets to their session with {@link #scope(Session)}, so two shells of one process (a notebook
 * and the REPL, or tests side by side) each work on their own. The binding is a context of the
 * evaluating thread and the threads it starts, not a registry: nothing outlives the evaluation.
 */
public final class Lab {
  private static final InheritableThreadLocal<Session> BOUND = new InheritableThreadLocal<>();
  private static final Pattern TITLE =
      Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * The client of {@link #http}, built on first use: building one loads the JDK's TLS stack and
   * reads its trust store, time that a session without http() never needs.
   */
  private static final class Http {
    static final HttpClient CLIENT =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private Lab() {}

  /**
   * Runs {@code body} with {@code session} as the one the static API works on, on this thread and
   * on the threads it starts; a null session runs it unbound.
   */
  public static void within(Session session, Runnable body) {
    Binding b = bind(session);
    try {
      body.run();
    } finally {
      b.close();
    }
  }

  /**
   * Binds the static API to {@code session} on this thread (and the threads it starts from now on)
   * until the binding is closed, when the binding before it is back: for code that cannot wrap its
   * work in {@link #within}, such as a test's set-up and tear-down.
   */
  public static Binding bind(Session session) {
    Session outer = BOUND.get();
    if (session == null) {
      BOUND.remove();
    } else {
      BOUND.set(session);
    }
    return () -> {
      if (outer == null) {
        BOUND.remove();
      } else {
        BOUND.set(outer);
      }
    };
  }

  /** A {@link #bind} that ends with {@code close()}. */
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  /** Runs each command {@link #within} the session: a JShell's evaluation scope. */
  public static Executor scope(Session session) {
    return body -> within(session, body);
  }

  /**
   * Runs each command within the session {@code current} gives at that moment (none yet: unbound,
   * and an API call says no session is open).
   */
  public static Executor scope(Supplier<Optional<Session>> current) {
    return body -> within(current.get().orElse(null), body);
  }

  /** The session the static API works on. */
  public static Session session() {
    Session s = BOUND.get();
    if (s == null) {
      throw new NetbookException("no netbook session is open: the API is used inside bin/netbook");
    }
    return s;
  }

  // options

  /**
   * The container's name ({@code docker run --name}): {@code run("ubuntu", name("a"))}. Other
   * containers on the same user-defined network reach it by this name.
   */
  public static RunOption name(String name) {
    return new RunOption.Name(name);
  }

  /**
   * Publishes a container port on a host port, on all host addresses ({@code docker run -p
   * 8080:80}): {@code run("nginx", name("web"), publish(8080, 80))}, then {@code
   * http("http://localhost:8080")}.
   */
  public static RunOption publish(int hostPort, int containerPort) {
    return new RunOption.Publish(
        PortBinding.tcp(
            Checks.port(hostPort, "host port"), Checks.port(containerPort, "container port")));
  }

  /** A port published on one host address only: {@code publish("127.0.0.1", 8080, 80)}. */
  public static RunOption publish(String hostIp, int hostPort, int containerPort) {
    return new RunOption.Publish(
        new PortBinding(
            Checks.hostAddress(hostIp, Lab::noticeIfBound),
            Checks.port(hostPort, "host port"),
            Checks.port(containerPort, "container port"),
            "tcp"));
  }

  private static void noticeIfBound(String line) {
    Session s = BOUND.get();
    if (s != null) {
      s.notice(line);
    }
  }

  /**
   * A further name for the container on its network ({@code --network-alias}): several containers
   * may share one.
   */
  public static RunOption alias(String alias) {
    return new RunOption.Alias(alias);
  }

  /**
   * The command the container runs instead of the image's ({@code docker run IMAGE CMD…}): {@code
   * cmd("sleep", "300")}.
   */
  public static RunOption cmd(String... args) {
    return new RunOption.Cmd(List.of(args));
  }

  /** An environment variable in the container ({@code docker run -e KEY=VALUE}). */
  public static RunOption env(String key, String value) {
    return new RunOption.Env(key, value);
  }

  /** The container's host name ({@code docker run -h}); by default Docker uses its short id. */
  public static RunOption hostname(String hostname) {
    return new RunOption.Hostname(hostname);
  }

  /**
   * A fixed address on the container's network ({@code docker run --ip}): the network needs a
   * subnet chosen with {@code net(name, subnet, gateway)}.
   */
  public static RunOption ipv4(String address) {
    return new RunOption.Ipv4(address);
  }

  // entry points

  /**
   * A Docker Swarm of {@code nodes} real Docker nodes ({@code node1…}) running as containers here:
   * node1 manages, the others work. The same swarm when it exists; removed by {@code cleanup()}.
   */
  public static Swarm swarm(int nodes) {
    return Swarm.of(session(), nodes);
  }

  /**
   * A Docker Swarm of existing Docker engines, the first the manager: {@code swarm("ssh://me@vm1",
   * "ssh://me@vm2", "ssh://me@vm3")} (or {@code tcp://} addresses). They are node1, node2, … in the
   * API; cleanup() removes what ran on them and makes them leave.
   */
  public static Swarm swarm(String dockerHost, String... more) {
    List<String> hosts = new java.util.ArrayList<>();
    hosts.add(dockerHost);
    hosts.addAll(List.of(more));
    return Swarm.of(session(), hosts);
  }

  /**
   * The Docker engines of docker contexts, for {@code swarm(contexts("vm1", "vm2", "vm3"))}: as
   * {@code docker context ls} lists them (DOCKER_CONFIG, else ~/.docker).
   */
  public static String[] contexts(String... names) {
    if (names.length == 0) {
      throw new NetbookException("contexts(...) needs names, e.g. contexts(\"vm1\", \"vm2\")");
    }
    return java.util.Arrays.stream(names).map(n -> "context:" + n).toArray(String[]::new);
  }

  /** A swarm of Docker hosts given as one array: {@code swarm(contexts("vm1", "vm2"))}. */
  public static Swarm swarm(String[] dockerHosts) {
    return Swarm.of(session(), List.of(dockerHosts));
  }

  /** The swarm {@code swarm(N)} made. */
  public static Swarm swarm() {
    return Swarm.current(session());
  }

  /** Where an overlay's {@code run} places a container: {@code on("node3")}. */
  public static RunOption on(String node) {
    return new RunOption.On(node);
  }

  /** How many tasks a service runs: {@code swarm().service("web", "nginx", replicas(3))}. */
  public static RunOption replicas(int count) {
    return new RunOption.Replicas(count);
  }

  /** The overlay a service's tasks join: {@code service("web", "nginx", network("ov"))}. */
  public static RunOption network(String overlay) {
    return new RunOption.ServiceNetwork(overlay);
  }

  /**
   * How a service is found by name: {@code endpointMode("dnsrr")} makes DNS answer each task's
   * address instead of one virtual IP ({@code "vip"}, the default).
   */
  public static RunOption endpointMode(String mode) {
    return new RunOption.EndpointMode(mode);
  }

  /**
   * A network by name: Docker's {@code bridge}, {@code host} and {@code none}, or a user-defined
   * bridge, created (with this session's label) if it does not exist yet.
   */
  public static Network net(String name) {
    return net(session(), name, true);
  }

  static Network net(Session s, String name, boolean create) {
    Checks.name(name, "network name");
    Optional<NetworkInfo> found = s.unambiguous(name, () -> s.engine().findNetwork(name));
    if (found.isPresent()) {
      NetworkInfo n = found.get();
      Optional<OtherSession> other = s.other(n.labels(), n.created());
      if (other.isPresent() && !s.ownership().mayChange(n, true)) {
        throw new Ownership.Refused(
            other.get().nameTaken("network", name, "net(\"" + s.ownName(name) + "\")"));
      }
      if (!s.ownership().mayChange(n, true)) {
        // never adopted silently: the user's own network is not the lesson's
        throw new Ownership.Refused(
            "a network named "
                + name
                + " already exists and was not created by this netbook session: netbook only reads"
                + " it; use another name, e.g. net(\""
                + s.prefixedName(name)
                + "\"), or to use it anyway, adoptNet(\""
                + name
                + "\")");
      }
      return new Network(s, n.name());
    }
    if (!create || Network.isDefault(name)) {
      throw new NetbookException(
          "network "
              + name
              + " not found"
              + (create ? "" : ": net(\"" + name + "\") creates it")
              + didYouMean(name, liveNetworks(s, false), liveNetworks(s, true)));
    }
    s.createNetwork(NetworkSpec.bridge(name, Map.of()), Dialect.JAVA);
    return new Network(s, name);
  }

  /**
   * A network this session did not create (the user's own), adopted explicitly: netbook may then
   * run containers on it, connect and disconnect them, and remove it when asked; cleanup still
   * leaves it alone. Docker's own networks need no adopting.
   */
  public static Network adoptNet(String name) {
    Session s = session();
    Checks.name(name, "network name");
    NetworkInfo n =
        s.engine()
            .findNetwork(name)
            .orElseThrow(
                () ->
                    new NetbookException(
                        "network " + name + " not found: net(\"" + name + "\") creates it"));
    if (!s.ownership().mayChange(n, false) && !n.isDefault()) {
      s.ownership().adopt(n);
      s.notice(
          "network "
              + n.name()
              + " adopted: netbook will change it when asked (cleanup still leaves it alone)");
    }
    return new Network(s, n.name());
  }

  /**
   * Creates a user-defined bridge with a chosen subnet and gateway ({@code docker network create
   * --subnet}).
   */
  public static Network net(String name, String subnet, String gateway) {
    Session s = session();
    Checks.name(name, "network name");
    Optional<NetworkInfo> found = s.unambiguous(name, () -> s.engine().findNetwork(name));
    Optional<OtherSession> other =
        found
            .flatMap(n -> s.other(n.labels(), n.created()))
            .filter(o -> name.equals(found.get().name()));
    if (other.isPresent()) {
      throw new Ownership.Refused(
          other.get().nameTaken("network", name, "net(\"" + s.ownName(name) + "\", …)"));
    }
    if (found.isPresent()) {
      throw new NetbookException(
          "network " + name + " already exists: net(\"" + name + "\") is its handle");
    }
    s.createNetwork(
        new NetworkSpec(name, "bridge", subnet, gateway, "", false, Map.of(), Map.of()),
        Dialect.JAVA);
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
                            + "\")) starts one"
                            + didYouMean(name, liveContainers(s, false), liveContainers(s, true))));
    Optional<OtherSession> other = s.other(c.labels(), c.created()).filter(OtherSession::live);
    if (other.isPresent()) {
      // another session's lesson, not this one's: never addressed by its name
      throw new Ownership.Refused(
          other
              .get()
              .nameTaken("container", name, "run(\"ubuntu\", name(\"" + s.ownName(name) + "\"))"));
    }
    return new Container(s, c.name());
  }

  /** The names of the containers there are (only the session's own: {@code own}). */
  private static List<String> liveContainers(Session s, boolean own) {
    return s.engine().containers(true).stream()
        .filter(c -> !own || s.owns(c.labels()))
        .map(ContainerInfo::name)
        .toList();
  }

  /** The names of the networks there are (only Docker's and the session's own: {@code own}). */
  private static List<String> liveNetworks(Session s, boolean own) {
    return s.engine().networks().stream()
        .filter(n -> !own || n.isDefault() || s.owns(n.labels()))
        .map(NetworkInfo::name)
        .toList();
  }

  /**
   * {@code " — did you mean web?"} for the live name closest to a mistyped one, else {@code " —
   * there are: a, b"} when the session's own are a few, else nothing.
   */
  static String didYouMean(String name, List<String> live, List<String> own) {
    Optional<String> close = Spelling.closest(name, live);
    if (close.isPresent()) {
      return " — did you mean " + close.get() + "?";
    }
    if (!own.isEmpty() && own.size() <= 8) {
      return " — there are: " + String.join(", ", own);
    }
    return "";
  }

  /** The engine's networks, as {@code docker network ls} shows them. */
  public static NetworkTable networks() {
    Session s = session();
    return new NetworkTable(s, s.engine().networks());
  }

  /** The running containers, as {@code docker ps} shows them. */
  public static ContainerTable containers() {
    Session s = session();
    return new ContainerTable(s, s.engine().containers(false), Instant.now());
  }

  /** The host side: docker0, bridges, and a veth per container with the container it leads to. */
  public static HostView host() {
    return new HostView(session().engine().hostInterfaces());
  }

  /**
   * The network as it is now, drawn for the terminal; {@code .svg("net.svg")}, {@code .ascii()},
   * {@code .dot()} and {@code .mermaid()} give the other forms. With a {@code swarm(N)}, the swarm:
   * its nodes side by side and the overlays spanning them.
   */
  public static Diagram diagram() {
    Session s = session();
    return Swarm.in(s)
        .map(Swarm::diagram)
        .orElseGet(() -> Diagram.of(Topology.snapshot(s.engine())));
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
              + netbook.Problems.io(e)
              + " (is a port published there?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetbookException("fetching " + url + " was interrupted");
    }
  }

  /**
   * Removes everything this session created, and what earlier sessions kept on purpose, and nothing
   * else.
   */
  public static CleanupReport cleanup() {
    return session().cleanupAll();
  }

  /**
   * A container from the API's options, like {@code docker run -dit}: through {@link Session#run}.
   */
  static Container runOn(Session s, String network, String image, RunOption... options) {
    ContainerSpec.Builder b = ContainerSpec.builder(image).network(network);
    boolean hasCmd = false;
    for (RunOption o : options) {
      o.applyTo(b);
      hasCmd |= o instanceof RunOption.Cmd;
    }
    if (!hasCmd) {
      // like docker run -dit: the image's shell stays up on an open terminal
      b.tty(true).openStdin(true);
    }
    return new Container(s, s.run(b.build(), Dialect.JAVA).name());
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
