package netbook.render.topology;

/**
 * A {@link SwarmTopology} as graph text: Graphviz DOT with a cluster per node, and a Mermaid
 * flowchart with a subgraph per node; each overlay is one graph node joined to its containers.
 */
final class SwarmGraphText {
  private SwarmGraphText() {}

  static String dot(SwarmTopology s) {
    StringBuilder sb = new StringBuilder("graph netbook_swarm {\n");
    sb.append("  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n");
    for (SwarmTopology.Host h : s.hosts()) {
      sb.append("  subgraph ").append(GraphText.id("cluster", h.name())).append(" {\n");
      sb.append("    label=\"").append(esc(h.toString())).append("\";\n");
      for (Topology.Node n : h.topology().containers()) {
        sb.append("    ").append(GraphText.id("c_" + h.name(), n.name()));
        sb.append(" [label=\"").append(esc(n.name())).append("\"];\n");
      }
      sb.append("  }\n");
    }
    for (SwarmTopology.OverlayNet o : s.overlays()) {
      sb.append("  ").append(GraphText.id("ov", o.name())).append(" [label=\"");
      sb.append(esc(o.caption())).append("\", style=\"rounded,filled\", fillcolor=\"#dbeafe\"];\n");
      for (SwarmTopology.Member m : s.members(o.name())) {
        sb.append("  ").append(GraphText.id("ov", o.name())).append(" -- ");
        sb.append(GraphText.id("c_" + m.host(), m.container()));
        sb.append(" [label=\"").append(esc(m.ip())).append("\"];\n");
      }
    }
    return sb.append("}\n").toString();
  }

  static String mermaid(SwarmTopology s) {
    StringBuilder sb = new StringBuilder("flowchart TB\n");
    for (SwarmTopology.Host h : s.hosts()) {
      sb.append("  subgraph ").append(GraphText.id("node", h.name()));
      sb.append("[\"").append(merm(h.toString())).append("\"]\n");
      for (Topology.Node n : h.topology().containers()) {
        sb.append("    ").append(GraphText.id("c_" + h.name(), n.name()));
        sb.append("[\"").append(merm(n.name())).append("\"]\n");
      }
      sb.append("  end\n");
    }
    for (SwarmTopology.OverlayNet o : s.overlays()) {
      sb.append("  ").append(GraphText.id("ov", o.name()));
      sb.append("[\"").append(merm(o.caption())).append("\"]\n");
      for (SwarmTopology.Member m : s.members(o.name())) {
        sb.append("  ").append(GraphText.id("ov", o.name())).append(" ---|\"");
        sb.append(merm(m.ip())).append("\"| ");
        sb.append(GraphText.id("c_" + m.host(), m.container())).append('\n');
      }
    }
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String merm(String s) {
    return s.replace("\"", "#quot;");
  }
}
