package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
  private String docker;

  @BeforeEach
  void serve() throws IOException {
    Optional<String> binary = dockerBinary();
    if (binary.isEmpty()) {
      if ("1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"))) {
        fail("NETBOOK_REQUIRE_DOCKER=1 but there is no docker CLI on PATH");
      }
      assumeTrue(false, "no docker CLI on PATH");
    }
    docker = binary.get();
    api =
        new EmbeddedDockerApi(
            EmbeddedOptions.seeded(5).withPreloadedImages(List.of("netbook/toolbox")));
    server = EmbeddedServer.start(api, 0);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      api.close();
    }
  }

  private static Optional<String> dockerBinary() {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/local/bin");
    dirs.add("/usr/bin");
    return dirs.stream()
        .map(d -> Path.of(d, "docker"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }

  private record Run(int exit, String out, String err) {}

  private Run docker(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(docker));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DOCKER_HOST", server.dockerHost());
    pb.environment().put("DOCKER_CONFIG", config.toString());
    pb.environment().remove("DOCKER_CONTEXT");
    pb.environment().remove("DOCKER_TLS_VERIFY");
    pb.redirectErrorStream(false);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void networkLsCreateInspectConnectAndRm() throws Exception {
    Run ls = docker("network", "ls");
    assertThat(ls.exit()).as(ls.err()).isZero();
    List<String> lines = ls.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("NETWORK ID     NAME      DRIVER    SCOPE");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(3)
        .allMatch(l -> l.matches("[0-9a-f]{12}   \\S+\\s+\\S+\\s+local"));
    assertThat(lines.get(1)).contains("   bridge    bridge    local");
    assertThat(lines.get(3)).contains("   none      null      local");

    Run create = docker("network", "create", "my_bridge");
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
    Run dup = docker("network", "create", "my_bridge");
    assertThat(dup.exit()).isNotZero();
    assertThat(dup.err()).contains("network with name my_bridge already exists");

    Run run =
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
    Run ps = docker("ps", "--format", "{{.Names}} {{.Status}} {{.Command}}");
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
    Run busy = docker("network", "rm", "my_bridge");
    assertThat(busy.err()).contains("has active endpoints");
    Run conflict = docker("run", "-d", "--name", "container_a", "netbook/toolbox");
    assertThat(conflict.err())
        .contains("Conflict. The container name \"/container_a\" is already in use");
    assertThat(docker("rm", "-f", "container_a", "container_b").out())
        .isEqualTo("container_a\ncontainer_b\n");
    assertThat(docker("network", "rm", "my_bridge").exit()).isZero();
    assertThat(docker("ps", "-a", "-q").out()).isEmpty();
  }
}
