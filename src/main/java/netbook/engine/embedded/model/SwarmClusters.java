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
