package netbook.notebook;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.lab.PrefixedEngine;
import netbook.lab.Session;

/**
 * Reaps what an aborted earlier run of the same notebook left behind: containers and networks
 * labelled {@code netbook.notebook=<name>} whose {@code netbook.pid} process is gone. Anything of a
 * live netbook process, or without netbook's labels, or made under another name prefix (see {@link
 * PrefixedEngine}), is left alone.
 */
public final class StaleResources {
  private static final System.Logger LOG = System.getLogger(StaleResources.class.getName());

  private StaleResources() {}

  /** Whether a process is alive on this machine. */
  public static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Removes the stale resources; returns one line saying what went, or "" when nothing did. */
  public static String reap(Engine engine, String notebook, LongPredicate alive) {
    return reap(engine, notebook, alive, Set.of());
  }

  /**
   * As above; what sessions in {@code kept} kept on purpose ({@code --keep}) goes too, for the
   * notebook to make it again, and the line says it was kept rather than aborted.
   */
  public static String reap(Engine engine, String notebook, LongPredicate alive, Set<String> kept) {
    List<String> containers = new ArrayList<>();
    List<String> networks = new ArrayList<>();
    TreeSet<Long> pids = new TreeSet<>();
    String prefix = PrefixedEngine.prefixOf(engine);
    Set<String> keptSeen = new TreeSet<>();
    for (ContainerInfo c : engine.containers(true)) {
      if (stale(c.labels(), notebook, prefix, alive, pids) && seen(c.labels(), kept, keptSeen)) {
        try {
          engine.removeContainer(c.id(), true);
          containers.add(c.name());
        } catch (EngineException e) {
          // gone already, or in use: the run below reports what matters
          LOG.log(Level.DEBUG, "stale container " + c.name() + " not removed", e);
        }
      }
    }
    for (NetworkInfo n : engine.networks()) {
      if (stale(n.labels(), notebook, prefix, alive, pids) && seen(n.labels(), kept, keptSeen)) {
        try {
          engine.removeNetwork(n.id());
          networks.add(n.name());
        } catch (EngineException e) {
          // as above
          LOG.log(Level.DEBUG, "stale network " + n.name() + " not removed", e);
        }
      }
    }
    if (containers.isEmpty() && networks.isEmpty()) {
      return "";
    }

    return notebook
        + ": removed "
        + count(containers, "container")
        + " and "
        + count(networks, "network")
        + (keptSeen.isEmpty()
            ? " left by an aborted earlier run (pid "
                + String.join(", ", pids.stream().map(String::valueOf).toList())
                + ")"
            : " an earlier run kept (--keep), to run it again");
  }

  /** Notes a kept session's resource; always true (it goes all the same). */
  private static boolean seen(Map<String, String> labels, Set<String> kept, Set<String> seen) {
    String id = labels.get(Session.LABEL_SESSION);
    if (kept.contains(id)) {
      seen.add(id);
    }
    return true;
  }

  private static boolean stale(
      Map<String, String> labels,
      String notebook,
      String prefix,
      LongPredicate alive,
      TreeSet<Long> pids) {
    if (!Session.isNetbooks(labels)
        || !notebook.equals(labels.get(Session.LABEL_NOTEBOOK))
        || !PrefixedEngine.madeUnder(labels, prefix)) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(labels.getOrDefault(Session.LABEL_PID, ""));
    } catch (NumberFormatException e) {
      return false;
    }
    if (alive.test(pid)) {
      return false;
    }
    pids.add(pid);
    return true;
  }

  private static String count(List<String> names, String noun) {
    return names.size()
        + " "
        + noun
        + (names.size() == 1 ? "" : "s")
        + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
  }
}
