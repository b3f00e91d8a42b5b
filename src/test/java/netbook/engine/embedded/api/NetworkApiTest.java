package netbook.engine.embedded.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.TestApi;
import org.junit.jupiter.api.Test;

/** The /networks endpoints: Docker's JSON, IPAM order, and Docker's errors. */
class NetworkApiTest {
  private final TestApi t = new TestApi();

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get("Name").asText()));
    return out;
  }

  @Test
  void theDefaultNetworksAreThereOnVersionedAndUnversionedPaths() {
    assertThat(names(t.ok(t.get("/v1.41/networks")))).containsExactly("bridge", "host", "none");
    assertThat(names(t.ok(t.get("/networks")))).containsExactly("bridge", "host", "none");
    JsonNode bridge = t.ok(t.get("/networks/bridge"));
    assertThat(bridge.get("Id").asText()).hasSize(64).matches("[0-9a-f]+");
    assertThat(bridge.at("/IPAM/Config/0/Subnet").asText()).isEqualTo("172.17.0.0/16");
    assertThat(bridge.at("/IPAM/Options").isNull()).isTrue();
    assertThat(bridge.at("/Options/com.docker.network.bridge.name").asText()).isEqualTo("docker0");
    assertThat(bridge.at("/Options/com.docker.network.bridge.default_bridge").asText())
        .isEqualTo("true");
    assertThat(t.ok(t.get("/networks/none")).get("Driver").asText()).isEqualTo("null");
  }

  @Test
  void userBridgesTakeTheNextSlash16AndHonourSubnetGatewayAndRange() {
    t.createNetwork("one");
    t.createNetwork("two");
    assertThat(t.ok(t.get("/networks/one")).at("/IPAM/Config/0/Subnet").asText())
        .isEqualTo("172.18.0.0/16");
    assertThat(t.ok(t.get("/networks/one")).at("/IPAM/Config/0/Gateway").asText())
        .isEqualTo("172.18.0.1");
    assertThat(t.ok(t.get("/networks/two")).at("/IPAM/Config/0/Subnet").asText())
        .isEqualTo("172.19.0.0/16");
    t.ok(
        t.post(
            "/networks/create",
            "{\"Name\":\"custom\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.5.0.0/24\",\"Gateway\":\"10.5.0.254\",\"IPRange\":\"10.5.0.128/25\"}]}}"));
    JsonNode custom = t.ok(t.get("/networks/custom"));
    assertThat(custom.at("/IPAM/Config/0/Gateway").asText()).isEqualTo("10.5.0.254");
    assertThat(custom.at("/IPAM/Config/0/IPRange").asText()).isEqualTo("10.5.0.128/25");
    t.run("c1", "netbook/toolbox", "custom");
    // Docker 20.10.24 hands out an --ip-range from its first address: .128 here (the gateway is
    // elsewhere); without --gateway the gateway itself takes .128 and the first container .129
    assertThat(t.ip("c1", "custom")).isEqualTo("10.5.0.128");
    t.ok(
        t.post(
            "/networks/create",
            "{\"Name\":\"ranged\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.7.0.0/24\",\"IPRange\":\"10.7.0.64/26\"}]}}"));
    t.run("c2", "netbook/toolbox", "ranged");
    assertThat(t.ip("c2", "ranged")).isEqualTo("10.7.0.65");
    assertThat(t.inspect("c2").at("/NetworkSettings/Networks/ranged/Gateway").asText())
        .isEqualTo("10.7.0.64");
  }

  @Test
  void createErrorsAreDockers() {
    t.createNetwork("my_bridge");
    ApiResponse dup =
        t.post("/networks/create", "{\"Name\":\"my_bridge\",\"CheckDuplicate\":true}");
    assertThat(dup.status()).isEqualTo(409);
    assertThat(TestApi.json(dup).get("message").asText())
        .isEqualTo("network with name my_bridge already exists");
    ApiResponse overlap =
        t.post(
            "/networks/create",
            "{\"Name\":\"x\",\"IPAM\":{\"Config\":[{\"Subnet\":\"172.18.5.0/24\"}]}}");
    assertThat(overlap.status()).isEqualTo(403);
    assertThat(overlap.bodyText()).contains("Pool overlaps with other one on this address space");
    ApiResponse gw =
        t.post(
            "/networks/create",
            "{\"Name\":\"x\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.5.0.0/24\",\"Gateway\":\"10.6.0.1\"}]}}");
    assertThat(gw.status()).isEqualTo(500);
    assertThat(gw.bodyText())
        .contains("failed to allocate gateway (10.6.0.1): Requested address is out of range");
    ApiResponse driver = t.post("/networks/create", "{\"Name\":\"x\",\"Driver\":\"foo\"}");
    assertThat(driver.status()).isEqualTo(404);
    assertThat(driver.bodyText()).contains("plugin \\\"foo\\\" not found");
  }

  @Test
  void unknownNetworksAndRemovalErrorsAreDockers() {
    ApiResponse missing = t.get("/v1.41/networks/my_bridge");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.bodyText()).isEqualTo("{\"message\":\"network my_bridge not found\"}\n");
    ApiResponse predefined = t.delete("/networks/bridge");
    assertThat(predefined.status()).isEqualTo(403);
    assertThat(TestApi.json(predefined).get("message").asText())
        .isEqualTo("bridge is a pre-defined network and cannot be removed");
    String id = t.createNetwork("busy");
    t.run("a1", "netbook/toolbox", "busy");
    ApiResponse inUse = t.delete("/networks/busy");
    assertThat(inUse.status()).isEqualTo(403);
    assertThat(TestApi.json(inUse).get("message").asText())
        .isEqualTo("error while removing network: network busy id " + id + " has active endpoints");
    t.ok(t.delete("/containers/a1?force=1"));
    assertThat(t.delete("/networks/" + id.substring(0, 12)).status()).isEqualTo(204);
    assertThat(t.get("/page/nowhere").status()).isEqualTo(404);
  }

  @Test
  void inspectListsTheRunningEndpointsAndListLeavesThemOut() {
    t.createNetwork("my_bridge");
    String a = t.run("container_a", "netbook/toolbox", "my_bridge");
    JsonNode ep = t.ok(t.get("/networks/my_bridge")).at("/Containers/" + a);
    assertThat(ep.get("Name").asText()).isEqualTo("container_a");
    assertThat(ep.get("IPv4Address").asText()).isEqualTo("172.18.0.2/16");
    assertThat(ep.get("MacAddress").asText()).isEqualTo("02:42:ac:12:00:02");
    assertThat(ep.get("EndpointID").asText()).hasSize(64);
    assertThat(
            t.ok(t.get("/networks?filters={\"name\":[\"my_\"]}")).get(0).get("Containers").size())
        .isZero();
  }

  @Test
  void listAndPruneFilterByLabel() {
    t.ok(t.post("/networks/create", "{\"Name\":\"mine\",\"Labels\":{\"netbook.session\":\"s1\"}}"));
    t.ok(
        t.post(
            "/networks/create", "{\"Name\":\"theirs\",\"Labels\":{\"netbook.session\":\"s2\"}}"));
    t.ok(t.post("/networks/create", "{\"Name\":\"used\",\"Labels\":{\"netbook.session\":\"s1\"}}"));
    t.run("c1", "netbook/toolbox", "used");
    String filter = "filters=%7B%22label%22%3A%5B%22netbook.session%3Ds1%22%5D%7D";
    assertThat(names(t.ok(t.get("/networks?" + filter)))).containsExactly("mine", "used");
    assertThat(names(t.ok(t.get("/networks?filters={\"label\":{\"netbook.session\":true}}"))))
        .containsExactly("mine", "theirs", "used");
    JsonNode pruned = t.ok(t.post("/networks/prune?" + filter, ""));
    assertThat(pruned.get("NetworksDeleted")).extracting(JsonNode::asText).containsExactly("mine");
    assertThat(names(t.ok(t.get("/networks")))).contains("theirs", "used").doesNotContain("mine");
    assertThat(t.ok(t.post("/networks/prune?" + filter, "")).get("NetworksDeleted").isNull())
        .isTrue();
  }

  @Test
  void connectAndDisconnectWithTheirErrors() {
    t.createNetwork("my_bridge");
    String c = t.run("c1", "netbook/toolbox", "bridge");
    t.ok(
        t.post(
            "/networks/my_bridge/connect",
            "{\"Container\":\"c1\",\"EndpointConfig\":{\"Aliases\":[\"db\"]}}"));
    JsonNode nets = t.inspect("c1").at("/NetworkSettings/Networks");
    assertThat(nets.get("my_bridge").get("Aliases"))
        .extracting(JsonNode::asText)
        .containsExactly("db", c.substring(0, 12));
    assertThat(nets.get("my_bridge").get("IPAddress").asText()).isEqualTo("172.18.0.2");
    ApiResponse again = t.post("/networks/my_bridge/connect", "{\"Container\":\"c1\"}");
    assertThat(again.status()).isEqualTo(403);
    assertThat(again.bodyText())
        .contains("endpoint with name c1 already exists in network my_bridge");
    ApiResponse host = t.post("/networks/host/connect", "{\"Container\":\"c1\"}");
    assertThat(host.status()).isEqualTo(400);
    assertThat(t.post("/networks/my_bridge/connect", "{\"Container\":\"nosuch\"}").bodyText())
        .contains("No such container: nosuch");
    t.ok(t.post("/networks/my_bridge/disconnect", "{\"Container\":\"c1\"}"));
    ApiResponse notOn = t.post("/networks/my_bridge/disconnect", "{\"Container\":\"c1\"}");
    assertThat(notOn.status()).isEqualTo(500);
    assertThat(TestApi.json(notOn).get("message").asText())
        .isEqualTo("container " + c + " is not connected to network my_bridge");
    ApiResponse aliasOnDefault = t.post("/networks/bridge/connect", "{\"Container\":\"c1\"}");
    assertThat(aliasOnDefault.status()).isEqualTo(403);
  }
}
