package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.api.ApiResponse;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.engine.embedded.model.SwarmClusters;
import org.junit.jupiter.api.Test;

/**
 * The Swarm endpoints of embedded node engines, as dockerd answers them: init, inspect, join, node
 * ls and their errors; overlays of the swarm across nodes (names, pings and wget from one node to
 * another, one address pool).
 */
class EmbeddedSwarmTest {
  private final SwarmClusters registry = new SwarmClusters();

  private TestApi node(String hostname, String address) {
    TestApi t =
        new TestApi(
            EmbeddedOptions.seeded(hostname.hashCode())
                .withServePublishedPorts(false)
                .withHostName(hostname)
                .withPreloadedImages(List.of("netbook/toolbox", "netbook/web")));
    t.api.joinable(registry, address);
    return t;
  }

  private static String init(TestApi t, String addr) {
    return t.ok(
            t.post(
                "/v1.41/swarm/init",
                "{\"ListenAddr\":\"0.0.0.0:2377\",\"AdvertiseAddr\":\"" + addr + "\"}"))
        .asText();
  }

  private static ApiResponse join(TestApi t, String manager, String token) {
    return t.post(
        "/v1.41/swarm/join",
        "{\"ListenAddr\":\"0.0.0.0:2377\",\"RemoteAddrs\":[\""
            + manager
            + "\"],\"JoinToken\":\""
            + token
            + "\"}");
  }

  private static String message(ApiResponse r) {
    return TestApi.json(r).path("message").asText();
  }

  private static String workerToken(TestApi manager) {
    return manager.ok(manager.get("/v1.41/swarm")).path("JoinTokens").path("Worker").asText();
  }

  @Test
  void aNodeContainerServesItsOwnEngineOnItsPublishedPort_untilItStops() throws Exception {
    TestApi outer =
        new TestApi(
            EmbeddedOptions.defaults()
                .withPreloadedImages(List.of("netbook/node", "netbook/toolbox")));
    try {
      outer.ok(
          outer.post(
              "/containers/create?name=n1",
              "{\"Image\":\"netbook/node\",\"Hostname\":\"node1\",\"HostConfig\":{\"PortBindings\":"
                  + "{\"2375/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}]}}}"));
      outer.ok(outer.post("/containers/n1/start", ""));
      int port =
          outer
              .inspect("n1")
              .at("/NetworkSettings/Ports/2375~1tcp")
              .get(0)
              .path("HostPort")
              .asInt();
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest info =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1.41/info")).build();
      JsonNode nested =
          TestApi.JSON.readTree(http.send(info, HttpResponse.BodyHandlers.ofString()).body());
      assertThat(nested.path("Name").asText()).isEqualTo("node1");
      assertThat(nested.path("Images").asInt()).isZero(); // a node starts without images

      // docker save on the outer engine, docker load on the node's
      byte[] tar = outer.get("/v1.41/images/netbook/toolbox:latest/get").body();
      HttpRequest load =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1.41/images/load"))
              .POST(HttpRequest.BodyPublishers.ofByteArray(tar))
              .header("Content-Type", "application/x-tar")
              .build();
      assertThat(http.send(load, HttpResponse.BodyHandlers.ofString()).body())
          .contains("Loaded image: netbook/toolbox:latest");

      outer.ok(outer.post("/containers/n1/stop?t=0", ""));
      assertThat(listening(port)).isFalse();
      outer.ok(outer.post("/containers/n1/start", ""));
      int again =
          outer
              .inspect("n1")
              .at("/NetworkSettings/Ports/2375~1tcp")
              .get(0)
              .path("HostPort")
              .asInt();
      assertThat(listening(again)).isTrue();
      outer.api.close();
      assertThat(listening(again)).isFalse();
    } finally {
      outer.api.close();
    }
  }

