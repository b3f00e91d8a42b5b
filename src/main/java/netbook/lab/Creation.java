package netbook.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;

/** How a session makes containers and networks: the one path, behind {@link Session#run}. */
final class Creation {
  private static final Pattern PORT_TAKEN =
      Pattern.compile(
          "Bind for [^ ]*:(\\d+) failed|listen tcp[46]? [^ ]*:(\\d+): bind: address already in use");

  /** How long a name made ambiguous by a racing session's create may take to become unique. */
  private static final Duration SETTLE = Duration.ofSeconds(5);

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
      refuseShortName(spec.name(), dialect);
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
    String id;
    try {
      ContainerSpec toCreate = b.image(image).build();
      id = unambiguous(network, dialect, () -> s.engine().createContainer(toCreate));
    } catch (EngineException e) {
      if (e.conflict() && !spec.name().isEmpty()) {
        // made by another session between the look and the create
        refuseClash(spec.name(), dialect);
      }
      throw e;
    }
    try {
      unambiguous(
          network,
          dialect,
          () -> {
            s.engine().start(id);
            return id;
          });
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
    unambiguous(spec.name(), dialect, () -> s.engine().findNetwork(spec.name()))
        .filter(n -> n.name().equals(spec.name()) && !n.isDefault())
        .ifPresent(n -> refuseNetworkName(n, spec.name(), dialect));
    Map<String, String> l = new LinkedHashMap<>(s.labels());
    if (spec.labels() != null) {
      l.putAll(spec.labels());
    }
    NetworkInfo made;
    try {
      made =
          s.engine()
              .createNetwork(
                  new NetworkSpec(
                      spec.name(),
                      spec.driver(),
                      spec.subnet(),
                      spec.gateway(),
                      spec.ipRange(),
                      spec.internal(),
                      l,
                      spec.options()));
    } catch (EngineException e) {
      if (e.conflict()) {
        // made by another session between the look and the create
        unambiguous(spec.name(), dialect, () -> s.engine().findNetwork(spec.name()))
            .filter(n -> n.name().equals(spec.name()))
            .ifPresent(n -> refuseNetworkName(n, spec.name(), dialect));
      }
      throw e;
    }
    settleName(spec.name(), dialect);
    return made.id();
  }

  /**
   * Docker (before 25) lets two networks have one name when two sessions' creates race: then every
   * use of the name is "ambiguous", or picks the other session's network. The first one made keeps
   * the name: a later one of this session's is removed again, with the line naming the other
   * session; when this session's is the first, it waits (up to 5 s) for the later ones to go, and
   * yields its own when another's is still there then. Every session that sees the twins decides
   * alike, whenever it sees them (after its create, or when Docker calls a name ambiguous).
   */
  private void settleName(String name, Dialect dialect) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      List<NetworkInfo> same =
          s.engine().networks().stream().filter(n -> n.name().equals(name)).toList();
      if (same.size() < 2) {
        return;
      }
      NetworkInfo first =
          same.stream()
              .min(
                  Comparator.comparing(
                          (NetworkInfo n) -> n.created() == null ? Instant.MAX : n.created())
                      .thenComparing(NetworkInfo::id))
              .orElseThrow();
      List<NetworkInfo> mineLater =
          same.stream().filter(n -> n != first && s.owns(n.labels())).toList();
      if (!mineLater.isEmpty()) {
        mineLater.forEach(this::removeTwin);
        refuseNetworkName(first, name, dialect);
      }
      if (System.nanoTime() > deadline) {
        // the other twin stays: its session saw only its own and went on with it (a create that
        // began first can become visible last), so this session yields its own
        Optional<NetworkInfo> theirs = same.stream().filter(n -> !s.owns(n.labels())).findFirst();
        List<NetworkInfo> mine = same.stream().filter(n -> s.owns(n.labels())).toList();
        if (theirs.isPresent() && !mine.isEmpty()) {
          mine.forEach(this::removeTwin);
          refuseNetworkName(theirs.get(), name, dialect);
        }
        return; // what uses the name next says what Docker says
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void removeTwin(NetworkInfo n) {
    try {
      s.engine().removeNetwork(n.id());
    } catch (EngineException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
  }

  /**
   * Runs {@code call}, which names {@code network}; when Docker finds the name ambiguous (two
   * sessions' creates raced), settles who keeps it ({@link #settleName}) and runs it again.
   */
  <T> T unambiguous(String network, Dialect dialect, Supplier<T> call) {
    try {
      return call.get();
    } catch (EngineException e) {
      if (network.isEmpty() || !String.valueOf(e.getMessage()).contains("is ambiguous")) {
        throw e;
      }
      settleName(network, dialect);
      return call.get();
    }
  }

  /**
   * The line for a network name that is taken: by another netbook session (named, with the way
   * out), or by the user (netbook leaves it alone). A name of this session's own passes.
   */
  private void refuseNetworkName(NetworkInfo n, String name, Dialect dialect) {
    Optional<OtherSession> other = s.other(n.labels(), n.created());
    if (other.isPresent()) {
      throw new Ownership.Refused(
          other
              .get()
              .nameTaken("network", name, String.format(dialect.networkOption(), s.ownName(name))));
    }
    if (!Session.isNetbooks(n.labels())) {
      throw new NetbookException(s.foreignClash("network", name, dialect.networkOption()));
    }
  }

  private void refuseClash(String name, Dialect dialect) {
    Optional<ContainerInfo> existing = s.engine().findContainer(name);
    if (existing.isEmpty()) {
      return;
    }
    Map<String, String> l = existing.get().labels();
    Optional<OtherSession> other = s.other(l, existing.get().created());
    if (other.isPresent()) {
      throw new Ownership.Refused(
          other
              .get()
              .nameTaken("container", name, String.format(dialect.nameOption(), s.ownName(name))));
    }
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
      unambiguous(network, dialect, () -> s.engine().findNetwork(network))
          .ifPresent(
              n ->
                  s.ownership().requireNetwork(n, network, "attach a container to", true, dialect));
    }
  }

  /**
   * Docker refuses one-character container names ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}), and its
   * message shows a pattern that "a" seems to match: in the Java API, say what is wrong. The
   * console keeps Docker's own words, as {@code docker run --name a} prints them.
   */
  private static void refuseShortName(String name, Dialect dialect) {
    if (dialect == Dialect.JAVA && name.length() == 1) {
      throw new NetbookException(
          "container name \""
              + name
              + "\" is too short: Docker needs at least two characters, e.g. name(\"container_"
              + name
              + "\")");
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
