package netbook.render.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link SwarmTopology} for the terminal: one box per node, side by side when the width
 * allows (three nodes fit in 80 columns), else stacked; in each, the node's address on the swarm's
 * bridge, its bridges (docker0, docker_gwbridge) and its containers with their addresses. Under the
 * nodes, one band per overlay spanning the nodes that have containers on it, captioned with its
 * subnet and VXLAN id, each container named under its node's column.
 */
public final class SwarmTerminalDiagram {
  static final int MIN_COLUMN = 24;
  static final int MAX_COLUMN = 36;
  static final int STACKED = 60;
  static final int GAP = 2;

  private final int width;
  private final boolean unicode;

  /** The bands' captions, written again over the lines down to later bands that cross them. */
  private final List<Runnable> captions = new ArrayList<>();

  /** {@code width} is the terminal's width; {@code unicode} false draws with {@code + - |}. */
  public SwarmTerminalDiagram(int width, boolean unicode) {
    this.width = width;
    this.unicode = unicode;
  }

  /** Whether {@code nodes} boxes fit side by side in {@code width} columns. */
  static boolean sideBySide(int nodes, int width) {
    return nodes * MIN_COLUMN + (nodes - 1) * GAP <= width;
  }

  public String draw(SwarmTopology s) {
    Canvas c = new Canvas(unicode);
    int n = s.hosts().size();
    if (n == 0) {
      return "a swarm without nodes\n";
    }
    boolean side = sideBySide(n, width);
    int w =
        side
            ? Math.min(MAX_COLUMN, (width - (n - 1) * GAP) / n)
            : Math.max(MIN_COLUMN, Math.min(STACKED, width));
    List<List<String>> heads = new ArrayList<>();
    List<List<Box>> boxes = new ArrayList<>();
    int height = 0;
    for (SwarmTopology.Host h : s.hosts()) {
      List<String> head = head(h, w - 4);
      List<Box> inner = containers(h, w - 8);
      heads.add(head);
      boxes.add(inner);
      height = Math.max(height, nodeHeight(head, inner));
    }
    int y = 0;
    for (int i = 0; i < n; i++) {
      int x = side ? i * (w + GAP) : 0;
      int h = side ? height : nodeHeight(heads.get(i), boxes.get(i));
      node(c, s.hosts().get(i), heads.get(i), boxes.get(i), x, y, w, h);
      if (!side) {
        y += h + 1;
      }
    }
    if (side) {
      y = height + 1;
    }
    List<Integer> tops = new ArrayList<>();
    for (SwarmTopology.OverlayNet o : s.overlays()) {
      tops.add(y);
      y = side ? bandAcross(c, s, o, y, w) : bandStacked(c, s, o, y, w);
    }
    if (side) {
      for (int k = 0; k < tops.size() && k < w - 8; k++) { // lines right of the texts
        for (int i = 0; i < n; i++) {
          if (!s.members(s.overlays().get(k).name(), s.hosts().get(i).name()).isEmpty()) {
            joint(c, i * (w + GAP) + w - 3 - k, height - 1, tops.get(k));
          }
        }
      }
    }
    captions.forEach(Runnable::run);
    return c.toString();
  }

  /** A line from a node's box down to its overlay's band, across the bands above it. */
  private static void joint(Canvas c, int x, int from, int to) {
    c.put(x, from, '┬');
    for (int y = from + 1; y < to; y++) {
      char at = c.at(x, y);
      if (at == '─') {
        c.put(x, y, '┼');
      } else if (at == ' ') {
        c.put(x, y, '│');
      }
    }
    c.put(x, to, '┴');
  }

  /** The node's own lines: its address on the swarm's bridge, then each bridge with its subnet. */
  private static List<String> head(SwarmTopology.Host h, int room) {
    List<String> lines = new ArrayList<>();
    if (!h.address().isEmpty()) {
      lines.add("eth0 " + h.address());
    }
    for (Topology.Bridge b : h.bridges()) {
      String one = b.title() + " " + b.subnet();
      if (one.length() <= room || b.subnet().isEmpty()) {
        lines.add(one.strip());
      } else {
        lines.add(b.title());
        lines.add("  " + b.subnet());
      }
    }
    return lines;
  }

  /** A container's box: its name, then its address on each network. */
  private record Box(List<String> lines) {}

  private static List<Box> containers(SwarmTopology.Host h, int room) {
    List<Box> out = new ArrayList<>();
    for (Topology.Node n : h.topology().containers()) {
      List<String> lines = new ArrayList<>();
      String name = SwarmTopology.label(n.name());
      lines.add(n.running() ? name : name + " · " + n.state());
      for (Topology.Link l : n.links()) {
        String one = l.network() + " " + l.cidr();
        if (one.length() <= room) {
          lines.add(one);
        } else {
          lines.add(l.network());
          lines.add("  " + l.cidr());
        }
      }
      if (n.links().isEmpty() && !n.mode().isEmpty() && !n.mode().equals("bridge")) {
        lines.add(n.mode());
      }
      out.add(new Box(lines));
    }
    return out;
  }

