package netbook.render.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Topology} for the terminal: the host box on top (uplink, published ports, the
 * containers sharing the host's stack), a spine down its left side, and one column per bridge — the
 * bridge box (device, network, subnet, gateway) with its containers hanging off it, each reached
 * through its veth. Columns sit side by side as far as the width allows (two at 80 columns) and
 * wrap into further rows below. Containers on {@code none} get a box of their own, joined to
 * nothing.
 */
public final class TerminalDiagram {
  static final int COLUMN = 37;
  static final int GAP = 2;
  private static final int SPINE = 1;
  private static final int LEFT = 3;

  private final int width;
  private final boolean unicode;

  /** {@code width} is the terminal's width; {@code unicode} false draws with {@code + - |}. */
  public TerminalDiagram(int width, boolean unicode) {
    this.width = width;
    this.unicode = unicode;
  }

  public String draw(Topology t) {
    int colWidth = Math.max(24, Math.min(COLUMN, width - LEFT));
    int perRow = Math.max(1, (width - LEFT + GAP) / (colWidth + GAP));
    List<Column> columns = columns(t);
    perRow = Math.min(perRow, Math.max(1, columns.size()));
    Canvas c = new Canvas(unicode);

    int hostWidth = LEFT + perRow * colWidth + (perRow - 1) * GAP;
    int y = hostBox(c, t, hostWidth);
    boolean spine = !columns.isEmpty();
    if (spine) {
      c.put(SPINE, y - 1, '┬');
    }
    List<List<Column>> rows = new ArrayList<>();
    for (int i = 0; i < columns.size(); i += perRow) {
      rows.add(columns.subList(i, Math.min(columns.size(), i + perRow)));
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Column> row = rows.get(r);
      boolean more = r < rows.size() - 1;
      int lastTrunk = -1;
      for (int i = 0; i < row.size(); i++) {
        if (row.get(i).joined()) {
          lastTrunk = LEFT + i * (colWidth + GAP) + 2;
        }
      }
      if (lastTrunk > 0) {
        c.put(SPINE, y, more ? '├' : '└');
        c.hline(SPINE + 1, lastTrunk, y);
        for (int i = 0; i < row.size(); i++) {
          int trunk = LEFT + i * (colWidth + GAP) + 2;
          if (row.get(i).joined()) {
            c.put(trunk, y, trunk == lastTrunk ? '┐' : '┬');
          }
        }
      } else if (more) {
        c.put(SPINE, y, '│');
      }
      int height = 0;
      for (int i = 0; i < row.size(); i++) {
        height = Math.max(height, row.get(i).draw(c, LEFT + i * (colWidth + GAP), y + 1, colWidth));
      }
      if (more) {
        c.vline(SPINE, y + 1, y + height + 1);
      }
      y += height + 2;
    }
    List<String> idle = idle(t);
    if (!idle.isEmpty()) {
      c.text(0, y, "not on any network (stopped): " + String.join(", ", idle), width);
    }
    return c.toString();
  }

  private int hostBox(Canvas c, Topology t, int w) {
    List<String> lines = new ArrayList<>();
    lines.add(t.uplink().toString());
    for (Topology.Port p : t.ports()) {
      lines.add("published  " + p);
    }
    List<String> onHost =
        t.containers().stream().filter(Topology.Node::onHost).map(Topology.Node::name).toList();
    if (!onHost.isEmpty()) {
      lines.add("host network: " + String.join(", ", onHost));
    }
    c.box(0, 0, w, lines.size() + 2, "host");
    for (int i = 0; i < lines.size(); i++) {
      c.text(2, i + 1, lines.get(i), w - 4);
    }
    return lines.size() + 2;
  }

  /** Containers with no address anywhere and no other mode: stopped ones, mostly. */
  private static List<String> idle(Topology t) {
    return t.containers().stream()
        .filter(n -> n.links().isEmpty() && !n.onHost() && !n.isolated())
        .filter(n -> n.sharesWith().isEmpty() || t.container(n.sharesWith()).isEmpty())
        .map(n -> n.running() ? n.name() : n.name() + " (" + n.state() + ")")
        .toList();
  }

  private static List<Column> columns(Topology t) {
    List<Column> out = new ArrayList<>();
    for (Topology.Bridge b : t.bridges()) {
      out.add(new BridgeColumn(t, b));
    }
    List<Topology.Node> isolated = t.containers().stream().filter(Topology.Node::isolated).toList();
    if (!isolated.isEmpty()) {
      out.add(new NoneColumn(isolated));
    }
    return out;
  }

  /** One column of the drawing; it draws itself and says how many lines it took. */
  private interface Column {
    boolean joined();

    int draw(Canvas c, int x, int y, int w);
  }

  private record BridgeColumn(Topology t, Topology.Bridge b) implements Column {
    @Override
    public boolean joined() {
      return true;
    }

    @Override
    public int draw(Canvas c, int x, int y, int w) {
      List<String> lines = new ArrayList<>();
      lines.add("network " + b.network() + (b.isDefault() ? " (default)" : ""));
      if (!b.driver().equals("bridge")) {
        lines.add("driver  " + b.driver());
      }
      if (!b.subnet().isEmpty()) {
        lines.add("subnet  " + b.subnet());
      }
      if (!b.gateway().isEmpty()) {
        lines.add("gateway " + b.gateway());
      }
      int trunk = x + 2;
      c.box(x, y, w, lines.size() + 2, b.title());
      c.put(trunk, y, '┴');
      for (int i = 0; i < lines.size(); i++) {
        c.text(x + 2, y + 1 + i, lines.get(i), w - 4);
      }
      int yy = y + lines.size() + 2;
      List<Topology.Node> nodes = t.on(b.network());
      if (nodes.isEmpty()) {
        c.text(x + 2, yy, "(no containers)", w - 2);
        return yy + 1 - y;
      }
      c.put(trunk, yy - 1, '┬');
      for (int k = 0; k < nodes.size(); k++) {
        Topology.Node n = nodes.get(k);
        Topology.Link link = n.link(b.network()).orElseThrow();
        boolean last = k == nodes.size() - 1;
        if (!link.veth().isEmpty()) {
          c.put(trunk, yy, '│');
          c.text(trunk + 2, yy, link.veth(), w - 4);
          yy++;
        }
        List<String> box = nodeLines(n, link);
        int bx = trunk + 2;
        c.box(bx, yy, w - (bx - x), box.size() + 2, "");
        for (int i = 0; i < box.size(); i++) {
          c.text(bx + 2, yy + 1 + i, box.get(i), w - (bx - x) - 4);
        }
        c.put(trunk, yy, '│');
        c.put(trunk, yy + 1, last ? '└' : '├');
        c.put(trunk + 1, yy + 1, '─');
        c.put(bx, yy + 1, '┤');
        if (!last) {
          c.vline(trunk, yy + 2, yy + box.size() + 1);
        }
        yy += box.size() + 2;
      }
      return yy - y;
    }

    private List<String> nodeLines(Topology.Node n, Topology.Link link) {
      List<String> lines = new ArrayList<>();
      lines.add(n.running() ? n.name() : n.name() + " · " + n.state());
      lines.add(link.cidr());
      for (Topology.Link other : n.links()) {
        if (!other.network().equals(link.network())) {
          lines.add("also on " + other.network() + " " + other.ip());
        }
      }
      for (Topology.Node s : t.containers()) {
        if (s.sharesWith().equals(n.name())) {
          lines.add("+ " + s.name() + " (shares this stack)");
        }
      }
      return lines;
    }
  }

  private record NoneColumn(List<Topology.Node> nodes) implements Column {
    @Override
    public boolean joined() {
      return false;
    }

    @Override
    public int draw(Canvas c, int x, int y, int w) {
      List<String> lines = new ArrayList<>();
      lines.add("network none");
      lines.add("loopback only, no veth");
      for (Topology.Node n : nodes) {
        lines.add("· " + n.name() + (n.running() ? "" : " (" + n.state() + ")"));
      }
      c.box(x, y, w, lines.size() + 2, "none");
      for (int i = 0; i < lines.size(); i++) {
        c.text(x + 2, y + 1 + i, lines.get(i), w - 4);
      }
      return lines.size() + 2;
    }
  }
}
