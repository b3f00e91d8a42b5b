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
 * The real {@code docker} CLI makes a Swarm of embedded nodes: node containers on the served
 * engine, {@code docker -H} their published ports for swarm init, join-token, join, node ls and an
 * overlay. Skipped without a docker binary (see {@link DockerCliProcess}).
 */
class DockerCliSwarmTest {
  @TempDir Path config;
  private EmbeddedDockerApi api;
  private EmbeddedServer server;

  @BeforeEach
  void serve() throws IOException {
    api =
        new EmbeddedDockerApi(
            EmbeddedOptions.seeded(11).withPreloadedImages(List.of("netbook/node")));
    server = EmbeddedServer.start(api, 0);
  }

  @AfterEach
  void stop() {
    server.close();
    api.close();
  }

  private DockerCliProcess.Run ok(DockerCliProcess cli, String... args) throws Exception {
    DockerCliProcess.Run r = cli.run(args);
    assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  private DockerCliProcess node(DockerCliProcess host, String name) throws Exception {
    ok(
        host,
        "run",
        "-d",
        "--name",
        name,
        "--hostname",
        name,
        "-p",
        "127.0.0.1::2375",
        "netbook/node");
    String port = ok(host, "port", name, "2375").out().strip();
    return new DockerCliProcess("tcp://" + port, config);
  }

  @Test
  void swarmInitJoinNodeLsAndAnOverlay() throws Exception {
    DockerCliProcess host = new DockerCliProcess(server.dockerHost(), config);
    DockerCliProcess n1 = node(host, "node1");
    DockerCliProcess n2 = node(host, "node2");
    String ip1 = ok(host, "inspect", "-f", "{{.NetworkSettings.IPAddress}}", "node1").out().strip();

    DockerCliProcess.Run init = ok(n1, "swarm", "init", "--advertise-addr", ip1);
    assertThat(init.out())
        .contains("Swarm initialized: current node (")
        .contains("is now a manager");
    String token = ok(n1, "swarm", "join-token", "-q", "worker").out().strip();
    assertThat(token).startsWith("SWMTKN-1-");
    DockerCliProcess.Run join = ok(n2, "swarm", "join", "--token", token, ip1 + ":2377");
    assertThat(join.out()).contains("This node joined a swarm as a worker.");

    List<String> ls =
        ok(
                n1,
                "node",
                "ls",
                "--format",
                "{{.Hostname}} {{.Status}} {{.Availability}} {{.ManagerStatus}}")
            .out()
            .lines()
            .toList();
    assertThat(ls).containsExactlyInAnyOrder("node1 Ready Active Leader", "node2 Ready Active ");
    DockerCliProcess.Run onWorker = n2.run("node", "ls");
    assertThat(onWorker.exit()).isNotZero();
    assertThat(onWorker.err())
        .contains("This node is not a swarm manager. Worker nodes can't be used");

    ok(n1, "network", "create", "-d", "overlay", "--attachable", "ov");
    assertThat(ok(n1, "network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}").out())
        .contains("ov overlay swarm", "ingress overlay swarm")
        .doesNotContain("docker_gwbridge"); // until a container of the node uses an overlay

    ok(host, "rm", "-f", "node2");
    assertThat(n2.run("info").exit()).isNotZero(); // its engine went with the container
  }

  @Test
  void serviceCreateLsPsScaleAndRm() throws Exception {
    DockerCliProcess host = new DockerCliProcess(server.dockerHost(), config);
    DockerCliProcess n1 = node(host, "node1");
    DockerCliProcess n2 = node(host, "node2");
    String ip1 = ok(host, "inspect", "-f", "{{.NetworkSettings.IPAddress}}", "node1").out().strip();
    ok(n1, "swarm", "init", "--advertise-addr", ip1);
    String token = ok(n1, "swarm", "join-token", "-q", "worker").out().strip();
    ok(n2, "swarm", "join", "--token", token, ip1 + ":2377");
    ok(n1, "network", "create", "-d", "overlay", "ov");
    ok(n1, "pull", "-q", "nginx");
    ok(n2, "pull", "-q", "nginx");

    DockerCliProcess.Run created =
        ok(
            n1,
            "service",
            "create",
            "-d", // without it the CLI watches the tasks for 5 s
            "--name",
            "web",
            "--replicas",
            "2",
            "--network",
            "ov",
            "nginx");
    assertThat(created.out().strip()).matches("[0-9a-z]{25}");
    assertThat(ok(n1, "service", "ls", "--format", "{{.Name}} {{.Mode}} {{.Replicas}}").out())
        .isEqualTo("web replicated 2/2\n");
    assertThat(
            ok(n1, "service", "ps", "web", "--format", "{{.Name}} {{.Node}} {{.CurrentState}}")
                .out()
                .lines()
                .map(l -> l.replaceAll(" [^ ]+ [^ ]+ ago$", ""))
                .toList())
        .containsExactly("web.1 node1 Running", "web.2 node2 Running");
    DockerCliProcess.Run twice = n1.run("service", "create", "--name", "web", "nginx");
    assertThat(twice.err())
        .contains(
            "rpc error: code = AlreadyExists desc = name conflicts with an existing object:"
                + " service web already exists");
    ok(n1, "service", "scale", "web=1");
    assertThat(ok(n2, "ps", "-a", "-q").out()).isEmpty();
    ok(n1, "service", "rm", "web");
    assertThat(ok(n1, "ps", "-a", "-q").out()).isEmpty();
  }
}
