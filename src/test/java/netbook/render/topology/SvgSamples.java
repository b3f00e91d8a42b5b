package netbook.render.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool, not a test: writes the hand-made scenarios' diagrams ({@link Scenarios}) as SVG files to
 * look at, or to turn into the PNGs under docs/topology. Run by {@code docs/topology/render-samples
 * [DIR]}, which also converts them to PNG; here it takes the directory as its one argument (default
 * target/topology-samples) and prints each file it wrote.
 */
public final class SvgSamples {
  private SvgSamples() {}

  /** The samples by file name (without .svg), in the order they are written. */
  static Map<String, Topology> samples() {
    Map<String, Topology> m = new LinkedHashMap<>();
    m.put("default-bridge", Scenarios.defaultBridge());
    m.put("my-bridge", Scenarios.myBridge());
    m.put("two-networks", Scenarios.twoNetworks());
    m.put("host-none", Scenarios.hostAndNone());
    return m;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/topology-samples");
    Files.createDirectories(dir);
    for (Map.Entry<String, Topology> e : samples().entrySet()) {
      Path file = dir.resolve(e.getKey() + ".svg");
      Files.writeString(file, SvgDiagram.render(e.getValue()));
      System.out.println(file);
    }
    for (Map.Entry<String, SwarmTopology> e : swarms().entrySet()) {
      Path file = dir.resolve(e.getKey() + ".svg");
      Files.writeString(file, SwarmSvgDiagram.render(e.getValue()));
      System.out.println(file);
    }
  }

  /** The swarm samples: the lesson, and two overlays with a published service on ingress. */
  static Map<String, SwarmTopology> swarms() {
    Map<String, SwarmTopology> m = new LinkedHashMap<>();
    m.put("swarm-overlay", SwarmDiagramTest.lesson());
    m.put("swarm-two-overlays-ingress", SwarmDiagramTest.busy());
    return m;
  }
}
