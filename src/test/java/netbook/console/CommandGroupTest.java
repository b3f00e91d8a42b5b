package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.Test;

/** A command group typed alone: its usage line names the subcommands as docker's usage does. */
class CommandGroupTest {
  @Test
  void eachGroupNamesItsSubcommandsOnce() {
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(1))) {
      Session session = RealDocker.session(engine, new CopyOnWriteArrayList<>());
      DockerConsole console = DockerConsole.of(session);
      assertThat(console.run("docker container").output())
          .isEqualTo(
              "Usage: docker container COMMAND — netbook runs: run, ls, stop, start, restart,"
                  + " kill, rm, logs, exec, attach, inspect\n");
      assertThat(console.run("docker network").output())
          .isEqualTo(
              "Usage: docker network COMMAND — netbook runs: ls, create, inspect, rm, connect,"
                  + " disconnect, prune\n");
      assertThat(console.run("docker service").output())
          .isEqualTo("Usage: docker service COMMAND — netbook runs: create, ls, ps, scale, rm\n");
      assertThat(console.run("docker swarm").output())
          .isEqualTo("Usage: docker swarm COMMAND — netbook runs: init, join, leave\n");
      assertThat(console.run("docker node").output())
          .isEqualTo("Usage: docker node COMMAND — netbook runs: ls\n");
    }
  }
}
