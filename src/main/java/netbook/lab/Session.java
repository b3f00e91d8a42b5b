package netbook.lab;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.PullProgress;
import netbook.render.topology.TopologyChanges;

/**
 * One netbook session on one engine: everything it creates carries {@code netbook.session=<id>}
 * (and the pid of the netbook process, and the notebook's name when a notebook made it), and {@link
 * #cleanup()} removes exactly that, never anything else.
 */
public final class Session {
  private static final System.Logger LOG = System.getLogger(Session.class.getName());

  public static final String LABEL_SESSION = "netbook.session";
  public static final String LABEL_PID = "netbook.pid";
  public static final String LABEL_NOTEBOOK = "netbook.notebook";
  public static final String LABEL_ROLE = "netbook.role";
  public static final String LABEL_HOST = "netbook.host";

  /**
   * The image as its command line or API call named it (ubuntu, not the lab image that plays it).
   */
  public static final String LABEL_IMAGE = "netbook.image";

  private static final Pattern PORT_TAKEN =
      Pattern.compile(
          "Bind for [^ ]*:(\\d+) failed|listen tcp[46]? [^ ]*:(\\d+): bind: address already in use");

  private final Engine engine;
  private volatile SessionConfig config;
  private final ImageResolver images;
  private final NetTools netTools;
  private final Pulls pulls;
  private final Ownership ownership = new Ownership(this);
  private final Set<String> noticesSaid = ConcurrentHashMap.newKeySet();
  private final Map<Class<?>, Object> parts = new ConcurrentHashMap<>();
  private volatile TopologyChanges changes;

  public Session(Engine engine, SessionConfig config) {
    this(engine, config, new LabImageBuilder(LabImageBuilder.HOST_BUSYBOX));
  }

  /** A session that builds missing lab images from {@code labImages}' busybox. */
  Session(Engine engine, SessionConfig config, LabImageBuilder labImages) {
    this.engine = engine;
    this.config = config;
    this.images = new ImageResolver(this, labImages);
    this.netTools = new NetTools(this);
    this.pulls = new Pulls(this);
  }

  public Engine engine() {
    return engine;
  }

  public SessionConfig config() {
    return config;
  }

  public String id() {
    return config.id();
  }

  public boolean offline() {
    return config.offline();
  }

  /** Marks what is created from now on as made by the named notebook ("" for none). */
  public void notebook(String name) {
    config = config.withNotebook(name);
  }

  public Duration execTimeout() {
    return config.execTimeout();
  }

  ImageResolver images() {
    return images;
  }

  /** The one ownership guard: what this session may change (see {@link Ownership}). */
  public Ownership ownership() {
    return ownership;
  }

  /**
   * The one {@code type} of this session, made by {@code make} on first use: what a layer above
   * keeps per session (the docker console with its attachment and book memory) lives and dies with
   * the session, without a registry of its own.
   */
  public <T> T part(Class<T> type, Function<Session, T> make) {
    return type.cast(parts.computeIfAbsent(type, t -> make.apply(this)));
  }

  /**
   * The changes feed: what the network became since the last report ({@code
   * changes().next(engine)}), shared by whoever reports (the REPL, the notebook runner) so that
   * nothing is said twice.
   */
  public TopologyChanges changes() {
    TopologyChanges c = changes;
    if (c == null) {
      synchronized (this) {
        if (changes == null) {
          changes = new TopologyChanges(engine);
        }
        c = changes;
      }
    }
    return c;
  }

  NetTools netTools() {
    return netTools;
  }

  /**
   * The image the engine will use for {@code ref}: the ref itself when present (or pulled), or its
   * lab stand-in (offline aliases), with the same notices {@code run(...)} prints.
   */
  public String resolveImage(String ref) {
    return images.resolve(ref);
  }

  /**
   * The one way a container is made, for the Java API, the docker console and the network helpers:
   * refuses a name that is taken (in {@code dialect}'s words), labels it as this session's, points
   * its resolver at 127.0.0.1 when nothing may leave the host, resolves the image (pull, or the lab
   * stand-in), creates and starts it. A start that fails removes what was created; a host port that
   * is taken is one line naming another. The container is labelled {@link #LABEL_IMAGE} with the
   * image as asked for (unless the spec says otherwise), which is what netbook shows as its image.
   */
  public StartedContainer run(ContainerSpec spec, Dialect dialect) {
    if (!spec.name().isEmpty()) {
      refuseClash(spec.name(), dialect);
    }
    String network = spec.network();
    boolean ownNamespace =
        !network.equals("host") && !network.equals("none") && !network.startsWith("container:");
    guardNetworkOf(network, dialect);
    ContainerSpec.Builder b = spec.toBuilder().labels(labels());
    if (!spec.labels().containsKey(LABEL_IMAGE)) {
      // what the container shows as its image, whichever image plays it
      b.label(LABEL_IMAGE, spec.image());
    }
    if (offline() && ownNamespace && spec.dns().isEmpty()) {
      // no resolver beyond this machine: a failed lookup never leaves the host
      b.dns("127.0.0.1");
    }
    String image = images.resolve(spec.image());
    String id = engine.createContainer(b.image(image).build());
    try {
      engine.start(id);
    } catch (EngineException e) {
      removeQuietly(id);
      throw portTaken(e, spec, dialect).orElseThrow(() -> e);
    }
    String name =
        spec.name().isEmpty()
            ? engine.findContainer(id).map(ContainerInfo::name).orElse(id)
            : spec.name();
    return new StartedContainer(id, name, image);
  }

