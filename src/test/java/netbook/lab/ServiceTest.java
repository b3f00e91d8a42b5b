package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import netbook.NetbookException;
import netbook.engine.ExecResult;
import netbook.engine.ServiceSpec;
import netbook.engine.ServiceTask;
import org.junit.jupiter.api.Test;

/** What a service reads without a swarm: wget's answers, when its tasks have converged, tables. */
class ServiceTest {
  private static final String URL = "http://172.20.0.3:8080/";

  @Test
  void wgetsHeadersGiveTheStatusAndItsBodyTheTitle() {
    ExecResult r =
        new ExecResult(
            0,
            "<html><head><title>Welcome to nginx!</title></head></html>",
            "Connecting to 172.20.0.3:8080 (172.20.0.3:8080)\n  HTTP/1.1 200 OK\n"
                + "  Content-Length: 57\n  \nwriting to stdout\nwritten to stdout\n",
            Duration.ZERO);
    HttpResult h = Service.fetched(URL, r).orElseThrow();
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(h.title()).isEqualTo("Welcome to nginx!");
    assertThat(h.url()).isEqualTo(URL);
    assertThat(h).hasToString("HTTP/1.1 200 OK — Welcome to nginx!");
  }

  @Test
  void anErrorStatusIsAnAnswerToo() {
    ExecResult r =
        new ExecResult(
            1,
            "",
            "Connecting to 172.20.0.3:8080 (172.20.0.3:8080)\n  HTTP/1.1 404 Not Found\n"
                + "wget: server returned error: HTTP/1.1 404 Not Found\n",
            Duration.ZERO);
    HttpResult h = Service.fetched(URL, r).orElseThrow();
    assertThat(h.status()).isEqualTo(404);
    assertThat(h.ok()).isFalse();
    assertThat(h.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
  }

  @Test
  void noStatusLineIsNoAnswer() {
    ExecResult refused =
        new ExecResult(
            1,
            "",
            "Connecting to 172.20.0.3:8080 (172.20.0.3:8080)\n"
                + "wget: can't connect to remote host (172.20.0.3): Connection refused\n",
            Duration.ZERO);
    assertThat(Service.fetched(URL, refused)).isEmpty();
  }

  @Test
  void convergedMeansExactlyThatManyRunAndNoneStillStopping() {
    ServiceTask a = task("web.1", "running", "running");
    ServiceTask b = task("web.2", "running", "running");
    ServiceTask starting = task("web.3", "preparing", "running");
    ServiceTask stopping = task("web.3", "running", "shutdown");
    ServiceTask gone = task("web.3", "shutdown", "shutdown");
    assertThat(Service.converged(List.of(a, b, starting), 3)).isFalse();
    assertThat(Service.converged(List.of(a, b, task("web.3", "running", "running")), 3)).isTrue();
    assertThat(Service.converged(List.of(a, b, stopping), 2)).isFalse();
    assertThat(Service.converged(List.of(a, b, gone), 2)).isTrue();
    assertThat(Service.converged(List.of(), 0)).isTrue();
  }

  @Test
  void addressesLoseTheirPrefixLength() {
    assertThat(Service.bare("10.0.1.5/24")).isEqualTo("10.0.1.5");
    assertThat(Service.bare("10.0.1.5")).isEqualTo("10.0.1.5");
    assertThat(Service.bare("")).isEmpty();
  }

  @Test
  void tasksPrintAsATable() {
    TaskTable t =
        new TaskTable(
            List.of(
                new SwarmTask("web.1", "node1", "10.0.1.3", "running"),
                new SwarmTask("web.10", "node3", "", "preparing")));
    assertThat(t)
        .hasToString(
            "NAME     NODE    IP         STATE\n"
                + "web.1    node1   10.0.1.3   running\n"
                + "web.10   node3   -          preparing");
    assertThat(t.nodes()).containsExactly("node1", "node3");
    assertThat(t.ips()).containsExactly("10.0.1.3", "");
    assertThat(t.get(0)).hasToString("web.1 on node1 10.0.1.3 running");
  }

  @Test
  void serviceOptionsSayWhatTheyAreFor() {
    assertThatThrownBy(() -> Lab.replicas(-1))
        .isInstanceOf(NetbookException.class)
        .hasMessage("replicas(-1) is out of range: a service here runs 0 to 100 tasks");
    assertThatThrownBy(() -> Lab.endpointMode("rr"))
        .isInstanceOf(NetbookException.class)
        .hasMessage(
            "endpointMode(\"rr\") is not an endpoint mode: write endpointMode(\"vip\") or"
                + " endpointMode(\"dnsrr\")");
    netbook.engine.ContainerSpec.Builder spec = netbook.engine.ContainerSpec.builder("nginx");
    assertThatThrownBy(() -> Lab.replicas(3).applyTo(spec))
        .isInstanceOf(NetbookException.class)
        .hasMessage(
            "replicas(3) is an option of a Swarm service, not of a container:"
                + " swarm(3).service(\"web\", \"nginx\", replicas(3))");
    assertThatThrownBy(() -> Lab.network("ov").applyTo(spec))
        .hasMessageContaining("network(\"ov\") is an option of a Swarm service");
  }

  @Test
  void theOptionsMakeTheSpec() {
    ServiceSpec web =
        Service.spec(
            "web",
            "nginx",
            Map.of("k", "v"),
            Lab.replicas(3),
            Lab.network("ov"),
            Lab.publish(8080, 80));
    assertThat(web)
        .hasToString("docker service create --name web --replicas 3 --network ov -p 8080:80 nginx");
    assertThat(web.labels()).containsEntry("k", "v");
    assertThat(Service.spec("db", "nginx", Map.of(), Lab.endpointMode("dnsrr")).endpointMode())
        .isEqualTo("dnsrr");
    assertThat(Service.spec("one", "nginx", Map.of()).replicas()).isEqualTo(1);
  }

  @Test
  void optionsAServiceCannotTakeAreRefusedInOneLine() {
    assertThatThrownBy(
            () -> Service.spec("web", "nginx", Map.of(), Lab.publish("127.0.0.1", 8080, 80)))
        .isInstanceOf(NetbookException.class)
        .hasMessage(
            "a service publishes on every node's addresses (the routing mesh), not on 127.0.0.1:"
                + " write publish(8080, 80)");
    assertThatThrownBy(
            () ->
                Service.spec(
                    "db", "nginx", Map.of(), Lab.endpointMode("dnsrr"), Lab.publish(8080, 80)))
        .hasMessageStartingWith("a dnsrr service cannot publish through the routing mesh");
    assertThatThrownBy(() -> Service.spec("web", "nginx", Map.of(), Lab.name("x")))
        .hasMessageStartingWith("name(…) is not an option of a service: use replicas(3)");
    assertThatThrownBy(() -> Service.spec("web", "nginx", Map.of(), Lab.on("node2")))
        .hasMessageStartingWith("on(…) is not an option of a service");
  }

  private static ServiceTask task(String name, String state, String desired) {
    return new ServiceTask(name, name, "node1", state, desired, "", Map.of());
  }
}
