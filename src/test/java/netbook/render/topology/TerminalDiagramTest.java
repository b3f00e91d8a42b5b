package netbook.render.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Golden drawings of the chapter's scenarios. To accept a changed drawing, run with
 * -Dnetbook.updateGoldens=true and read the files under src/test/resources/topology.
 */
class TerminalDiagramTest {

  @Test
  void defaultBridgeWithTwoContainers() {
    assertGolden(
        "default-bridge.txt", new TerminalDiagram(80, true).draw(Scenarios.defaultBridge()));
  }

  @Test
  void myBridgeBesideDocker0() {
    assertGolden("my-bridge.txt", new TerminalDiagram(80, true).draw(Scenarios.myBridge()));
  }

  @Test
  void containerOnTwoNetworks() {
    assertGolden("two-networks.txt", new TerminalDiagram(80, true).draw(Scenarios.twoNetworks()));
  }

  @Test
  void hostAndNoneAndAPublishedPort() {
    assertGolden("host-none.txt", new TerminalDiagram(80, true).draw(Scenarios.hostAndNone()));
  }

  @Test
  void asciiFallbackUsesNoBoxDrawing() {
    String ascii = new TerminalDiagram(80, false).draw(Scenarios.hostAndNone());
    assertGolden("host-none-ascii.txt", ascii);
    assertThat(ascii.chars()).allMatch(c -> c < 128);
    assertThat(ascii).contains("host:8080 -> web:80");
  }

  @Test
  void everyScenarioFitsEightyColumns() {
    for (Topology t :
        new Topology[] {
          Scenarios.defaultBridge(),
          Scenarios.myBridge(),
          Scenarios.twoNetworks(),
          Scenarios.hostAndNone()
        }) {
      assertThat(new TerminalDiagram(80, true).draw(t).lines()).allMatch(l -> l.length() <= 80);
    }
  }

  @Test
  void narrowTerminalStacksTheBridgesUnderOneSpine() {
    String drawing = new TerminalDiagram(60, true).draw(Scenarios.myBridge());
    assertGolden("my-bridge-narrow.txt", drawing);
    assertThat(drawing.lines()).allMatch(l -> l.length() <= 60);
  }

  @Test
  void wideTerminalPutsThreeBridgesSideBySide() {
    Topology t =
        Scenarios.base()
            .network("my_bridge", Scenarios.MY_BRIDGE_ID, "172.18.0.0/16", "172.18.0.1")
            .network("other", "1234567890ab" + "f".repeat(52), "172.19.0.0/16", "172.19.0.1")
            .container("c1", "bridge", "bridge 172.17.0.2 veth0000001")
            .container("c2", "my_bridge", "my_bridge 172.18.0.2 veth0000002")
            .container("c3", "other", "other 172.19.0.2 veth0000003")
            .topology();
    String wide = new TerminalDiagram(120, true).draw(t);
    assertThat(wide.lines().filter(l -> l.contains("docker0")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("br-97ac278b6d1a").contains("br-1234567890ab"));
    assertThat(wide.lines()).allMatch(l -> l.length() <= 120);
  }

  @Test
  void stoppedContainersAreNamedBelowThePicture() {
    Topology t = Scenarios.base().container("sleepy", "bridge").topology();
    assertThat(new TerminalDiagram(80, true).draw(t))
        .contains("not on any network (stopped): sleepy");
  }

  static void assertGolden(String name, String actual) {
    Path file = Path.of("src/test/resources/topology", name);
    if (Boolean.getBoolean("netbook.updateGoldens")) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return;
    }
    try (InputStream in = TerminalDiagramTest.class.getResourceAsStream("/topology/" + name)) {
      assertThat(in).as("golden file " + file).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
