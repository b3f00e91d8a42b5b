package netbook.render.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Topology} as a standalone SVG a browser opens: the host box across the top with
 * its uplink and published ports, a row of bridge boxes below it (each joined to the host by a
 * line), and under each bridge its containers, each reached by a line labelled with its veth. A
 * container on several networks appears under each, with the same colour and a note of the others.
 * Containers on {@code none} sit in a box joined to nothing.
 */
public final class SvgDiagram {
  private static final int COL = 340;
  private static final int GAP = 40;
  private static final int MARGIN = 20;
  private static final int LINE = 18;
  private static final int CHARS = 40;
  private static final String[] TINTS = {
    "#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe", "#cffafe", "#fee2e2", "#e0e7ff"
  };
  private static final String[] INKS = {
    "#1d4ed8", "#15803d", "#b45309", "#be185d", "#6d28d9", "#0e7490", "#b91c1c", "#4338ca"
  };

  private final StringBuilder body = new StringBuilder();

  public static String render(Topology t) {
    return new SvgDiagram().draw(t);
  }

  private String draw(Topology t) {
    List<Topology.Bridge> bridges = t.bridges();
    List<Topology.Node> isolated = t.containers().stream().filter(Topology.Node::isolated).toList();
    int cols = Math.max(1, bridges.size() + (isolated.isEmpty() ? 0 : 1));
    int width = 2 * MARGIN + cols * COL + (cols - 1) * GAP;

    List<String> hostLines = new ArrayList<>();
    hostLines.add(t.uplink().toString());
    for (Topology.Port p : t.ports()) {
      hostLines.add("published " + p);
    }
    List<String> onHost =
        t.containers().stream().filter(Topology.Node::onHost).map(Topology.Node::name).toList();
    if (!onHost.isEmpty()) {
      hostLines.add("host network: " + String.join(", ", onHost));
    }
    int hostH = 34 + hostLines.size() * LINE;
    int hostW = width - 2 * MARGIN;
    box(MARGIN, MARGIN, hostW, hostH, "#f3f4f6", "#374151", false);
    text(MARGIN + 12, MARGIN + 22, "host", "title", "#111827");
    for (int i = 0; i < hostLines.size(); i++) {
      text(MARGIN + 12, MARGIN + 22 + (i + 1) * LINE, hostLines.get(i), "mono", "#111827", 90);
    }

    int bridgeY = MARGIN + hostH + 50;
    int bottom = bridgeY;
    for (int i = 0; i < bridges.size(); i++) {
      int x = MARGIN + i * (COL + GAP);
      int cx = x + COL / 2;
      line(cx, MARGIN + hostH, cx, bridgeY, "#374151", false);
      bottom = Math.max(bottom, bridge(t, bridges.get(i), x, bridgeY, i));
    }
    if (!isolated.isEmpty()) {
      int x = MARGIN + bridges.size() * (COL + GAP);
      List<String> lines = new ArrayList<>();
      lines.add("loopback only, no veth");
      isolated.forEach(n -> lines.add(n.name() + (n.running() ? "" : " (" + n.state() + ")")));
      int h = 34 + lines.size() * LINE;
      box(x, bridgeY, COL, h, "#ffffff", "#6b7280", true);
      text(x + 12, bridgeY + 22, "network none", "title", "#374151");
      for (int k = 0; k < lines.size(); k++) {
        text(x + 12, bridgeY + 22 + (k + 1) * LINE, lines.get(k), "mono", "#374151");
      }
      bottom = Math.max(bottom, bridgeY + h);
    }
    int height = bottom + MARGIN;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-size=\"13\">%n",
            width,
            height,
            width,
            height)
        + "<title>netbook: the network as the engine reports it</title>\n"
        + "<style>\n"
        + "  .title { font: bold 15px sans-serif; }\n"
        + "  .name { font: bold 14px sans-serif; }\n"
        + "  .mono { font: 13px monospace; }\n"
        + "  .small { font: 12px monospace; }\n"
        + "  .note { font: italic 12px sans-serif; }\n"
        + "  .veth { font: 11px monospace; }\n"
        + "</style>\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        + body
        + "</svg>\n";
  }

  /** Draws one bridge column; returns its bottom y. */
  private int bridge(Topology t, Topology.Bridge b, int x, int y, int index) {
    String tint = TINTS[index % TINTS.length];
    String ink = INKS[index % INKS.length];
    List<String> lines = new ArrayList<>();
    lines.add("network " + b.network() + (b.isDefault() ? " (default)" : ""));
    if (!b.subnet().isEmpty()) {
      lines.add("subnet  " + b.subnet());
    }
    if (!b.gateway().isEmpty()) {
      lines.add("gateway " + b.gateway());
    }
    int h = 34 + lines.size() * LINE;
    box(x, y, COL, h, tint, ink, false);
    text(
        x + 12,
        y + 22,
        b.title() + (b.device().isEmpty() ? " (" + b.driver() + ")" : ""),
        "title",
        ink);
    for (int i = 0; i < lines.size(); i++) {
      text(x + 12, y + 22 + (i + 1) * LINE, lines.get(i), "mono", "#111827");
    }
    int yy = y + h + 30;
    List<Topology.Node> nodes = t.on(b.network());
    if (nodes.isEmpty()) {
      text(x + 12, yy - 8, "(no containers)", "note", "#6b7280");
      return yy;
    }
    int trunk = x + 24;
    int lastMid = yy;
    for (Topology.Node n : nodes) {
      Topology.Link link = n.link(b.network()).orElseThrow();
      List<String> rows = new ArrayList<>();
      rows.add(link.cidr());
      for (Topology.Link other : n.links()) {
        if (!other.network().equals(b.network())) {
          rows.add("also on " + other.network() + " " + other.ip());
        }
      }
      for (Topology.Node s : t.containers()) {
        if (s.sharesWith().equals(n.name())) {
          rows.add("+ " + s.name() + " shares this stack");
        }
      }
      int bx = x + 112;
      int bw = COL - 112;
      int bh = 32 + rows.size() * LINE;
      int mid = yy + 18;
      boolean multi = n.links().size() > 1;
      line(trunk, mid, bx, mid, ink, false);
      if (!link.veth().isEmpty()) {
        text(trunk + 4, mid - 5, link.veth(), "veth", "#4b5563", 12);
      }
      box(bx, yy, bw, bh, multi ? tintOf(t, n) : "#ffffff", ink, !n.running());
      text(
          bx + 10,
          yy + 20,
          n.name() + (n.running() ? "" : " · " + n.state()),
          "name",
          "#111827",
          24);
      for (int i = 0; i < rows.size(); i++) {
        text(bx + 10, yy + 20 + (i + 1) * LINE, rows.get(i), "small", "#111827", 30);
      }
      lastMid = mid;
      yy += bh + 16;
    }
    line(trunk, y + h, trunk, lastMid, ink, false);
    return yy;
  }

  /** A multi-homed container's own pale fill, the same under every bridge it is on. */
  private static String tintOf(Topology t, Topology.Node n) {
    List<Topology.Node> multi = t.containers().stream().filter(c -> c.links().size() > 1).toList();
    int i = multi.indexOf(n);
    return new String[] {"#fefce8", "#f0fdf4", "#fdf2f8", "#f5f3ff"}[Math.max(0, i) % 4];
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

  private void line(int x1, int y1, int x2, int y2, String stroke, boolean dashed) {
    body.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
            x1,
            y1,
            x2,
            y2,
            stroke,
            dashed ? " stroke-dasharray=\"6 4\"" : ""));
  }

  private void text(int x, int y, String s, String cls, String fill) {
    text(x, y, s, cls, fill, CHARS);
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
            escape(t)));
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
