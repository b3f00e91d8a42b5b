package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import netbook.engine.embedded.model.EmbeddedOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code docker} CLI drives the embedded engine served on loopback. Without a docker
 * binary the test is skipped, unless NETBOOK_REQUIRE_DOCKER=1 (as in CI) makes that a failure.
 */
class DockerCliOnEmbeddedServerTest {
  @TempDir Path config;
  private EmbeddedDockerApi api;
  private EmbeddedServer server;
  private DockerCliProcess cli;

  @BeforeEach
  void serve() throws IOException {
    api =
        new EmbeddedDockerApi(
            EmbeddedOptions.seeded(5).withPreloadedImages(List.of("netbook/toolbox")));
    server = EmbeddedServer.start(api, 0);
    cli = new DockerCliProcess(server.dockerHost(), config);
  }

  @AfterEach
  void stop() {
    server.close();
    api.close();
  }

  private DockerCliProcess.Run docker(String... args) throws IOException, InterruptedException {
    return cli.run(args);
  }

  @Test
  void networkLsCreateInspectConnectAndRm() throws Exception {
    DockerCliProcess.Run ls = docker("network", "ls");
    assertThat(ls.exit()).as(ls.err()).isZero();
    List<String> lines = ls.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("NETWORK ID     NAME      DRIVER    SCOPE");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(3)
        .allMatch(l -> l.matches("[0-9a-f]{12}   \\S+\\s+\\S+\\s+local"));
    assertThat(lines.get(1)).contains("   bridge    bridge    local");
    assertThat(lines.get(3)).contains("   none      null      local");

    DockerCliProcess.Run create = docker("network", "create", "my_bridge");
    assertThat(create.exit()).as(create.err()).isZero();
    assertThat(create.out().strip()).matches("[0-9a-f]{64}");
    assertThat(docker("network", "ls").out())
        .contains(create.out().strip().substring(0, 12) + "   my_bridge   bridge    local");
    assertThat(
            docker(
                    "network",
                    "inspect",
                    "-f",
                    "{{range .IPAM.Config}}{{.Subnet}}{{end}}",
                    "my_bridge")
                .out())
        .isEqualTo("172.18.0.0/16\n");
    DockerCliProcess.Run dup = docker("network", "create", "my_bridge");
    assertThat(dup.exit()).isNotZero();
    assertThat(dup.err()).contains("network with name my_bridge already exists");

    DockerCliProcess.Run run =
        docker(
            "run",
            "-d",
            "--name",
            "container_a",
            "--network",
            "my_bridge",
            "netbook/toolbox",
            "sleep",
            "300");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(
            docker("run", "-d", "--name", "container_b", "netbook/toolbox", "sleep", "300").exit())
        .isZero();
    assertThat(docker("network", "connect", "my_bridge", "container_b").exit()).isZero();
    DockerCliProcess.Run ps = docker("ps", "--format", "{{.Names}} {{.Status}} {{.Command}}");
    assertThat(ps.out().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            l -> assertThat(l).matches("container_b Up \\d+ seconds? \"sleep 300\""),
            l -> assertThat(l).matches("container_a Up \\d+ seconds? \"sleep 300\""));
    assertThat(
            docker(
                    "inspect",
                    "-f",
                    "{{.NetworkSettings.Networks.my_bridge.IPAddress}}",
                    "container_b")
                .out())
        .isEqualTo("172.18.0.3\n");
    DockerCliProcess.Run busy = docker("network", "rm", "my_bridge");
    assertThat(busy.err()).contains("has active endpoints");
    DockerCliProcess.Run conflict = docker("run", "-d", "--name", "container_a", "netbook/toolbox");
    assertThat(conflict.err())
        .contains("Conflict. The container name \"/container_a\" is already in use");
    assertThat(docker("rm", "-f", "container_a", "container_b").out())
        .isEqualTo("container_a\ncontainer_b\n");
    assertThat(docker("network", "rm", "my_bridge").exit()).isZero();
    assertThat(docker("ps", "-a", "-q").out()).isEmpty();
  }
}
