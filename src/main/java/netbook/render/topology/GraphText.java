package netbook.render.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Topology} as graph text for documents: Graphviz DOT and Mermaid flowcharts. Here a
 * container on two networks is one node with an edge to each bridge, labelled with its veth and
 * address.
 */
public final class GraphText {
  private GraphText() {}

  public static String dot(Topology t) {
    StringBuilder sb = new StringBuilder("graph netbook {\n");
    sb.append("  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n");
    sb.append("  host [label=\"").append(dotLabel(hostLines(t))).append("\"];\n");
    for (Topology.Bridge b : t.bridges()) {
      sb.append("  ").append(id("net", b.network())).append(" [label=\"");
      sb.append(dotLabel(List.of(b.title(), "network " + b.network(), b.subnet(), gw(b))));
      sb.append("\", style=\"rounded,filled\", fillcolor=\"#dbeafe\"];\n");
      sb.append("  host -- ").append(id("net", b.network())).append(";\n");
    }
    for (Topology.Node n : t.containers()) {
      sb.append("  ").append(id("c", n.name())).append(" [label=\"");
      sb.append(dotLabel(List.of(n.name(), mode(n)))).append("\"];\n");
      for (Topology.Link l : n.links()) {
        sb.append("  ").append(id("net", l.network())).append(" -- ").append(id("c", n.name()));
        sb.append(" [label=\"").append(dotLabel(List.of(l.veth(), l.ip()))).append("\"];\n");
      }
    }
    return sb.append("}\n").toString();
  }

  public static String mermaid(Topology t) {
    StringBuilder sb = new StringBuilder("flowchart TB\n");
    sb.append("  host[\"").append(mermaidLabel(hostLines(t))).append("\"]\n");
    for (Topology.Bridge b : t.bridges()) {
      sb.append("  ").append(id("net", b.network())).append("[\"");
      sb.append(mermaidLabel(List.of(b.title(), "network " + b.network(), b.subnet(), gw(b))));
      sb.append("\"]\n  host --- ").append(id("net", b.network())).append('\n');
    }
    for (Topology.Node n : t.containers()) {
      sb.append("  ").append(id("c", n.name())).append("[\"");
      sb.append(mermaidLabel(List.of(n.name(), mode(n)))).append("\"]\n");
      for (Topology.Link l : n.links()) {
        String label = (l.veth() + " " + l.ip()).strip();
        sb.append("  ").append(id("net", l.network())).append(" ---|\"");
        sb.append(mermaidLabel(List.of(label))).append("\"| ").append(id("c", n.name()));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static List<String> hostLines(Topology t) {
    List<String> lines = new ArrayList<>();
    lines.add("host");
    lines.add(t.uplink().toString());
    t.ports().forEach(p -> lines.add(p.toString()));
    return lines;
  }

  private static String gw(Topology.Bridge b) {
    return b.gateway().isEmpty() ? "" : "gw " + b.gateway();
  }

  private static String mode(Topology.Node n) {
    String m = n.onHost() ? "host network" : n.isolated() ? "network none" : "";
    if (!n.sharesWith().isEmpty()) {
      m = "shares " + n.sharesWith();
    }
    return n.running() ? m : (m + " " + n.state()).strip();
  }

  /** A graph-safe identifier: prefix and the name with anything but [A-Za-z0-9_] as _. */
  static String id(String prefix, String name) {
    return prefix + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static String dotLabel(List<String> lines) {
    return String.join(
        "\\n",
        lines.stream()
            .filter(s -> !s.isEmpty())
            .map(s -> s.replace("\\", "\\\\").replace("\"", "\\\""))
            .toList());
  }

  private static String mermaidLabel(List<String> lines) {
    return String.join(
        "<br/>",
        lines.stream().filter(s -> !s.isEmpty()).map(s -> s.replace("\"", "#quot;")).toList());
  }
}