  /**
   * The one way a network is made: refuses the name of a network that is not netbook's (in {@code
   * dialect}'s words), labels it as this session's, creates it; returns its id.
   */
  public String createNetwork(NetworkSpec spec, Dialect dialect) {
    engine
        .findNetwork(spec.name())
        .filter(n -> n.name().equals(spec.name()) && !n.isDefault() && !isNetbooks(n.labels()))
        .ifPresent(
            n -> {
              throw new NetbookException(
                  foreignClash("network", spec.name(), dialect.networkOption()));
            });
    Map<String, String> l = new LinkedHashMap<>(labels());
    if (spec.labels() != null) {
      l.putAll(spec.labels());
    }
    return engine
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
    Optional<ContainerInfo> existing = engine.findContainer(name);
    if (existing.isEmpty()) {
      return;
    }
    Map<String, String> l = existing.get().labels();
    if (owns(l) && dialect == Dialect.JAVA) {
      throw new NetbookException(
          "container "
              + name
              + " already exists in this session: container(\""
              + name
              + "\") is its handle; container(\""
              + name
              + "\").rm() first to run it again");
    }
    if (dialect == Dialect.JAVA ? !owns(l) : !isNetbooks(l)) {
      throw new NetbookException(foreignClash("container", name, dialect.nameOption()));
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
      engine
          .findContainer(ref)
          .ifPresent(c -> ownership.requireContainer(c, ref, "share the network of", dialect));
    } else if (!network.isEmpty()) {
      engine
          .findNetwork(network)
          .ifPresent(
              n -> ownership.requireNetwork(n, network, "attach a container to", true, dialect));
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

  /** Removes a container and its network helper; one already gone is no error. */
  public void removeQuietly(String id) {
    try {
      forgetHelper(id);
      engine.removeContainer(id, true);
    } catch (EngineException e) {
      // gone already (auto-remove) or going; cleanup() removes any leftover
      LOG.log(Level.DEBUG, "container " + id + " not removed", e);
    }
  }

  /** A handle to an existing container (its lab API: sh, exec, ping, …). */
  public Container container(String nameOrId) {
    ContainerInfo c =
        engine
            .findContainer(nameOrId)
            .orElseThrow(() -> new EngineException(404, "No such container: " + nameOrId));
    return new Container(this, c.name());
  }

  /** Forgets (and removes) the helper toolbox container of a container going away. */
  public void forgetHelper(String containerId) {
    netTools.forget(containerId);
  }

  /** The labels every resource this session creates carries. */
  public Map<String, String> labels() {
    Map<String, String> l = new LinkedHashMap<>();
    l.put(LABEL_SESSION, config.id());
    l.put(LABEL_PID, String.valueOf(config.pid()));
    l.put(LABEL_HOST, config.host());
    if (!config.notebook().isEmpty()) {
      l.put(LABEL_NOTEBOOK, config.notebook());
    }
    return l;
  }

  /**
   * The container as netbook shows it: its image as its command line or API call named it ({@code
   * ubuntu}, whichever image played it: the lab stand-in, a pulled tag), from {@link #LABEL_IMAGE}.
   */
  public static ContainerInfo asNamed(ContainerInfo c) {
    String named = c.labels() == null ? null : c.labels().get(LABEL_IMAGE);
    return named == null || named.equals(c.image())
        ? c
        : new ContainerInfo(
            c.id(),
            c.name(),
            named,
            c.command(),
            c.state(),
            c.status(),
            c.created(),
            c.hostname(),
            c.networkMode(),
            c.labels(),
            c.endpoints(),
            c.ports());
  }

  /** Whether a resource with these labels was made by this session. */
  public boolean owns(Map<String, String> labels) {
    return labels != null && config.id().equals(labels.get(LABEL_SESSION));
  }

  /** Whether a resource with these labels was made by any netbook session. */
  public static boolean isNetbooks(Map<String, String> labels) {
    return labels != null && labels.containsKey(LABEL_SESSION);
  }

  /**
   * A name this lesson would use, prefixed so that it does not clash with the user's own resource
   * of that name: {@code nb_web}, or {@code <notebook>_web} in a notebook.
   */
  public String prefixedName(String name) {
    String nb = config.notebook().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    return (nb.isEmpty() || !Character.isLetterOrDigit(nb.charAt(0)) ? "nb" : nb) + "_" + name;
  }

  /**
   * The one line for a user's own container or network that has the name a lesson wants: netbook
   * leaves it alone and offers a prefixed name ({@code option} shows how to pass it: {@code
   * name("%s")} or {@code --name %s}).
   */
  public String foreignClash(String kind, String name, String option) {
    return "a "
        + kind
        + " named "
        + name
        + " already exists and is not netbook's: netbook leaves it alone; use another name, e.g. "
        + String.format(option, prefixedName(name));
  }

  /**
   * Pulls an image through the engine, its progress to the session's progress channel (a status
   * line on a terminal, a line every few seconds otherwise, never a cell's output); returns the
   * last progress. {@link #cancelPulls()} ends it with "pull of … cancelled" (a {@link
   * NetbookException}).
   */
  public PullProgress pull(String ref, Duration timeout) {
    return pulls.pull(ref, timeout);
  }

  /**
   * Ctrl-C: cancels the pulls running now (their streams are closed, each says "pull of …
   * cancelled"), waiting a moment for them to end; the session goes on.
   */
  public void cancelPulls() {
    pulls.cancel();
  }

  /** Prints a one-line notice (alias used, helper started, …). */
  public void notice(String line) {
    config.notices().accept(line);
  }

  /** Prints a notice only the first time its key is seen in this session. */
  public void noticeOnce(String key, String line) {
    if (noticesSaid.add(key)) {
      notice(line);
    }
  }

  /**
   * Removes this session's containers (helpers included) and then its networks. Nothing without
   * this session's label is touched.
   */
  public CleanupReport cleanup() {
    List<String> containers = new ArrayList<>();
    List<String> networks = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<ContainerInfo> mine = new ArrayList<>();
    for (ContainerInfo c : engine.containers(true)) {
      if (owns(c.labels())) {
        mine.add(c);
      }
    }
    // all at once: each removal is a kill and a network teardown that the daemon does in parallel
    // (a lesson's two containers go in the time of one)
    List<CompletableFuture<String>> removals = new ArrayList<>();
    for (ContainerInfo c : mine) {
      CompletableFuture<String> f = new CompletableFuture<>();
      Runnable remove =
          () -> {
            try {
              engine.removeContainer(c.id(), true);
              f.complete(null);
            } catch (EngineException e) {
              f.complete(e.notFound() ? "" : c.name() + ": " + e.getMessage());
            } catch (RuntimeException e) {
              f.complete(c.name() + ": " + e.getMessage());
            }
          };
      if (mine.size() == 1) {
        remove.run();
      } else {
        Thread t = new Thread(remove, "netbook-cleanup");
        t.setDaemon(true);
        t.start();
      }
      removals.add(f);
    }
    for (int i = 0; i < mine.size(); i++) {
      String error = removals.get(i).join(); // null: removed; "": gone already
      ContainerInfo c = mine.get(i);
      if (error != null) {
        if (!error.isEmpty()) {
          failed.add(error);
        }
      } else if (!"helper".equals(c.labels().get(LABEL_ROLE))) {
        containers.add(c.name());
      }
    }
    for (NetworkInfo n : engine.networks()) {
      if (!owns(n.labels())) {
        continue;
      }
      try {
        disconnectAll(engine, n);
        engine.removeNetwork(n.id());
        networks.add(n.name());
      } catch (EngineException e) {
        if (!e.notFound()) {
          failed.add(n.name() + ": " + e.getMessage());
        }
      }
    }
    return new CleanupReport(containers, networks, failed);
  }

  /**
   * Disconnects (force) whatever is still attached to a network netbook is about to remove: a
   * foreign container the user connected to it (adopted), which would otherwise keep the network
   * ("has active endpoints") and leak it, retried at every start. Only the endpoint on netbook's
   * network goes; the container itself stays as it was.
   */
  static void disconnectAll(Engine engine, NetworkInfo listed) {
    // a network listing carries no endpoints (as Docker's own): inspect it
    NetworkInfo n = engine.findNetwork(listed.id()).orElse(listed);
    for (var e : n.endpoints()) {
      try {
        String c =
            e.containerId() == null || e.containerId().isEmpty()
                ? e.containerName()
                : e.containerId();
        engine.disconnect(n.id(), c, true);
      } catch (EngineException ex) {
        // gone meanwhile; the removal below reports what still holds the network
        LOG.log(Level.DEBUG, "endpoint " + e.containerName() + " not disconnected", ex);
      }
    }
  }
}
