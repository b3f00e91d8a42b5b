package netbook.lab;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
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

  /** When the session started (ISO-8601), for the line that names it to another session. */
  public static final String LABEL_STARTED = "netbook.started";

  /**
   * The image as its command line or API call named it (ubuntu, not the lab image that plays it).
   */
  public static final String LABEL_IMAGE = "netbook.image";

  private final Engine engine;
  private volatile SessionConfig config;
  private final ImageResolver images;
  private final NetTools netTools;
  private final Pulls pulls;
  private final Ownership ownership = new Ownership(this);
  private final Creation creation = new Creation(this);
  private final Set<String> noticesSaid = ConcurrentHashMap.newKeySet();
  private final Map<Class<?>, Object> parts = new ConcurrentHashMap<>();
  private volatile TopologyChanges changes;
  private volatile KeptSessions kept = KeptSessions.none();
  private volatile Consumer<String> live;
  private volatile String shellRequest;
  private final Instant started = Instant.now();

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
   * The one way a container is made, for the Java API, the docker console and the network helpers
   * (see {@link Creation#run}): refused names and networks in {@code dialect}'s words, this
   * session's labels, the offline resolver rule, the image resolved, a failed start undone.
   */
  public StartedContainer run(ContainerSpec spec, Dialect dialect) {
    return creation.run(spec, dialect);
  }

  /** The one way a network is made (see {@link Creation#createNetwork}); returns its id. */
  public String createNetwork(NetworkSpec spec, Dialect dialect) {
    return creation.createNetwork(spec, dialect);
  }

  /**
   * Runs {@code call}, which names {@code network}, settling a name that two sessions' racing
   * creates made ambiguous (see {@link Creation#unambiguous}).
   */
  <T> T unambiguous(String network, Supplier<T> call) {
    return creation.unambiguous(network, Dialect.JAVA, call);
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
    l.put(LABEL_STARTED, started.toString());
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

  /**
   * The other netbook session that made a resource with these labels (none: this session's, or not
   * netbook's); {@code created} is the resource's creation time, shown when its labels lack the
   * session's start.
   */
  public Optional<OtherSession> other(Map<String, String> labels, Instant created) {
    return OtherSession.holding(this, labels, created);
  }

  /** When this session started. */
  public Instant started() {
    return started;
  }

  /**
   * A name of this session's own for one another session holds: {@code web_4242}, with this
   * process's pid.
   */
  public String ownName(String name) {
    return name + "_" + config.pid();
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

  /**
   * Where the output of commands run in containers goes as it comes ({@code ping}, {@code sh},
   * {@code exec}, the console's {@code docker exec}), or null: they answer when done, as in a
   * notebook run. The REPL sets it while an input runs; commands then run with a terminal and
   * {@link #interruptCommands()} stops them.
   */
  public void liveOutput(Consumer<String> sink) {
    live = sink;
  }

  Consumer<String> liveOutput() {
    return live;
  }

  /** {@code c.shell()}: asks the REPL to enter the container's shell after this input. */
  void requestShell(String containerId) {
    shellRequest = containerId;
  }

  /** The container whose shell the last input asked for, once. */
  public Optional<String> takeShellRequest() {
    String id = shellRequest;
    shellRequest = null;
    return Optional.ofNullable(id);
  }

  /**
   * Ctrl-C: typed into the terminal of each command running live now (the command ends in its
   * container, and the call waiting for it says it was stopped); whether there was one.
   */
  public boolean interruptCommands() {
    return engine.interruptExecs();
  }

  /** Prints a one-line notice (alias used, helper started, …). */
  public void notice(String line) {
    config.notices().accept(line);
  }

  /** Prints a notice only the first time its key is seen in this session. */
  public void noticeOnce(String key, String line) {
    // once per key, and never the same line twice (a swarm's nodes repeat the host's notices)
    if (noticesSaid.add(key) && noticesSaid.add("line:" + line)) {
      notice(line);
    }
  }

  /**
   * Removes this session's containers (helpers included) and then its networks. Nothing without
   * this session's label is touched (see {@link Cleanup}).
   */
  public CleanupReport cleanup() {
    Swarm.forget(this); // its nodes go with the rest, and all that ran inside them
    return Cleanup.of(this);
  }

  /** Where this session records that it was kept on purpose (see {@link KeptSessions}). */
  public void kept(KeptSessions record) {
    kept = record == null ? KeptSessions.none() : record;
  }

  public KeptSessions kept() {
    return kept;
  }

  /**
   * What this session made stays on purpose (the exit's {@code n}, {@code --keep}): recorded, so
   * that the next start lists it instead of reaping it as a crashed session's.
   */
  public void keep() {
    kept.add(config.id());
  }

  /**
   * {@link #cleanup()}, and also what earlier sessions of this host kept on purpose (the REPL's
   * {@code cleanup()}, {@code bin/netbook cleanup}); their ids leave the record.
   */
  public CleanupReport cleanupAll() {
    Set<String> ids = kept.ids();
    CleanupReport r =
        Cleanup.of(this, labels -> owns(labels) || KeptSessions.holds(ids, config.host(), labels));
    kept.remove(ids);
    return r;
  }
}
