package netbook.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.EngineException;
import netbook.engine.NetworkSpec;

/** How a session makes containers and networks: the one path, behind {@link Session#run}. */
final class Creation {
  private static final Pattern PORT_TAKEN =
      Pattern.compile(
          "Bind for [^ ]*:(\\d+) failed|listen tcp[46]? [^ ]*:(\\d+): bind: address already in use");

  private final Session s;

  Creation(Session s) {
    this.s = s;
  }

  /**
   * The one way a container is made, for the Java API, the docker console and the network helpers:
   * refuses a name that is taken (in {@code dialect}'s words), labels it as this session's, points
   * its resolver at 127.0.0.1 when nothing may leave the host, resolves the image (pull, or the lab
   * stand-in), creates and starts it. A start that fails removes what was created; a host port that
   * is taken is one line naming another. The container is labelled {@link Session#LABEL_IMAGE} with
   * the image as asked for (unless the spec says otherwise), which is what netbook shows as its
   * image.
   */
  StartedContainer run(ContainerSpec spec, Dialect dialect) {
    if (!spec.name().isEmpty()) {
      refuseClash(spec.name(), dialect);
    }
    String network = spec.network();
    boolean ownNamespace =
        !network.equals("host") && !network.equals("none") && !network.startsWith("container:");
    guardNetworkOf(network, dialect);
    ContainerSpec.Builder b = spec.toBuilder().labels(s.labels());
    if (!spec.labels().containsKey(Session.LABEL_IMAGE)) {
      // what the container shows as its image, whichever image plays it
      b.label(Session.LABEL_IMAGE, spec.image());
    }
    if (s.offline() && ownNamespace && spec.dns().isEmpty()) {
      // no resolver beyond this machine: a failed lookup never leaves the host
      b.dns("127.0.0.1");
    }
    String image = s.images().resolve(spec.image());
    String id = s.engine().createContainer(b.image(image).build());
    try {
      s.engine().start(id);
    } catch (EngineException e) {
      s.removeQuietly(id);
      throw portTaken(e, spec, dialect).orElseThrow(() -> e);
    }
    String name =
        spec.name().isEmpty()
            ? s.engine().findContainer(id).map(ContainerInfo::name).orElse(id)
            : spec.name();
    return new StartedContainer(id, name, image);
  }

  /**
   * The one way a network is made: refuses the name of a network that is not netbook's (in {@code
   * dialect}'s words), labels it as this session's, creates it; returns its id.
   */
  String createNetwork(NetworkSpec spec, Dialect dialect) {
    s.engine()
        .findNetwork(spec.name())
        .filter(
            n -> n.name().equals(spec.name()) && !n.isDefault() && !Session.isNetbooks(n.labels()))
        .ifPresent(
            n -> {
              throw new NetbookException(
                  s.foreignClash("network", spec.name(), dialect.networkOption()));
            });
    Map<String, String> l = new LinkedHashMap<>(s.labels());
    if (spec.labels() != null) {
      l.putAll(spec.labels());
    }
    return s.engine()
        .createNetwork(
            new NetworkSpec(
                spec.name(),
                spec.driver(),
                spec.subnet(),
                spec.gateway(),
                spec.ipRange(),
                spec.internal(),
                l,
                spec.options()))
        .id();
  }

  private void refuseClash(String name, Dialect dialect) {
    Optional<ContainerInfo> existing = s.engine().findContainer(name);
    if (existing.isEmpty()) {
      return;
    }
    Map<String, String> l = existing.get().labels();
    if (s.owns(l) && dialect == Dialect.JAVA) {
      throw new NetbookException(
          "container "
              + name
              + " already exists in this session: container(\""
              + name
              + "\") is its handle; container(\""
              + name
              + "\").rm() first to run it again");
    }
    if (dialect == Dialect.JAVA ? !s.owns(l) : !Session.isNetbooks(l)) {
      throw new NetbookException(s.foreignClash("container", name, dialect.nameOption()));
    }
    // the console's own names: the engine's Conflict, as the docker CLI shows it
  }

  /**
   * A container joins a network only if this session may change it (its own, an adopted one, or
   * Docker's), and a namespace only of a container it may change: the one guard, for every caller.
   */
  private void guardNetworkOf(String network, Dialect dialect) {
    if (network.startsWith("container:")) {
      String ref = network.substring("container:".length());
      s.engine()
          .findContainer(ref)
          .ifPresent(c -> s.ownership().requireContainer(c, ref, "share the network of", dialect));
    } else if (!network.isEmpty()) {
      s.engine()
          .findNetwork(network)
          .ifPresent(
              n ->
                  s.ownership().requireNetwork(n, network, "attach a container to", true, dialect));
    }
  }

  /** The line for a start that failed because its host port is taken, if that is why. */
  private static Optional<NetbookException> portTaken(
      EngineException e, ContainerSpec spec, Dialect dialect) {
    String message = String.valueOf(e.getMessage());
    Matcher taken = PORT_TAKEN.matcher(message);
    if (!taken.find() || spec.ports().isEmpty()) {
      return Optional.empty();
    }
    String port = taken.group(1) != null ? taken.group(1) : taken.group(2);
    String detail = dialect == Dialect.JAVA ? taken.group() : message.substring(taken.start());
    return Optional.of(
        new NetbookException(
            "host port "
                + port
                + " is taken ("
                + detail
                + "): publish another one, e.g. "
                + dialect.publish(spec.ports().get(0).containerPort())));
  }
}
