package netbook.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import netbook.engine.ContainerInfo;
import netbook.engine.NetworkInfo;
import netbook.json.JsonPath;
import netbook.json.JsonText;

/**
 * A handle to a network: {@code net("my_bridge")}. It reads the engine afresh on every call, so
 * what it prints is what exists now.
 */
public final class Network {
  private final Session session;
  private final String name;

  Network(Session session, String name) {
    this.session = session;
    this.name = name;
  }

  /** The network's name. */
  public String name() {
    return name;
  }

  /** The network as the engine reports it now. */
  public NetworkInfo info() {
    return session
        .unambiguous(name, () -> session.engine().findNetwork(name))
        .orElseThrow(
            () ->
                new netbook.NetbookException(
                    "network "
                        + name
                        + " not found: it was removed; net(\""
                        + name
                        + "\") creates it again"));
  }

  /** The network's full id (64 hex digits). */
  public String id() {
    return info().id();
  }

  /** The network's subnet, such as {@code 172.18.0.0/16} ("" for host and none). */
  public String subnet() {
    return info().subnet();
  }

  /** The network's gateway: the bridge's own address on the host. */
  public String gateway() {
    return info().gateway();
  }

  /** Runs a container on this network: {@code net("my_bridge").run("ubuntu", name("a"))}. */
  public Container run(String image, RunOption... options) {
    return Lab.runOn(session, name, image, options);
  }

  /** The containers attached to this network now. */
  public List<Container> containers() {
    return info().endpoints().stream().map(e -> new Container(session, e.containerName())).toList();
  }

  /** Connects an existing container to this network. */
  public Network connect(Container c, String... aliases) {
    c.connect(this, aliases);
    return this;
  }

  /** Docker's own JSON for this network, as {@code docker network inspect} prints it. */
  public Text inspect() {
    return new Text(session.engine().inspectNetworkJson(name));
  }

  /**
   * One part of the inspect JSON, by a dotted path with keys spelled as in Docker's JSON ({@code
   * inspect("NetworkSettings.Networks")}, {@code inspect("Mounts.0")}): a string bare, anything
   * else as indented JSON. A key that is not there fails with one line listing the keys there.
   */
  public Text inspect(String path) {
    JsonNode at =
        JsonPath.find(
            JsonText.parse(session.engine().inspectNetworkJson(name)), path == null ? "" : path);
    return new Text(JsonPath.show(at));
  }

  /** Removes the network (only if this session created or adopted it). */
  public void rm() {
    NetworkInfo n = session.ownership().requireNetwork(info(), name, "remove", false, Dialect.JAVA);
    session.engine().removeNetwork(n.id());
  }

  @Override
  public String toString() {
    return session
        .engine()
        .findNetwork(name)
        .map(
            n -> {
              StringBuilder sb =
                  new StringBuilder("network ").append(n.name()).append(" (").append(n.driver());
              if (!n.subnet().isEmpty()) {
                sb.append(' ').append(n.subnet()).append(" gw ").append(n.gateway());
              }
              sb.append(')');
              for (var e : n.endpoints()) {
                sb.append("\n  ").append(e.containerName()).append(' ').append(e.cidr());
              }
              return sb.toString();
            })
        .orElse("network " + name + " (removed)");
  }

  static boolean isDefault(String name) {
    return NetworkInfo.DEFAULT_NAMES.contains(name);
  }

  static boolean attached(ContainerInfo c, String network) {
    return c.endpoint(network).isPresent();
  }
}
