package netbook.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.Endpoint;
import netbook.engine.ExecResult;
import netbook.json.JsonPath;
import netbook.json.JsonText;

/**
 * A handle to a container: {@code container("container_a")}, or what {@code run(...)} returns.
 * Every call reads the engine afresh.
 */
public final class Container {
  private static final int DEFAULT_PING_COUNT = 2;

  private final Session session;
  private final String name;

  Container(Session session, String name) {
    this.session = session;
    this.name = name;
  }

  /** The container's name. */
  public String name() {
    return name;
  }

  /** The container as the engine reports it now. */
  public ContainerInfo info() {
    ContainerInfo c =
        session
            .engine()
            .findContainer(name)
            .orElseThrow(
                () ->
                    new NetbookException(
                        "container "
                            + name
                            + " not found: it was removed, or never ran; containers() lists what"
                            + " there is"));
    Optional<OtherSession> other =
        session.other(c.labels(), c.created()).filter(OtherSession::live);
    if (other.isPresent()) {
      // this handle's container went, and another session's took its name: not this one's
      throw new Ownership.Refused(
          other
              .get()
              .nameTaken(
                  "container", name, "run(\"ubuntu\", name(\"" + session.ownName(name) + "\"))"));
    }
    return c;
  }

  /** The container's full id (64 hex digits). */
  public String id() {
    return info().id();
  }

  /** The address on the container's first network ("" on host or none). */
  public String ip() {
    List<Endpoint> eps = info().endpoints();
    return eps.isEmpty() ? "" : eps.get(0).ipv4();
  }

  /** The address on the named network. */
  public String ip(String network) {
    return endpoint(network).ipv4();
  }

  /** The address on that network. */
  public String ip(Network network) {
    return ip(network.name());
  }

  /** The MAC address on the container's first network ("" on host or none). */
  public String mac() {
    List<Endpoint> eps = info().endpoints();
    return eps.isEmpty() ? "" : eps.get(0).mac();
  }

  /** The gateway on the container's first network: the bridge's address on the host. */
  public String gateway() {
    List<Endpoint> eps = info().endpoints();
    return eps.isEmpty() ? "" : eps.get(0).gateway();
  }

  /** The networks the container is attached to, by name. */
  public List<String> networks() {
    List<String> out = new ArrayList<>();
    for (Endpoint e : info().endpoints()) {
      out.add(e.network());
    }
    return out;
  }

  private Endpoint endpoint(String network) {
    ContainerInfo c = info();
    return c.endpoint(network)
        .orElseThrow(
            () ->
                new NetbookException(
                    name
                        + " is not on network "
                        + network
                        + "; it is on "
                        + String.join(", ", networks(c))));
  }

  private static List<String> networks(ContainerInfo c) {
    return c.endpoints().stream().map(Endpoint::network).toList();
  }

  /** Pings a container name or an address twice, from inside this container. */
  public PingResult ping(String target) {
    return ping(target, DEFAULT_PING_COUNT);
  }

  /** Pings a container name or an address {@code count} times, from inside this container. */
  public PingResult ping(String target, int count) {
    if (count < 1 || count > 100) {
      throw new NetbookException("ping count " + count + " is out of range: use 1 to 100");
    }
    ContainerInfo c = changeable(running(), "ping from");
    List<String> cmd = List.of("ping", "-c", String.valueOf(count), "-W", "1", target);
    ExecResult r = session.netTools().exec(c, cmd, Duration.ofSeconds(count + 10L));
    return PingResult.parse(name, target, r.output());
  }

  /** Pings another container by its name, twice, from inside this container. */
  public PingResult ping(Container target) {
    return ping(target.name());
  }

  /** Runs a shell line in the container ({@code sh -c}); its output as text. */
  public ExecResult sh(String line) {
    return session
        .netTools()
        .sh(changeable(running(), "run commands in"), line, session.execTimeout());
  }

  /**
   * Opens this container's shell in the REPL, as {@code docker exec -it NAME sh} does: the prompt
   * becomes {@code root@host:/#}, the lines typed run in the container (output live, Ctrl-C ends
   * what runs), and {@code exit} or Ctrl-P Ctrl-Q returns to Java. In a notebook, write the
   * container's lines in a console cell after {@code docker attach NAME} instead.
   */
  public Shell shell() {
    ContainerInfo c = changeable(running(), "open a shell in");
    session.requestShell(c.id());
    return new Shell(name);
  }

  /** What {@link #shell()} opened. */
  public record Shell(String container) {
    @Override
    public String toString() {
      return "shell in " + container + ": lines run there until exit or Ctrl-P Ctrl-Q";
    }
  }

