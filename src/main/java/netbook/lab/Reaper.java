package netbook.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;

/**
 * Finds what crashed netbook sessions left behind (a {@code kill -9} in the middle of a notebook)
 * and removes it. A resource is an orphan when it carries {@code netbook.session}, was made on this
 * host ({@code netbook.host}), and the process in its {@code netbook.pid} is gone. Live sessions —
 * another netbook running beside this one — are never touched, nor is anything unlabelled, nor what
 * a session kept on purpose ({@link KeptSessions}). Given a {@link PrefixedEngine}, only what was
 * made under the same name prefix is reaped (a plain engine: only what was made without one), so a
 * soak under its own prefix reaps its own crashed runs only.
 */
public final class Reaper {
  private final Engine engine;
  private final String host;
  private final LongPredicate alive;
  private final String prefix;
  private final Set<String> kept;

  /**
   * @param host this machine's name, as sessions record it in {@code netbook.host}
   * @param alive whether a process id is running on this machine
   */
  public Reaper(Engine engine, String host, LongPredicate alive) {
    this(engine, host, alive, Set.of());
  }

  /**
   * @param kept the ids of sessions kept on purpose ({@link KeptSessions}): not crashed, never
   *     reaped
   */
  public Reaper(Engine engine, String host, LongPredicate alive, Set<String> kept) {
    this.engine = engine;
    this.host = host;
    this.alive = alive;
    this.prefix = PrefixedEngine.prefixOf(engine);
    this.kept = Set.copyOf(kept);
  }

  /** Removes orphaned containers, then orphaned networks; says what it removed. */
  public CleanupReport reap() {
    List<String> containers = new ArrayList<>();
    List<String> networks = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (ContainerInfo c : engine.containers(true)) {
      if (orphan(c.labels())) {
        try {
          engine.removeContainer(c.id(), true);
          if (!"helper".equals(c.labels().get(Session.LABEL_ROLE))) {
            containers.add(c.name());
          }
        } catch (EngineException e) {
          if (!e.notFound()) {
            failed.add(c.name() + ": " + e.getMessage());
          }
        }
      }
    }
    for (NetworkInfo n : engine.networks()) {
      if (orphan(n.labels())) {
        try {
          Cleanup.disconnectAll(engine, n); // a foreign container left on it would keep it
          engine.removeNetwork(n.id());
          networks.add(n.name());
        } catch (EngineException e) {
          if (!e.notFound()) {
            failed.add(n.name() + ": " + e.getMessage());
          }
        }
      }
    }
    return new CleanupReport(containers, networks, failed);
  }

  boolean orphan(Map<String, String> labels) {
    if (!Session.isNetbooks(labels)
        || !host.equals(labels.get(Session.LABEL_HOST))
        || !PrefixedEngine.madeUnder(labels, prefix)
        || kept.contains(labels.get(Session.LABEL_SESSION))) {
      return false;
    }
    try {
      return !alive.test(Long.parseLong(labels.getOrDefault(Session.LABEL_PID, "")));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