  private static boolean listening(int port) {
    try {
      new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void initMakesALeaderWithTokens_gwbridgeAndIngress() {
    TestApi n1 = node("node1", "172.20.0.2");
    String id = init(n1, "172.20.0.2");
    assertThat(id).matches("[0-9a-z]{25}");
    JsonNode swarm = n1.ok(n1.get("/v1.41/swarm"));
    assertThat(swarm.path("JoinTokens").path("Worker").asText()).startsWith("SWMTKN-1-");
    assertThat(swarm.path("JoinTokens").path("Manager").asText())
        .startsWith("SWMTKN-1-")
        .isNotEqualTo(swarm.path("JoinTokens").path("Worker").asText());
    JsonNode info = n1.ok(n1.get("/v1.41/info")).path("Swarm");
    assertThat(info.path("LocalNodeState").asText()).isEqualTo("active");
    assertThat(info.path("NodeID").asText()).isEqualTo(id);
    assertThat(info.path("ControlAvailable").asBoolean()).isTrue();

    JsonNode ingress = n1.ok(n1.get("/v1.41/networks/ingress"));
    assertThat(ingress.path("Driver").asText()).isEqualTo("overlay");
    assertThat(ingress.path("Scope").asText()).isEqualTo("swarm");
    assertThat(ingress.path("Ingress").asBoolean()).isTrue();
    assertThat(ingress.path("IPAM").path("Config").get(0).path("Subnet").asText())
        .isEqualTo("10.0.0.0/24");
    // docker_gwbridge comes with the node's first container on an overlay
    assertThat(n1.get("/v1.41/networks/docker_gwbridge").status()).isEqualTo(404);

    ApiResponse again = n1.post("/v1.41/swarm/init", "{\"AdvertiseAddr\":\"172.20.0.2\"}");
    assertThat(again.status()).isEqualTo(503);
    assertThat(message(again))
        .isEqualTo(
            "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm"
                + " and join another one.");
  }

  @Test
  void joinNeedsTheManagersAddressAndAValidToken_andNodeLsShowsTheLeader() {
    TestApi n1 = node("node1", "172.20.0.2");
    TestApi n2 = node("node2", "172.20.0.3");
    TestApi n3 = node("node3", "172.20.0.4");
    String leader = init(n1, "172.20.0.2");
    String token = workerToken(n1);

    ApiResponse wrong = join(n2, "172.20.0.2:2377", token.substring(0, token.length() - 3) + "zzz");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(message(wrong))
        .isEqualTo(
            "rpc error: code = InvalidArgument desc = A valid join token is necessary to join"
                + " this cluster");
    ApiResponse nowhere = join(n2, "172.20.0.9:2377", token);
    assertThat(nowhere.status()).isEqualTo(503);
    assertThat(message(nowhere)).startsWith("Timeout was reached before node joined.");

    n2.ok(join(n2, "172.20.0.2:2377", token));
    n3.ok(join(n3, "172.20.0.2:2377", token));
    ApiResponse twice = join(n3, "172.20.0.2:2377", token);
    assertThat(twice.status()).isEqualTo(503);
    assertThat(message(twice)).startsWith("This node is already part of a swarm.");

    JsonNode nodes = n1.ok(n1.get("/v1.41/nodes"));
    List<String> rows = new ArrayList<>();
    for (JsonNode n : nodes) {
      rows.add(
          n.path("Description").path("Hostname").asText()
              + " "
              + n.path("Status").path("State").asText()
              + " "
              + n.path("Spec").path("Availability").asText()
              + " "
              + n.path("Spec").path("Role").asText()
              + " "
              + n.path("ManagerStatus").path("Leader").asBoolean(false)
              + " "
              + n.path("Status").path("Addr").asText());
    }
    assertThat(rows)
        .containsExactly(
            "node1 ready active manager true 172.20.0.2",
            "node2 ready active worker false 172.20.0.3",
            "node3 ready active worker false 172.20.0.4");
    assertThat(nodes.get(0).path("ID").asText()).isEqualTo(leader);

    ApiResponse onWorker = n2.get("/v1.41/nodes");
    assertThat(onWorker.status()).isEqualTo(503);
    assertThat(message(onWorker))
        .isEqualTo(
            "This node is not a swarm manager. Worker nodes can't be used to view or modify"
                + " cluster state. Please run this command on a manager node or promote the"
                + " current node to a manager.");
    assertThat(n2.ok(n2.get("/v1.41/info")).path("Swarm").path("ControlAvailable").asBoolean())
        .isFalse();
  }

  @Test
  void aManagerTokenMakesASecondManager_whichListsTheSwarmsOverlays() {
    TestApi n1 = node("node1", "172.20.0.2");
    TestApi n2 = node("node2", "172.20.0.3");
    init(n1, "172.20.0.2");
    String managerToken = n1.ok(n1.get("/v1.41/swarm")).path("JoinTokens").path("Manager").asText();
    n2.ok(join(n2, "172.20.0.2:2377", managerToken));
    n1.ok(
        n1.post(
            "/v1.41/networks/create",
            "{\"Name\":\"late\",\"Driver\":\"overlay\",\"Attachable\":true}"));
    assertThat(n2.ok(n2.get("/v1.41/networks/late")).path("Scope").asText()).isEqualTo("swarm");
    JsonNode second = n2.ok(n2.get("/v1.41/nodes")).get(1);
    assertThat(second.path("Spec").path("Role").asText()).isEqualTo("manager");
    assertThat(second.path("ManagerStatus").path("Leader").asBoolean(false)).isFalse();
    n2.ok(n2.delete("/v1.41/networks/late"));
    assertThat(n1.get("/v1.41/networks/late").status()).isEqualTo(404);
  }

  @Test
  void leaveTakesTheNodeOutOfTheSwarm_aManagerOnlyWithForce() {
    TestApi n1 = node("node1", "172.20.0.2");
    TestApi n2 = node("node2", "172.20.0.3");
    init(n1, "172.20.0.2");
    n2.ok(join(n2, "172.20.0.2:2377", workerToken(n1)));
    n1.ok(
        n1.post(
            "/v1.41/networks/create",
            "{\"Name\":\"ov\",\"Driver\":\"overlay\",\"Attachable\":true}"));
    n2.run("client", "netbook/toolbox", "ov");

    n2.ok(n2.post("/v1.41/swarm/leave", ""));
    assertThat(n1.ok(n1.get("/v1.41/nodes"))).hasSize(1);
    assertThat(n2.inspect("client").at("/NetworkSettings/Networks").has("ov")).isFalse();
    assertThat(n2.get("/v1.41/networks/ov").status()).isEqualTo(404);
    assertThat(n2.get("/v1.41/networks/ingress").status()).isEqualTo(404);
    n2.ok(n2.get("/v1.41/networks/docker_gwbridge"));
    assertThat(n2.ok(n2.get("/v1.41/info")).path("Swarm").path("LocalNodeState").asText())
        .isEqualTo("inactive");
    ApiResponse again = n2.post("/v1.41/swarm/leave", "");
    assertThat(again.status()).isEqualTo(503);
    assertThat(message(again)).isEqualTo("This node is not part of a swarm");

    ApiResponse manager = n1.post("/v1.41/swarm/leave", "");
    assertThat(manager.status()).isEqualTo(503);
    assertThat(message(manager))
        .isEqualTo(
            "You are attempting to leave the swarm on a node that is participating as a manager."
                + " Removing the last manager erases all current state of the swarm. Use `--force`"
                + " to ignore this message. ");
    n1.ok(n1.post("/v1.41/swarm/leave?force=1", ""));
    assertThat(join(n2, "172.20.0.2:2377", "SWMTKN-1-x").status()).isEqualTo(503); // no swarm there
  }

  @Test
  void aNodeOutsideASwarmAnswersAsDockerdDoes() {
    TestApi alone = node("alone", "172.20.0.5");
    for (ApiResponse r :
        List.of(
            alone.get("/v1.41/swarm"),
            alone.get("/v1.41/nodes"),
            alone.post(
                "/v1.41/networks/create",
                "{\"Name\":\"ov\",\"Driver\":\"overlay\",\"Attachable\":true}"))) {
      assertThat(r.status()).isEqualTo(503);
      assertThat(message(r))
          .isEqualTo(
              "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm"
                  + " join\" to connect this node to swarm and try again.");
    }
    assertThat(alone.ok(alone.get("/v1.41/info")).path("Swarm").path("LocalNodeState").asText())
        .isEqualTo("inactive");
  }

  @Test
  void anOverlaySpansTheNodes_namesPingsAndWebPagesCrossThem() {
    TestApi n1 = node("node1", "172.20.0.2");
    TestApi n2 = node("node2", "172.20.0.3");
    init(n1, "172.20.0.2");
    n2.ok(join(n2, "172.20.0.2:2377", workerToken(n1)));

    ApiResponse onWorker =
        n2.post(
            "/v1.41/networks/create",
            "{\"Name\":\"ov\",\"Driver\":\"overlay\",\"Attachable\":true}");
    assertThat(onWorker.status()).isEqualTo(503);
    String ov =
        n1.ok(
                n1.post(
                    "/v1.41/networks/create",
                    "{\"Name\":\"ov\",\"Driver\":\"overlay\",\"Attachable\":true}"))
            .path("Id")
            .asText();
    n1.ok(n1.post("/v1.41/networks/create", "{\"Name\":\"closed\",\"Driver\":\"overlay\"}"));
    JsonNode inspect = n1.ok(n1.get("/v1.41/networks/ov"));
    assertThat(inspect.path("Scope").asText()).isEqualTo("swarm");
    assertThat(inspect.path("Attachable").asBoolean()).isTrue();
    assertThat(inspect.path("IPAM").path("Config").get(0).path("Subnet").asText())
        .isEqualTo("10.0.1.0/24");
    assertThat(
            n1.ok(n1.get("/v1.41/networks/closed"))
                .path("IPAM")
                .path("Config")
                .get(0)
                .path("Subnet")
                .asText())
        .isEqualTo("10.0.2.0/24");
    assertThat(n2.get("/v1.41/networks/ov").status()).isEqualTo(404); // not used there yet

    n1.run("web", "netbook/web", "ov");
    n2.run("client", "netbook/toolbox", "ov");
    assertThat(n2.ok(n2.get("/v1.41/networks/ov")).path("Id").asText()).isEqualTo(ov);
    String web = n1.ip("web", "ov");
    String client = n2.ip("client", "ov");
    assertThat(web).isEqualTo("10.0.1.2");
    assertThat(client).isEqualTo("10.0.1.4"); // after node2's own endpoint on ov
    JsonNode lb = n2.ok(n2.get("/v1.41/networks/ov")).path("Containers").path("lb-ov");
    assertThat(lb.path("Name").asText()).isEqualTo("ov-endpoint");
    assertThat(lb.path("IPv4Address").asText()).isEqualTo("10.0.1.3/24");
    JsonNode gw = n2.ok(n2.get("/v1.41/networks/docker_gwbridge"));
    assertThat(gw.path("Scope").asText()).isEqualTo("local");
    assertThat(gw.path("IPAM").path("Config").get(0).path("Subnet").asText())
        .isEqualTo("172.18.0.0/16");
    assertThat(n2.ok(n2.get("/v1.41/networks/ingress")).path("Ingress").asBoolean()).isTrue();
    JsonNode onOv = n2.inspect("client").at("/NetworkSettings/Networks/ov");
    assertThat(onOv.path("NetworkID").asText()).isEqualTo(ov);
    assertThat(onOv.path("Gateway").asText()).isEmpty(); // as dockerd shows an overlay endpoint
    assertThat(inspect.path("IPAM").path("Config").get(0).path("Gateway").asText())
        .isEqualTo("10.0.1.1");

    assertThat(n2.exec("client", "nslookup", "web").stdout()).contains("Address: " + web);
    assertThat(n2.exec("client", "ping", "-c", "1", "web").stdout())
        .contains("64 bytes from " + web);
    assertThat(n2.exec("client", "wget", "-qO-", "http://web").stdout()).contains("Welcome");
    assertThat(n1.exec("web", "ping", "-c", "1", "client").stdout())
        .contains("64 bytes from " + client);

    ApiResponse closed =
        n2.post(
            "/v1.41/containers/create?name=c2",
            "{\"Image\":\"netbook/toolbox\",\"HostConfig\":{\"NetworkMode\":\"closed\"}}");
    assertThat(closed.status()).isEqualTo(403);
    assertThat(message(closed)).contains("not manually attachable");

    n2.ok(n2.delete("/v1.41/containers/client?force=true"));
    assertThat(n2.get("/v1.41/networks/ov").status()).isEqualTo(404); // the worker forgets it
    assertThat(n1.exec("web", "ping", "-c", "1", "-W", "1", "client").exitCode()).isNotZero();
  }
}
