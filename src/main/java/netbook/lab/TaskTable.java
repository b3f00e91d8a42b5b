package netbook.lab;

import java.util.AbstractList;
import java.util.List;

/**
 * {@code service.tasks()}: the tasks a service means to run, a list to assert on and loop over,
 * printed as {@code docker service ps} prints them (with the address on the overlay).
 */
public final class TaskTable extends AbstractList<SwarmTask> {
  private static final List<String> HEADERS = List.of("NAME", "NODE", "IP", "STATE");

  private final List<SwarmTask> rows;

  TaskTable(List<SwarmTask> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The task in row {@code index} (from 0). */
  @Override
  public SwarmTask get(int index) {
    return rows.get(index);
  }

  /** How many tasks the table lists. */
  @Override
  public int size() {
    return rows.size();
  }

  /** The nodes the tasks run on, in the table's order. */
  public List<String> nodes() {
    return rows.stream().map(SwarmTask::node).toList();
  }

  /** The tasks' addresses on the overlay, in the table's order. */
  public List<String> ips() {
    return rows.stream().map(SwarmTask::ip).toList();
  }

  @Override
  public String toString() {
    int[] w = new int[HEADERS.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = HEADERS.get(i).length();
    }
    for (SwarmTask t : rows) {
      List<String> c = cells(t);
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.max(w[i], c.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, HEADERS, w);
    rows.forEach(t -> line(sb, cells(t), w));
    return sb.toString().stripTrailing();
  }

  private static List<String> cells(SwarmTask t) {
    return List.of(
        t.name(), t.node().isEmpty() ? "-" : t.node(), t.ip().isEmpty() ? "-" : t.ip(), t.state());
  }

  private static void line(StringBuilder sb, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      l.append(cells.get(i));
      if (i < cells.size() - 1) {
        l.append(" ".repeat(w[i] - cells.get(i).length() + 3));
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
