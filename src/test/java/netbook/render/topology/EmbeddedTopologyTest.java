package netbook.render.topology;

import static netbook.lab.Lab.diagram;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.lab.Lab.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Lab;
import netbook.lab.Network;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;

/** The chapter's steps on the embedded engine with a fixed seed: the live snapshot, drawn. */
class EmbeddedTopologyTest {

  @Test
  void chapterStepsOnTheEmbeddedEngine() {
    Engine engine = DockerEngines.embedded(OptionalLong.of(42));
    Session session =
        new Session(
            engine, new SessionConfig("tseed42", true, 1, "", null, Duration.ofSeconds(10)));
    Lab.Binding bound = Lab.bind(session);
    try (engine) {
      Topology empty = Topology.snapshot(engine);
      TopologyChanges changes = new TopologyChanges(engine);
      run("ubuntu", name("container_1"));
      run("ubuntu", name("container_2"));
      Topology defaultBridge = Topology.snapshot(engine);
      assertThat(changes.next(engine).lines()).hasSize(2);
      assertThat(changes.next(engine).isEmpty()).isTrue();
      Network myBridge = net("my_bridge");
      myBridge.run("ubuntu", name("container_a"));
      myBridge.run("ubuntu", name("container_b"));

      Diagram d = diagram().width(80);
      TerminalDiagramTest.assertGolden("embedded-my-bridge.txt", d.drawing());
      assertThat(d.toString()).startsWith("network topology: 2 networks, 4 running containers\n┌");
      assertThat(d.toString())
          .contains("br-" + myBridge.id().substring(0, 12))
          .contains("172.18.0.2/16")
          .contains("172.18.0.3/16");
      assertThat(TopologyDiff.between(empty, defaultBridge).lines())
          .containsExactly(
              "+ container_1 joined bridge as 172.17.0.2",
              "+ container_2 joined bridge as 172.17.0.3");
      assertThat(TopologyDiff.between(defaultBridge, d.topology()).lines())
          .containsExactly(
              "+ network my_bridge 172.18.0.0/16",
              "+ container_a joined my_bridge as 172.18.0.2",
              "+ container_b joined my_bridge as 172.18.0.3");
      assertThat(LiveTopology.drawing(engine, 80, false)).isEqualTo(d.ascii());
      assertThat(changes.next(engine).lines())
          .containsExactly(
              "+ network my_bridge 172.18.0.0/16",
              "+ container_a joined my_bridge as 172.18.0.2",
              "+ container_b joined my_bridge as 172.18.0.3");
      session.cleanup();
      assertThat(changes.next(engine).lines())
          .contains("- container_1 left bridge (removed)", "- network my_bridge");
    } finally {
      bound.close();
    }
  }
}
