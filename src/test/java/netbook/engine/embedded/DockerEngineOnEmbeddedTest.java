package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.ExecResult;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.PullProgress;
import netbook.engine.docker.DockerEngines;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.model.EmbeddedOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The docker-java adapter (the Engine port) over the embedded transport: Docker's errors arrive as
 * EngineExceptions with Docker's messages, and inspect, logs, pulls and exec work as on a daemon.
 */
class DockerEngineOnEmbeddedTest {
  private static final Duration T = Duration.ofSeconds(10);
  private final Engine engine =
      DockerEngines.embedded(
          new EmbeddedDockerApi(
              EmbeddedOptions.seeded(9).withPreloadedImages(List.of("netbook/toolbox"))));

  @AfterEach
  void close() {
    engine.close();
  }

  private String run(String name, String network, String... aliases) {
    ContainerSpec.Builder b =
        ContainerSpec.builder("netbook/toolbox")
            .name(name)
            .network(network)
            .cmd(List.of("sleep", "600"));
    for (String a : aliases) {
      b.alias(a);
    }
    String id = engine.createContainer(b.build());
    engine.start(id);
    return id;
  }

  @Test
  void nameConflictsAreDockersConflict() {
    String id = run("container_a", "");
    assertThatThrownBy(() -> run("container_a", ""))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.conflict()).isTrue())
        .hasMessage(
            "Conflict. The container name \"/container_a\" is already in use by container \""
                + id
                + "\". You have to remove (or rename) that container to be able to reuse that name.");
  }

  @Test
  void networksWithEndpointsCannotBeRemovedAndUnknownOnesAreNotFound() {
    NetworkInfo n =
        engine.createNetwork(NetworkSpec.bridge("my_bridge", Map.of("netbook.session", "s")));
    assertThat(n.subnet()).isEqualTo("172.18.0.0/16");
    assertThat(n.gateway()).isEqualTo("172.18.0.1");
    assertThat(n.bridgeName()).isEqualTo("br-" + n.shortId());
    run("c1", "my_bridge");
    assertThatThrownBy(() -> engine.removeNetwork("my_bridge"))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("has active endpoints");
    assertThat(engine.findNetwork("nosuch")).isEmpty();
    assertThatThrownBy(() -> engine.connect("nosuch", "c1", List.of(), ""))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.notFound()).isTrue())
        .hasMessage("network nosuch not found");
    engine.removeContainer("c1", true);
    engine.removeNetwork("my_bridge");
    assertThat(engine.networks())
        .extracting(NetworkInfo::name)
        .containsExactly("bridge", "host", "none");
  }

  @Test
  void execInAStoppedContainerIsAConflictAndExecOutputIsSplitByStream() {
    String id = run("c1", "");
    ExecResult r = engine.exec("c1", List.of("sh", "-c", "echo out; nosuch"), T);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("sh: nosuch: not found\n");
    assertThat(r.exitCode()).isEqualTo(127);
    engine.stop("c1", Duration.ofSeconds(1));
    assertThatThrownBy(() -> engine.exec("c1", List.of("ls"), T))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.conflict()).isTrue())
        .hasMessage("Container " + id + " is not running");
  }

  @Test
  void aliasesConnectAndDisconnectShowInContainerInfo() {
    engine.createNetwork(NetworkSpec.bridge("my_bridge", Map.of()));
    run("db1", "my_bridge", "db");
    run("db2", "my_bridge", "db");
    String client = run("client", "my_bridge");
    assertThat(engine.exec(client, List.of("nslookup", "db"), T).stdout())
        .contains("Name:\tdb\nAddress: 172.18.0.2\nName:\tdb\nAddress: 172.18.0.3\n");
    engine.connect("bridge", "db1", List.of(), "");
    ContainerInfo db1 = engine.findContainer("db1").orElseThrow();
    assertThat(db1.endpoints())
        .extracting(e -> e.network())
        .containsExactlyInAnyOrder("my_bridge", "bridge");
    assertThat(db1.endpoint("my_bridge").orElseThrow().aliases()).contains("db");
    engine.disconnect("my_bridge", "db1", false);
    assertThat(engine.findContainer("db1").orElseThrow().endpoints())
        .extracting(e -> e.network())
        .containsExactly("bridge");
    assertThat(engine.exec(client, List.of("ping", "-c", "1", "db1"), T).stderr())
        .isEqualTo("ping: bad address 'db1'\n");
  }

  @Test
  void pullsLogsAndImages() {
    List<PullProgress> progress = new ArrayList<>();
    engine.pull("nginx", progress::add, T);
    assertThat(engine.findImage("nginx")).isPresent();
    // nothing is downloaded, and nothing says so: no layers, no bytes
    PullProgress done = progress.get(progress.size() - 1);
    assertThat(done.phase()).isEqualTo(PullProgress.Phase.DONE);
    assertThat(done.layersTotal()).isZero();
    assertThat(done.bytesDone()).isZero();
    assertThat(done.status()).isEqualTo("Status: Downloaded newer image for nginx:latest");
    assertThatThrownBy(() -> engine.pull("nosuch/image", l -> {}, T))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("pull access denied for nosuch/image");
    String web = engine.createContainer(ContainerSpec.builder("nginx").name("web").build());
    engine.start(web);
    assertThat(engine.logs("web"))
        .contains("/docker-entrypoint.sh: Configuration complete; ready for start up");
    assertThat(engine.inspectNetworkJson("bridge"))
        .contains("\"com.docker.network.bridge.name\": \"docker0\"");
    assertThat(engine.containers(false)).extracting(ContainerInfo::name).containsExactly("web");
  }

  @Test
  void theSameSeedGivesTheSameIdsAndTimes() {
    EmbeddedDockerApi one =
        new EmbeddedDockerApi(EmbeddedOptions.seeded(42).withPreloadedImages(List.of("busybox")));
    EmbeddedDockerApi two =
        new EmbeddedDockerApi(EmbeddedOptions.seeded(42).withPreloadedImages(List.of("busybox")));
    EmbeddedDockerApi other = new EmbeddedDockerApi(EmbeddedOptions.defaults());
    String body = "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"9\"]}";
    String a = one.handle(ApiRequest.post("/containers/create?name=x1", body)).bodyText();
    String b = two.handle(ApiRequest.post("/containers/create?name=x1", body)).bodyText();
    assertThat(a).isEqualTo(b).matches("\\{\"Id\":\"[0-9a-f]{64}\",\"Warnings\":\\[]}\n");
    assertThat(one.handle(ApiRequest.get("/networks")).bodyText())
        .isEqualTo(two.handle(ApiRequest.get("/networks")).bodyText());
    assertThat(other.handle(ApiRequest.get("/networks/bridge")).bodyText())
        .isNotEqualTo(one.handle(ApiRequest.get("/networks/bridge")).bodyText());
  }

  @Test
  void concurrentCallersSeeAConsistentModel() throws Exception {
    engine.createNetwork(NetworkSpec.bridge("busy", Map.of()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String name = "c" + i + "x";
        ids.add(pool.submit(() -> run(name, "busy")));
      }
      for (Future<String> f : ids) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> ips =
        engine.containers(false).stream()
            .map(c -> c.endpoint("busy").orElseThrow().ipv4())
            .sorted()
            .toList();
    assertThat(ips).hasSize(12).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith("172.18.0."));
  }
}
