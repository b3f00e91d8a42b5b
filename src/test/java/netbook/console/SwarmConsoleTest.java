package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.engine.docker.TestEngines;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.Test;

/** The console on a swarm (embedded): -H NODE, swarm lines on the manager, docker swarm leave. */
class SwarmConsoleTest {
  @Test
  void swarmLinesGoToTheManager_HNodeToThatNode_andLeaveNeedsForceOnAManager() {
    try (Engine engine = TestEngines.embedded()) {
      Session session = RealDocker.session(engine, new CopyOnWriteArrayList<>());
      Lab.Binding binding = Lab.bind(session);
      try {
        Lab.swarm(2);
        DockerConsole console = DockerConsole.of(session);
        assertThat(console.run("docker node ls").output()).contains("node1", "node2", "Leader");
        CommandResult refused = console.run("docker swarm leave");
        assertThat(refused.ok()).isFalse();
        assertThat(refused.output()).contains("participating as a manager", "--force");
        CommandResult left = console.run("docker -H node2 swarm leave");
        assertThat(left.output()).as(left.toString()).isEqualTo("Node left the swarm.\n");
        assertThat(console.run("docker -H node2 node ls").output()).contains("not a swarm manager");
        assertThat(console.run("docker -H node7 ps").output()).contains("no node node7");
      } finally {
        session.cleanup();
        binding.close();
      }
    }
  }
}