  /** Runs a command without a shell. */
  public ExecResult exec(String... cmd) {
    if (cmd.length == 0) {
      throw new NetbookException("exec needs a command, e.g. exec(\"hostname\")");
    }
    return session
        .netTools()
        .exec(changeable(running(), "run commands in"), List.of(cmd), session.execTimeout());
  }

  private ContainerInfo running() {
    ContainerInfo c = info();
    if (!c.running()) {
      throw new NetbookException(
          "container "
              + name
              + " is not running ("
              + c.state()
              + "): start it with container(\""
              + name
              + "\").start()");
    }
    return c;
  }

  /** Attaches the container to another network too. */
  public Container connect(Network network, String... aliases) {
    ContainerInfo c = changeable(info(), "connect");
    session
        .ownership()
        .requireNetwork(
            network.info(), network.name(), "connect containers to", true, Dialect.JAVA);
    session.engine().connect(network.name(), c.id(), List.of(aliases), "");
    return this;
  }

  /**
   * Attaches the container to another network, by name ({@code docker network connect}), with
   * optional aliases there.
   */
  public Container connect(String network, String... aliases) {
    return connect(Lab.net(session, network, false), aliases);
  }

  /** Detaches the container from a network ({@code docker network disconnect}). */
  public Container disconnect(Network network) {
    return disconnect(network.name());
  }

  /** Detaches the container from a network, by name ({@code docker network disconnect}). */
  public Container disconnect(String network) {
    ContainerInfo c = changeable(info(), "disconnect");
    session
        .engine()
        .findNetwork(network)
        .ifPresent(
            n ->
                session
                    .ownership()
                    .requireNetwork(n, network, "disconnect containers from", true, Dialect.JAVA));
    session.engine().disconnect(network, c.id(), false);
    return this;
  }

  /** What the container printed so far ({@code docker logs}). */
  public Text logs() {
    return new Text(session.engine().logs(name));
  }

  /** Docker's own inspect JSON, as {@code docker inspect} prints it. */
  public Text inspect() {
    return new Text(session.engine().inspectContainerJson(name));
  }

  /**
   * One part of the inspect JSON, by a dotted path with keys spelled as in Docker's JSON ({@code
   * inspect("NetworkSettings.Networks")}, {@code inspect("Mounts.0")}): a string bare, anything
   * else as indented JSON. A key that is not there fails with one line listing the keys there.
   */
  public Text inspect(String path) {
    JsonNode at =
        JsonPath.find(
            JsonText.parse(session.engine().inspectContainerJson(name)), path == null ? "" : path);
    return new Text(JsonPath.show(at));
  }

  /** Starts the container again after a stop ({@code docker start}). */
  public Container start() {
    session.engine().start(changeable(info(), "start").id());
    return this;
  }

  /** Stops the container at once (the lesson containers' shells ignore SIGTERM). */
  public Container stop() {
    session.engine().stop(changeable(info(), "stop").id(), Duration.ofSeconds(1));
    return this;
  }

  /** Removes the container, running or not (only if this session created or adopted it). */
  public void rm() {
    ContainerInfo c = changeable(info(), "remove");
    session.netTools().forget(c.id());
    session.engine().removeContainer(c.id(), true);
  }

  /**
   * The user's explicit permission to change this container although netbook did not create it (sh,
   * exec, connect, disconnect, stop, rm): it holds for the rest of the session. Cleanup still
   * leaves it alone.
   */
  public Container adopt() {
    ContainerInfo c = info();
    if (!session.owns(c.labels())) {
      session.ownership().adopt(c);
      session.notice(
          "container "
              + name
              + " adopted: netbook will change it when asked (cleanup still leaves it alone)");
    }
    return this;
  }

  /** The container, if this session may {@code action} it; else the one-line refusal. */
  private ContainerInfo changeable(ContainerInfo c, String action) {
    return session.ownership().requireContainer(c, name, action, Dialect.JAVA);
  }

  @Override
  public String toString() {
    return session
        .engine()
        .findContainer(name)
        .map(
            c -> {
              StringBuilder sb =
                  new StringBuilder("container ")
                      .append(name)
                      .append(" (")
                      .append(Session.asNamed(c).image())
                      .append(", ")
                      .append(c.state())
                      .append(')');
              for (Endpoint e : c.endpoints()) {
                sb.append("\n  ")
                    .append(e.network())
                    .append(' ')
                    .append(e.ipv4())
                    .append(
                        e.gateway().isEmpty() ? "" : " gw " + e.gateway()) // (an overlay's: none)
                    .append(" mac ")
                    .append(e.mac());
              }
              if (!c.ports().isEmpty()) {
                sb.append("\n  ports ").append(c.ports().stream().map(Object::toString).toList());
              }
              return sb.toString();
            })
        .orElse("container " + name + " (removed)");
  }
}
