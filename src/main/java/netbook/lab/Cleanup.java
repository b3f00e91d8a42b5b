package netbook.lab;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;

/** A session's cleanup: its containers all at once, then its networks (foreign endpoints first). */
final class Cleanup {
  private static final System.Logger LOG = System.getLogger(Cleanup.class.getName());

  private Cleanup() {}

  /**
   * Removes {@code s}'s containers (helpers included) and then its networks. Nothing without the
   * session's label is touched.
   */
  static CleanupReport of(Session s) {
    return of(s, s::owns);
  }

  /**
   * Removes the containers (helpers included) and then the networks whose labels {@code which}
   * picks: a session's own, or those of the sessions kept on purpose.
   */
  static CleanupReport of(Session s, Predicate<Map<String, String>> which) {
    Engine engine = s.engine();
    List<String> containers = new ArrayList<>();
    List<String> networks = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<ContainerInfo> mine = new ArrayList<>();
    for (ContainerInfo c : engine.containers(true)) {
      if (which.test(c.labels())) {
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
      } else if (!"helper".equals(c.labels().get(Session.LABEL_ROLE))) {
        containers.add(c.name());
      }
    }
    for (NetworkInfo n : engine.networks()) {
      if (!which.test(n.labels())) {
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
