package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The swarms of the embedded nodes one engine runs: a join finds its swarm here by the address a
 * manager advertises, as a real node dials it. Thread-safe.
 */
public final class SwarmClusters {
  private final List<SwarmCluster> clusters = new ArrayList<>();
  private final List<Runnable> nodes = new ArrayList<>();

  /** A node engine's way to bring itself in step with its swarm (under its own lock). */
  public synchronized void node(Runnable sync) {
    nodes.add(sync);
  }

  public synchronized void forget(Runnable sync) {
    nodes.remove(sync);
  }

  /**
   * Every node brings itself in step (runs its tasks, publishes its endpoints): called without any
   * engine's lock held, after a manager changed the swarm's services.
   */
  public void syncAll() {
    List<Runnable> copy;
    synchronized (this) {
      copy = List.copyOf(nodes);
    }
    copy.forEach(Runnable::run);
  }

  synchronized SwarmCluster create(String id, Instant created, String worker, String manager) {
    SwarmCluster c = new SwarmCluster(id, created, worker, manager);
    clusters.add(c);
    return c;
  }

  /** The swarm whose manager advertises {@code addr} (host or host:port; 2377 by default). */
  synchronized Optional<SwarmCluster> byManagerAddr(String addr) {
    String wanted = addr.contains(":") ? addr : addr + ":2377";
    for (SwarmCluster c : clusters) {
      for (SwarmCluster.Member m : c.members()) {
        if (m.manager() && (m.addr() + ":2377").equals(wanted)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  /** Forgets swarms without members. */
  synchronized void prune() {
    clusters.removeIf(c -> c.members().isEmpty());
  }
}
