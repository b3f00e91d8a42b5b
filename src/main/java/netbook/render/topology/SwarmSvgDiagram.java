package netbook.render.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link SwarmTopology} as a standalone SVG (no external references): the nodes side by
 * side, each with its address, bridges and containers; under them one coloured band per overlay
 * spanning the nodes with containers on it, captioned with its subnet and VXLAN id. Each container
 * on an overlay is joined to its band by a line of the band's colour, down the gap beside its node.
 */
public final class SwarmSvgDiagram {
  private static final int COL = 300;
  private static final int GAP = 48;
  private static final int LANE = 9;
  private static final int MARGIN = 20;
  private static final int LINE = 18;
  private static final String[] TINTS = {"#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe"};
  private static final String[] INKS = {"#1d4ed8", "#15803d", "#b45309", "#be185d", "#6d28d9"};

  private final StringBuilder body = new StringBuilder();
  private final StringBuilder wires = new StringBuilder();

  public static String render(SwarmTopology s) {
    return new SwarmSvgDiagram().draw(s);
  }

  private static int colX(int i) {
    return MARGIN + i * (COL + GAP);
  }

  private String draw(SwarmTopology s) {
    int n = Math.max(1, s.hosts().size());
    int width = 2 * MARGIN + n * COL + n * GAP;
    List<String> overlayNames = s.overlays().stream().map(SwarmTopology.OverlayNet::name).toList();
    int nodeH = 0;
    for (SwarmTopology.Host h : s.hosts()) {
      nodeH = Math.max(nodeH, nodeHeight(h));
    }
    int top = MARGIN + 26;
    // where each overlay's wires start: {column, y} per member, drawn once the bands are placed
    List<List<int[]>> starts = new ArrayList<>();
    overlayNames.forEach(o -> starts.add(new ArrayList<>()));
    for (int i = 0; i < s.hosts().size(); i++) {
      node(s.hosts().get(i), colX(i), top, nodeH, overlayNames, starts, i);
    }
    int y = top + nodeH + 36;
    for (int k = 0; k < s.overlays().size(); k++) {
      y = band(s, s.overlays().get(k), k, y, starts.get(k));
    }
    int height = y + MARGIN - 16;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-size=\"13\">%n",
            width,
            height,
            width,
            height)
        + "<title>netbook: the swarm's nodes and overlay networks</title>\n"
        + "<style>\n"
        + "  .title { font: bold 15px sans-serif; }\n"
        + "  .name { font: bold 14px sans-serif; }\n"
        + "  .mono { font: 13px monospace; }\n"
        + "  .small { font: 12px monospace; }\n"
        + "  .note { font: italic 12px sans-serif; }\n"
        + "</style>\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        + String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"note\" fill=\"#4b5563\">%s</text>%n",
            MARGIN,
            MARGIN + 8,
            SvgDiagram.escape(
                "Docker Swarm: "
                    + s.hosts().size()
                    + " nodes; overlays carry container traffic between nodes in VXLAN"))
        + body
        + wires
        + "</svg>\n";
  }

  private static List<String> head(SwarmTopology.Host h) {
    List<String> lines = new ArrayList<>();
    if (!h.address().isEmpty()) {
      lines.add("eth0 " + h.address());
    }
    for (Topology.Bridge b : h.bridges()) {
      lines.add((b.title() + " " + b.subnet()).strip());
    }
    return lines;
  }

  private static int nodeHeight(SwarmTopology.Host h) {
    int y = 34 + head(h).size() * LINE + 10;
    List<Topology.Node> cs = h.topology().containers();
    if (cs.isEmpty()) {
      return y + 28;
    }
    for (Topology.Node c : cs) {
      y += 30 + c.links().size() * LINE + 10;
    }
    return y + 4;
  }

  private void node(
      SwarmTopology.Host h,
      int x,
      int y,
      int height,
      List<String> overlays,
      List<List<int[]>> starts,
      int column) {
    box(x, y, COL, height, "#f9fafb", "#374151", false);
    text(x + 12, y + 22, h.name() + (h.role().isEmpty() ? "" : " · " + h.role()), "title", "#111");
    List<String> head = head(h);
    for (int i = 0; i < head.size(); i++) {
      text(x + 12, y + 22 + (i + 1) * LINE, head.get(i), "mono", "#374151");
    }
    int yy = y + 34 + head.size() * LINE + 10;
    List<Topology.Node> cs = h.topology().containers();
    if (cs.isEmpty()) {
      text(x + 12, yy + 10, "(no containers)", "note", "#6b7280");
    }
    int bw = COL - 24;
    for (Topology.Node c : cs) {
      int bh = 30 + c.links().size() * LINE;
      box(x + 12, yy, bw, bh, "#ffffff", "#6b7280", !c.running());
      text(
          x + 22,
          yy + 20,
          SwarmTopology.label(c.name()) + (c.running() ? "" : " · " + c.state()),
          "name",
          "#111827");
      for (int i = 0; i < c.links().size(); i++) {
        Topology.Link l = c.links().get(i);
        int k = overlays.indexOf(l.network());
        String ink = k < 0 ? "#111827" : INKS[k % INKS.length];
        int ly = yy + 20 + (i + 1) * LINE;
        text(x + 22, ly, l.network() + " " + l.cidr(), "small", ink);
        if (k >= 0) {
          starts.get(k).add(new int[] {column, ly - 4, x + 12 + bw});
        }
      }
      yy += bh + 10;
    }
  }

  /** One overlay's band under the columns it spans; returns the y below it. */
  private int band(SwarmTopology s, SwarmTopology.OverlayNet o, int k, int y, List<int[]> starts) {
    String tint = TINTS[k % TINTS.length];
    String ink = INKS[k % INKS.length];
    int first = -1;
    int last = -1;
    int rows = 1;
    for (int i = 0; i < s.hosts().size(); i++) {
      int m = s.members(o.name(), s.hosts().get(i).name()).size();
      if (m > 0) {
        first = first < 0 ? i : first;
        last = i;
        rows = Math.max(rows, m);
      }
    }
    boolean empty = first < 0;
    if (empty) {
      first = 0;
      last = 0;
    }
    int x0 = colX(first) - 10;
    int x1 = colX(last) + COL + 8 + LANE * (s.overlays().size() + 1);
    int h = 34 + rows * LINE + 6;
    box(x0, y, x1 - x0, h, tint, ink, o.isIngress());
    text(x0 + 12, y + 22, o.caption(), "title", ink, (x1 - x0 - 24) / 8);
    if (empty) {
      text(x0 + 12, y + 22 + LINE, "(no containers)", "note", "#6b7280");
    }
    for (int i = first; i <= last && !empty; i++) {
      List<SwarmTopology.Member> ms = s.members(o.name(), s.hosts().get(i).name());
      for (int m = 0; m < ms.size(); m++) {
        String t = SwarmTopology.label(ms.get(m).container()) + " " + ms.get(m).ip();
        text(colX(i) + 12, y + 22 + (m + 1) * LINE, t, "small", "#111827");
      }
    }
    for (int[] st : starts) {
      int lane = colX(st[0]) + COL + 8 + LANE * (k + 1);
      wire(st[2], st[1], lane, st[1], ink);
      wire(lane, st[1], lane, y, ink);
      wires.append(
          String.format(
              Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>%n", lane, y, ink));
    }
    return y + h + 16;
  }

  private void box(int x, int y, int w, int h, String fill, String stroke, boolean dashed) {
    body.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"%s\" stroke=\"%s\""
                + " stroke-width=\"1.5\"%s/>%n",
            x,
            y,
            w,
            h,
            fill,
            stroke,
            dashed ? " stroke-dasharray=\"6 4\"" : ""));
  }

  private void wire(int x1, int y1, int x2, int y2, String stroke) {
    wires.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
            x1,
            y1,
            x2,
            y2,
            stroke));
  }

  private void text(int x, int y, String s, String cls, String fill) {
    text(x, y, s, cls, fill, 36);
  }

  private void text(int x, int y, String s, String cls, String fill, int max) {
    String t = s.length() > max ? s.substring(0, max - 1) + "…" : s;
    body.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"%s\" fill=\"%s\">%s</text>%n",
            x,
            y,
            cls,
            fill,
            SvgDiagram.escape(t)));
  }
}
