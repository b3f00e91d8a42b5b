package netbook.render.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netbook.NetbookException;

/**
 * {@code diagram()}: a snapshot of the network drawn for the terminal (its {@code toString}, so
 * JShell prints the picture), and on request as SVG, ASCII, Graphviz DOT or Mermaid.
 *
 * <pre>
 * diagram()                     // the drawing, in the terminal's width
 * diagram().svg("net.svg")      // writes a standalone SVG, returns its path
 * diagram().ascii()             // the same drawing in + - | only
 * diagram().width(120)          // side by side as far as 120 columns allow
 * swarm(3).diagram()            // the swarm's nodes side by side, the overlays under them
 * </pre>
 *
 * <p>{@code swarm} is null for one host; for a swarm, {@code topology} is the manager's.
 */
public record Diagram(Topology topology, int width, boolean unicode, SwarmTopology swarm) {
  private static final int DEFAULT_WIDTH = 80;

  /** One host's diagram. */
  public Diagram(Topology topology, int width, boolean unicode) {
    this(topology, width, unicode, null);
  }

  /** A swarm's diagram: its nodes side by side and the overlays spanning them. */
  public static Diagram of(SwarmTopology swarm) {
    Topology manager =
        swarm.hosts().isEmpty()
            ? new Topology(null, java.util.List.of(), java.util.List.of())
            : swarm.hosts().get(0).topology();
    return new Diagram(manager, DEFAULT_WIDTH, true, swarm);
  }

  /** Whether this draws a swarm (several hosts) rather than one host. */
  public boolean isSwarm() {
    return swarm != null;
  }

  /**
   * The drawing in 80 columns with Unicode box drawing ({@link #width} and {@link #ascii} vary it).
   */
  public static Diagram of(Topology topology) {
    return new Diagram(topology, DEFAULT_WIDTH, true);
  }

  /** The same diagram drawn for a terminal {@code columns} wide. */
  public Diagram width(int columns) {
    return new Diagram(topology, columns, unicode, swarm);
  }

  /** The terminal drawing in ASCII: {@code + - |} only. */
  public String ascii() {
    return isSwarm()
        ? new SwarmTerminalDiagram(width, false).draw(swarm)
        : new TerminalDiagram(width, false).draw(topology);
  }

  /** The standalone SVG document. */
  public String svgText() {
    return isSwarm() ? SwarmSvgDiagram.render(swarm) : SvgDiagram.render(topology);
  }

  /** Writes the SVG to {@code path} (parent folders made) and returns where it went. */
  public Path svg(String path) {
    Path p = Path.of(path).toAbsolutePath();
    try {
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Files.writeString(p, svgText());
    } catch (IOException e) {
      throw new NetbookException(
          "could not write the diagram to "
              + path
              + ": "
              + netbook.Problems.io(e)
              + "; choose a writable place, like :diagram --svg /tmp/net.svg",
          e);
    }
    return p;
  }

  /** The diagram in Graphviz's DOT language ({@code dot -Tsvg}). */
  public String dot() {
    return isSwarm() ? SwarmGraphText.dot(swarm) : GraphText.dot(topology);
  }

  /** The diagram as a Mermaid flowchart (for Markdown that renders Mermaid). */
  public String mermaid() {
    return isSwarm() ? SwarmGraphText.mermaid(swarm) : GraphText.mermaid(topology);
  }

  /** The drawing alone, without the caption line. */
  public String drawing() {
    return isSwarm()
        ? new SwarmTerminalDiagram(width, unicode).draw(swarm)
        : new TerminalDiagram(width, unicode).draw(topology);
  }

  /**
   * A caption line, then the drawing: the caption takes the place JShell prefixes with {@code $1
   * ==>}, so the boxes below stay aligned.
   */
  @Override
  public String toString() {
    if (isSwarm()) {
      return swarmCaption() + "\n" + drawing();
    }
    long bridges = topology.bridges().size();
    long running = topology.containers().stream().filter(Topology.Node::running).count();
    return "network topology: "
        + bridges
        + (bridges == 1 ? " network, " : " networks, ")
        + running
        + (running == 1 ? " running container" : " running containers")
        + "\n"
        + drawing();
  }

  private String swarmCaption() {
    int nodes = swarm.hosts().size();
    int overlays = swarm.overlays().size();
    long running = swarm.runningContainers();
    return "swarm of "
        + nodes
        + (nodes == 1 ? " node, " : " nodes, ")
        + overlays
        + (overlays == 1 ? " overlay network, " : " overlay networks, ")
        + running
        + (running == 1 ? " running container" : " running containers");
  }
}
