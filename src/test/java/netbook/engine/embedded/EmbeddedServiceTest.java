package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.api.ApiResponse;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.engine.embedded.model.SwarmClusters;
import org.junit.jupiter.api.Test;

/**
 * /services and /tasks of embedded node engines, as a manager answers them: create, inspect (VIP,
 * ports, version), tasks spread over the nodes as containers on the overlay, DNS of the service and
 * its tasks, scale, remove, and swarmkit's errors.
 */
class EmbeddedServiceTest {
  private final SwarmClusters registry = new SwarmClusters();
  private final TestApi n1 = node("node1", "172.20.0.2");
  private final TestApi n2 = node("node2", "172.20.0.3");
  private final TestApi n3 = node("node3", "172.20.0.4");

  private TestApi node(String hostname, String address) {
    TestApi t =
        new TestApi(
            EmbeddedOptions.seeded(hostname.hashCode())
                .withServePublishedPorts(false)
                .withHostName(hostname)
                .withPreloadedImages(List.of("netbook/toolbox", "nginx")));
    t.api.joinable(registry, address);
    return t;
  }

  private void swarm() {
    n1.ok(n1.post("/v1.41/swarm/init", "{\"AdvertiseAddr\":\"172.20.0.2\"}"));
    String token = n1.ok(n1.get("/v1.41/swarm")).path("JoinTokens").path("Worker").asText();
    for (TestApi n : List.of(n2, n3)) {
      n.ok(
          n.post(
              "/v1.41/swarm/join",
              "{\"RemoteAddrs\":[\"172.20.0.2:2377\"],\"JoinToken\":\"" + token + "\"}"));
    }
    n1.ok(
        n1.post(
            "/v1.41/networks/create",
            "{\"Name\":\"ov\",\"Driver\":\"overlay\",\"Attachable\":true}"));
  }

  private static String spec(String name, String mode, int replicas, String ports) {
    return "{\"Name\":\""
        + name
        + "\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"nginx:latest\"},"
        + "\"Networks\":[{\"Target\":\"ov\"}]},\"Mode\":{\"Replicated\":{\"Replicas\":"
        + replicas
        + "}},\"EndpointSpec\":{\"Mode\":\""
        + mode
        + "\",\"Ports\":["
        + ports
        + "]}}";
  }

  private static String message(ApiResponse r) {
    return TestApi.json(r).path("message").asText();
  }

  private List<String> running(String service) {
    JsonNode tasks =
        n1.ok(
            n1.get(
                "/v1.41/tasks?filters="
                    + java.net.URLEncoder.encode(
                        "{\"service\":[\"" + service + "\"],\"desired-state\":[\"running\"]}",
                        java.nio.charset.StandardCharsets.UTF_8)));
    List<String> rows = new ArrayList<>();
    for (JsonNode t : tasks) {
      rows.add(
          t.path("Slot").asInt()
              + " "
              + t.path("Status").path("State").asText()
              + " "
              + t.path("NetworksAttachments")
                  .get(0)
                  .path("Network")
                  .path("Spec")
                  .path("Name")
                  .asText()
              + " "
              + t.path("NetworksAttachments").get(0).path("Addresses").get(0).asText());
    }
    return rows;
  }

  @Test
  void aVipServiceRunsItsTasksOnEveryNode_withItsVirtualIpAndDns() {
    swarm();
    ApiResponse created =
        n1.post(
            "/v1.41/services/create",
            spec(
                "web",
                "vip",
                3,
                "{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishedPort\":8080}"));
    assertThat(created.status()).isEqualTo(201);
    String id = TestApi.json(created).path("ID").asText();
    assertThat(id).matches("[0-9a-z]{25}");

    JsonNode s = n1.ok(n1.get("/v1.41/services/web"));
    assertThat(s.path("ID").asText()).isEqualTo(id);
    assertThat(s.path("Spec").path("Name").asText()).isEqualTo("web");
    assertThat(s.path("Spec").path("Mode").path("Replicated").path("Replicas").asInt())
        .isEqualTo(3);
    String ov = n1.ok(n1.get("/v1.41/networks/ov")).path("Id").asText();
    String ingress = n1.ok(n1.get("/v1.41/networks/ingress")).path("Id").asText();
    List<String> vips = new ArrayList<>();
    s.path("Endpoint")
        .path("VirtualIPs")
        .forEach(v -> vips.add(v.path("NetworkID").asText() + " " + v.path("Addr").asText()));
    assertThat(vips).containsExactly(ingress + " 10.0.0.2/24", ov + " 10.0.1.2/24");
    assertThat(s.path("Endpoint").path("Ports").get(0).path("PublishedPort").asInt())
        .isEqualTo(8080);

    assertThat(running("web"))
        .containsExactlyInAnyOrder(
            "1 running ov 10.0.1.3/24", "2 running ov 10.0.1.5/24", "3 running ov 10.0.1.7/24");
    // one task per node, a container named web.SLOT.TASKID there
    for (TestApi n : List.of(n1, n2, n3)) {
      JsonNode cs = n.ok(n.get("/v1.41/containers/json"));
      List<String> names = new ArrayList<>();
      cs.forEach(c -> names.add(c.path("Names").get(0).asText()));
      assertThat(names).hasSize(1);
      assertThat(names.get(0)).matches("/web\\.[123]\\.[0-9a-z]{25}");
    }

    n2.run("client", "netbook/toolbox", "ov");
    assertThat(n2.exec("client", "nslookup", "web").stdout()).contains("Address: 10.0.1.2");
    TestApi.Output tasks = n2.exec("client", "nslookup", "tasks.web");
    assertThat(tasks.stdout())
        .contains("10.0.1.3", "10.0.1.5", "10.0.1.7")
        .doesNotContain("10.0.1.2");
    assertThat(n2.exec("client", "ping", "-c", "1", "10.0.1.3").stdout())
        .contains("1 packets received");
    // no IPVS in this model: the virtual IP answers nothing
    assertThat(n2.exec("client", "ping", "-c", "1", "-W", "1", "10.0.1.2").stdout())
        .contains("0 packets received");

    ApiResponse twice = n1.post("/v1.41/services/create", spec("web", "vip", 1, ""));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(message(twice))
        .isEqualTo(
            "rpc error: code = AlreadyExists desc = name conflicts with an existing object:"
                + " service web already exists");
  }