  private static int nodeHeight(List<String> head, List<Box> boxes) {
    int h = 2 + head.size();
    if (boxes.isEmpty()) {
      return h + 1;
    }
    for (Box b : boxes) {
      h += b.lines().size() + 2;
    }
    return h;
  }

  private void node(
      Canvas c,
      SwarmTopology.Host h,
      List<String> head,
      List<Box> boxes,
      int x,
      int y,
      int w,
      int height) {
    c.box(x, y, w, height, h.name() + (h.role().isEmpty() ? "" : " · " + h.role()));
    int yy = y + 1;
    for (String line : head) {
      c.text(x + 2, yy++, line, w - 4);
    }
    if (boxes.isEmpty()) {
      c.text(x + 2, yy, "(no containers)", w - 4);
      return;
    }
    for (Box b : boxes) {
      c.box(x + 2, yy, w - 4, b.lines().size() + 2, "");
      for (int i = 0; i < b.lines().size(); i++) {
        c.text(x + 4, yy + 1 + i, b.lines().get(i), w - 8);
      }
      yy += b.lines().size() + 2;
    }
  }

  /** The caption in one line when it fits, else the name and subnet above the VNI. */
  private static List<String> caption(SwarmTopology.OverlayNet o, int room) {
    if (o.caption().length() <= room) {
      return List.of(o.caption());
    }
    List<String> lines = new ArrayList<>();
    lines.add(o.name() + (o.subnet().isEmpty() ? "" : "  " + o.subnet()));
    if (!o.vni().isEmpty()) {
      lines.add("VXLAN VNI " + o.vni());
    }
    if (o.isIngress()) {
      lines.add("routing mesh");
    }
    return lines;
  }

  /** A band under the node columns it spans, each member written under its node. */
  private int bandAcross(Canvas c, SwarmTopology s, SwarmTopology.OverlayNet o, int y, int w) {
    int room = w - 4 - s.overlays().size(); // left of the lines down to the bands
    List<List<String>> cells = new ArrayList<>();
    int first = -1;
    int last = -1;
    int rows = 1;
    for (int i = 0; i < s.hosts().size(); i++) {
      List<String> cell = new ArrayList<>();
      for (SwarmTopology.Member m : s.members(o.name(), s.hosts().get(i).name())) {
        String one = SwarmTopology.label(m.container()) + " " + m.ip();
        if (one.length() <= room) {
          cell.add(one);
        } else {
          cell.add(SwarmTopology.label(m.container()));
          cell.add("  " + m.ip());
        }
      }
      cells.add(cell);
      if (!cell.isEmpty()) {
        first = first < 0 ? i : first;
        last = i;
        rows = Math.max(rows, cell.size());
      }
    }
    boolean empty = first < 0;
    if (empty) {
      first = 0;
      last = 0;
    }
    int x0 = first * (w + GAP);
    int bw = (last - first + 1) * w + (last - first) * GAP;
    List<String> cap = caption(o, bw - 4);
    c.box(x0, y, bw, cap.size() + rows + 2, "");
    for (int i = 0; i < cap.size(); i++) {
      String line = cap.get(i);
      int at = y + 1 + i;
      Runnable write = () -> c.text(x0 + 2, at, line, bw - 4);
      write.run();
      captions.add(write);
    }
    int top = y + 1 + cap.size();
    if (empty) {
      c.text(x0 + 2, top, "(no containers)", bw - 4);
    }
    for (int i = first; i <= last; i++) {
      for (int k = 0; k < cells.get(i).size(); k++) {
        c.text(i * (w + GAP) + 2, top + k, cells.get(i).get(k), room);
      }
    }
    return y + cap.size() + rows + 3;
  }

  /** A band under stacked nodes: the caption, then each member with its node. */
  private int bandStacked(Canvas c, SwarmTopology s, SwarmTopology.OverlayNet o, int y, int w) {
    List<String> lines = new ArrayList<>(caption(o, w - 4));
    List<SwarmTopology.Member> ms = s.members(o.name());
    List<String> spans =
        s.hosts().stream()
            .map(SwarmTopology.Host::name)
            .filter(h -> !s.members(o.name(), h).isEmpty())
            .toList();
    if (ms.isEmpty()) {
      lines.add("(no containers)");
    } else {
      lines.add("spans " + String.join(", ", spans));
    }
    for (SwarmTopology.Member m : ms) {
      lines.add("· " + SwarmTopology.label(m.container()) + " " + m.ip() + " on " + m.host());
    }
    c.box(0, y, w, lines.size() + 2, "");
    for (int i = 0; i < lines.size(); i++) {
      c.text(2, y + 1 + i, lines.get(i), w - 4);
    }
    return y + lines.size() + 3;
  }
}
