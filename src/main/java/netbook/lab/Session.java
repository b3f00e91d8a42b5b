package netbook.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;

/**
 * One netbook session on one engine: everything it creates carries {@code netbook.session=<id>}
 * (and the pid of the netbook process, and the notebook's name when a notebook made it), and {@link
 * #cleanup()} removes exactly that, never anything else.
 */
public final class Session {
  public static final String LABEL_SESSION = "netbook.session";
  public static final String LABEL_PID = "netbook.pid";
  public static final String LABEL_NOTEBOOK = "netbook.notebook";
  public static final String LABEL_ROLE = "netbook.role";
  public static final String LABEL_HOST = "netbook.host";

  private final Engine engine;
  private volatile SessionConfig config;
  private final ImageResolver images;
  private final NetTools netTools;
  private final Set<String> noticesSaid = ConcurrentHashMap.newKeySet();

  public Session(Engine engine, SessionConfig config) {
    this.engine = engine;
    this.config = config;
    this.images = new ImageResolver(this);
    this.netTools = new NetTools(this);
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
   * Creates (does not start) a container from a spec the way the fluent API does: this session's
   * labels, the offline resolver rule (DNS 127.0.0.1 when nothing may leave the host) and the image
   * aliases. Returns the new container's id.
   */
  public String createContainer(ContainerSpec spec) {
    String network = spec.network();
    boolean ownNamespace =
        !network.equals("host") && !network.equals("none") && !network.startsWith("container:");
    ContainerSpec.Builder b = spec.toBuilder().labels(labels());
    if (offline() && ownNamespace && spec.dns().isEmpty()) {
      b.dns("127.0.0.1");
    }
    b.image(resolveImage(spec.image()));
    return engine.createContainer(b.build());
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
    String nb =
        config.notebook().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
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
    List<java.util.concurrent.CompletableFuture<String>> removals = new ArrayList<>();
    for (ContainerInfo c : mine) {
      java.util.concurrent.CompletableFuture<String> f =
          new java.util.concurrent.CompletableFuture<>();
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
}
