package netbook.render.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes the scenarios' SVGs to look at: -Dnetbook.svgSamples=DIR. */
class SvgSamplesTest {
  @Test
  @EnabledIfSystemProperty(named = "netbook.svgSamples", matches = ".+")
  void writeSamples() throws Exception {
    Path dir = Path.of(System.getProperty("netbook.svgSamples"));
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("default-bridge.svg"), SvgDiagram.render(Scenarios.defaultBridge()));
    Files.writeString(dir.resolve("my-bridge.svg"), SvgDiagram.render(Scenarios.myBridge()));
    Files.writeString(dir.resolve("two-networks.svg"), SvgDiagram.render(Scenarios.twoNetworks()));
    Files.writeString(dir.resolve("host-none.svg"), SvgDiagram.render(Scenarios.hostAndNone()));
  }
}
