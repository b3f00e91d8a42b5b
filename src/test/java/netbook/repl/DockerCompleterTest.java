package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tab on docker lines: subcommands, flags and live names, from the console's command tree. */
class DockerCompleterTest {
  static Engine engine;
  static DockerCompleter completer;

  @BeforeAll
  static void start() {
    engine = TestEngines.embedded();
    engine.createNetwork(NetworkSpec.bridge("dc_net", Map.of()));
    String id =
        engine.createContainer(
            ContainerSpec.builder("netbook/toolbox").name("dc_box").network("dc_net").build());
    engine.start(id);
    completer = new DockerCompleter(new NameCompleter(() -> Optional.of(engine)));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static List<String> at(String line) {
    return completer.candidates(line, line.length());
  }

  @Test
  void offersSubcommandsAfterDockerAndAfterAGroup() {
    assertThat(at("docker ")).contains("run", "ps", "network", "exec", "inspect");
    assertThat(at("docker net")).contains("network");
    assertThat(at("docker network "))
        .containsExactlyInAnyOrder(
            "ls", "create", "inspect", "rm", "connect", "disconnect", "prune");
  }

  @Test
  void offersFlagsAfterADash() {
    assertThat(at("docker run -")).contains("--network", "--name", "-d", "-p", "--rm");
    assertThat(at("docker network create --")).contains("--subnet", "--driver");
  }

  @Test
  void offersLiveNamesWhereTheCommandTakesThem() {
    assertThat(at("docker run --network ")).contains("dc_net", "bridge");
    assertThat(at("docker run --network dc_net -d ")).contains("busybox", "netbook/toolbox");
    assertThat(at("docker network inspect ")).contains("dc_net").doesNotContain("dc_box");
    assertThat(at("docker network connect dc_net ")).contains("dc_box").doesNotContain("dc_net");
    assertThat(at("docker exec -it ")).contains("dc_box");
    assertThat(at("docker inspect ")).contains("dc_box", "dc_net");
    // the command run inside a container is not docker's: nothing to offer
    assertThat(at("docker exec dc_box ")).isEmpty();
  }
}
