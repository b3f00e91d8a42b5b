package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netbook.engine.embedded.model.EmbeddedOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI runs, execs and attaches against an in-process served engine: the commands
 * whose connections the engine takes over (101 UPGRADED), on a pseudo terminal where the user
 * types. Without a docker CLI the test is skipped, unless NETBOOK_REQUIRE_DOCKER=1 (as in CI).
 */
class DockerCliLiveIT {
  private static final String PROMPT = "/ # ";

  @TempDir Path config;
  private EmbeddedDockerApi api;
  private EmbeddedServer server;
  private DockerCliProcess docker;

  @BeforeEach
  void serve() throws IOException {
    api =
        new EmbeddedDockerApi(
            EmbeddedOptions.seeded(11)
                .withServePublishedPorts(false)
                .withPreloadedImages(List.of("netbook/toolbox", "busybox", "nginx")));
    server = EmbeddedServer.start(api, 0);
    docker = new DockerCliProcess(server.dockerHost(), config);
  }

  @AfterEach
  void stop() {
    server.close();
    api.close();
  }

  private void ok(DockerCliProcess.Run r) {
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void execRunsInTheContainerAndGivesItsExitCode() throws Exception {
    ok(docker.run("network", "create", "lab"));
    ok(
        docker.run(
            "run", "-d", "--name", "one", "--network", "lab", "netbook/toolbox", "sleep", "300"));
    ok(
        docker.run(
            "run", "-d", "--name", "two", "--network", "lab", "netbook/toolbox", "sleep", "300"));

    DockerCliProcess.Run ip = docker.run("exec", "one", "hostname", "-i");
    assertThat(ip).isEqualTo(new DockerCliProcess.Run(0, "172.18.0.2\n", ""));
    DockerCliProcess.Run ping = docker.run("exec", "one", "ping", "-c", "1", "two");
    assertThat(ping.exit()).as(ping.err()).isZero();
    assertThat(ping.out())
        .startsWith("PING two (172.18.0.3): 56 data bytes\n")
        .contains("1 packets transmitted, 1 packets received, 0% packet loss");
    DockerCliProcess.Run failing = docker.run("exec", "one", "sh", "-c", "cat /nope; exit 3");
    assertThat(failing.exit()).isEqualTo(3);
    assertThat(failing.err()).isEqualTo("cat: can't open '/nope': No such file or directory\n");
  }

  @Test
  void attachedRunPrintsTheOutputReturnsTheExitCodeAndRemoves() throws Exception {
    assertThat(docker.run("run", "--rm", "busybox", "echo", "hi"))
        .isEqualTo(new DockerCliProcess.Run(0, "hi\n", ""));
    DockerCliProcess.Run kept =
        docker.run("run", "--name", "kept", "busybox", "sh", "-c", "echo out; exit 2");
    assertThat(kept.exit()).isEqualTo(2);
    assertThat(kept.out()).isEqualTo("out\n");
    assertThat(docker.run("ps", "-a", "--format", "{{.Names}} {{.Status}}").out())
        .matches("kept Exited \\(2\\) .*\n"); // the --rm one is gone
  }

  @Test
  void runItRunsTypedLinesInTheShellUntilExit() throws Exception {
    DockerCliProcess.Started run =
        docker.onTerminal("run", "-it", "--name", "typed", "--hostname", "box", "busybox", "sh");
    run.screen().waitFor(PROMPT, 1);
    run.type("hostname\r");
    run.screen().waitFor(PROMPT, 2);
    run.type("exit 3\r");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.screen().text()).contains("/ # hostname\r\nbox\r\n/ # exit 3\r\n");
    assertThat(docker.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "typed").out())
        .isEqualTo("exited 3\n");
  }

  @Test
  void attachTypesIntoARunningShellAndExecItOpensAnother() throws Exception {
    ok(docker.run("run", "-dit", "--name", "shell", "busybox", "sh"));

    DockerCliProcess.Started exec = docker.onTerminal("exec", "-it", "shell", "sh");
    exec.screen().waitFor(PROMPT, 1);
    exec.type("cat /etc/hostname\r");
    exec.screen().waitFor(PROMPT, 2);
    exec.type("\u0004"); // Ctrl-D
    assertThat(exec.exitCode()).isZero();

    DockerCliProcess.Started attach = docker.onTerminal("attach", "shell");
    // nothing shows on attach until Enter; Enter until the CLI has put the terminal in raw mode
    for (int i = 0; i < 30 && !attach.screen().printed(PROMPT, 1, Duration.ofSeconds(1)); i++) {
      attach.type("\r");
    }
    attach.type("echo attached\r");
    attach.screen().waitFor("attached\r\n" + PROMPT, 1);
    attach.type("exit 4\r");
    assertThat(attach.exitCode()).isEqualTo(4);
    assertThat(docker.run("ps", "-a", "--format", "{{.Names}} {{.Status}}").out())
        .startsWith("shell Exited (4)");
  }

  @Test
  void logsFollowEndsWhenTheContainerStops() throws Exception {
    ok(docker.run("run", "-d", "--name", "web", "nginx"));
    DockerCliProcess.Started logs = docker.start("logs", "-f", "web");
    logs.screen().waitFor("ready for start up", 1);
    assertThat(logs.process().isAlive()).as("following until the container stops").isTrue();
    ok(docker.run("stop", "web"));
    assertThat(logs.exitCode()).isZero();
  }
}