  @Test
  void scaleNeedsTheVersionRead_andShutsTheHighestSlotsDown_removeTakesTheContainers() {
    swarm();
    n1.ok(n1.post("/v1.41/services/create", spec("web", "vip", 3, "")));
    JsonNode s = n1.ok(n1.get("/v1.41/services/web"));
    long version = s.path("Version").path("Index").asLong();
    String body = s.path("Spec").toString().replace("\"Replicas\":3", "\"Replicas\":1");
    ApiResponse stale = n1.post("/v1.41/services/web/update?version=" + (version - 1), body);
    assertThat(stale.status()).isEqualTo(500);
    assertThat(message(stale)).isEqualTo("rpc error: code = Unknown desc = update out of sequence");

    n1.ok(n1.post("/v1.41/services/web/update?version=" + version, body));
    assertThat(n1.ok(n1.get("/v1.41/services/web")).path("Version").path("Index").asLong())
        .isGreaterThan(version);
    assertThat(running("web")).containsExactly("1 running ov 10.0.1.3/24");
    assertThat(n2.ok(n2.get("/v1.41/containers/json?all=1"))).isEmpty();
    JsonNode all = n1.ok(n1.get("/v1.41/tasks"));
    assertThat(all).hasSize(3); // the shut-down tasks stay in the history
    List<String> desired = new ArrayList<>();
    all.forEach(t -> desired.add(t.path("Slot").asInt() + " " + t.path("DesiredState").asText()));
    assertThat(desired).containsExactlyInAnyOrder("1 running", "2 shutdown", "3 shutdown");

    n1.ok(n1.delete("/v1.41/services/web"));
    assertThat(n1.ok(n1.get("/v1.41/containers/json?all=1"))).isEmpty();
    assertThat(n1.ok(n1.get("/v1.41/services"))).isEmpty();
    ApiResponse gone = n1.get("/v1.41/services/web");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(message(gone)).isEqualTo("service web not found");
  }

  @Test
  void aDnsrrServiceHasNoVirtualIp_itsNameResolvesToItsTasks() {
    swarm();
    n1.ok(n1.post("/v1.41/services/create", spec("web", "dnsrr", 2, "")));
    JsonNode s = n1.ok(n1.get("/v1.41/services?filters=%7B%22name%22%3A%5B%22web%22%5D%7D")).get(0);
    assertThat(s.path("Endpoint").has("VirtualIPs")).isFalse();
    assertThat(s.path("Spec").path("EndpointSpec").path("Mode").asText()).isEqualTo("dnsrr");
    n3.run("client", "netbook/toolbox", "ov");
    String out = n3.exec("client", "nslookup", "web").stdout();
    assertThat(out).contains("10.0.1.2", "10.0.1.4");

    ApiResponse meshed =
        n1.post(
            "/v1.41/services/create",
            spec("api", "dnsrr", 1, "{\"TargetPort\":80,\"PublishedPort\":8080}"));
    assertThat(meshed.status()).isEqualTo(400);
    assertThat(message(meshed)).contains("can't be used with dnsrr mode");
  }

  @Test
  void servicesNeedAManager_andAnOverlayThatExists() {
    swarm();
    ApiResponse onWorker = n2.get("/v1.41/services");
    assertThat(onWorker.status()).isEqualTo(503);
    assertThat(message(onWorker)).contains("Worker nodes can't be used to view or modify");
    ApiResponse noNet =
        n1.post("/v1.41/services/create", spec("web", "vip", 1, "").replace("\"ov\"", "\"nope\""));
    assertThat(noNet.status()).isEqualTo(500);
    assertThat(message(noNet)).isEqualTo("network nope not found");
    assertThat(n1.ok(n1.get("/v1.41/services"))).isEmpty();
  }
}
