package netbook.notebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.lab.Session;

/**
 * What each cell created in this session (its containers and networks, netbook's helpers aside), so
 * that step mode can run a cell again: going back to a cell that made {@code container_1} removes
 * it first, where running the cell anew would fail on a name this session holds.
 */
final class CellCreations {
  /** A container or network a cell made. */
  record Made(boolean network, String id, String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final Session session;
  private final Map<Integer, List<Made>> byCell = new HashMap<>();

  CellCreations(Session session) {
    this.session = session;
  }

  /** The ids of this session's containers and networks now: what a cell's run is compared with. */
  Set<String> snapshot() {
    Set<String> ids = new LinkedHashSet<>();
    try {
      for (Made m : mine()) {
        ids.add(m.id());
      }
    } catch (NetbookException e) {
      // no engine to ask: nothing to track
    }
    return ids;
  }

  /** Records what the cell made since {@code before}. */
  void record(int cell, Set<String> before) {
    List<Made> made = new ArrayList<>();
    try {
      for (Made m : mine()) {
        if (!before.contains(m.id())) {
          made.add(m);
        }
      }
    } catch (NetbookException e) {
      return;
    }
    byCell.put(cell, made);
  }

  /**
   * Before a cell runs again: removes what it made last time and still exists; returns the line
   * that says so ("re-running cell 3: replacing container_1 and my_bridge it created"), or "".
   */
  String replace(int cell) {
    List<Made> made = byCell.remove(cell);
    if (made == null || made.isEmpty()) {
      return "";
    }
    Set<String> present = snapshot();
    List<Made> gone = new ArrayList<>();
    for (Made m : made) {
      if (!m.network() && present.contains(m.id())) {
        session.removeQuietly(m.id());
        gone.add(m);
      }
    }
    for (Made m : made) {
      if (m.network() && present.contains(m.id())) {
        removeNetwork(m.id());
        gone.add(m);
      }
    }
    if (gone.isEmpty()) {
      return "";
    }
    List<String> names = gone.stream().map(Made::name).toList();
    String list =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " and "
                + names.get(names.size() - 1);
    return "re-running cell " + cell + ": replacing " + list + " it created";
  }

  private void removeNetwork(String id) {
    try {
      // netbook's helpers on it (its ping and curl) go with it
      for (ContainerInfo c : session.engine().containers(true)) {
        if (session.owns(c.labels())
            && "helper".equals(c.labels().get(Session.LABEL_ROLE))
            && c.endpoints().stream().anyMatch(e -> id.equals(e.networkId()))) {
          session.removeQuietly(c.id());
        }
      }
      session.engine().removeNetwork(id);
    } catch (EngineException e) {
      // still in use by a container of another cell: the cell's run says what Docker says
    }
  }

  private List<Made> mine() {
    List<Made> out = new ArrayList<>();
    for (ContainerInfo c : session.engine().containers(true)) {
      if (session.owns(c.labels()) && !"helper".equals(c.labels().get(Session.LABEL_ROLE))) {
        String name = c.name().startsWith("/") ? c.name().substring(1) : c.name();
        out.add(new Made(false, c.id(), name));
      }
    }
    for (NetworkInfo n : session.engine().networks()) {
      if (session.owns(n.labels())) {
        out.add(new Made(true, n.id(), n.name()));
      }
    }
    return out;
  }
}
