package netbook.engine.embedded.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import netbook.engine.embedded.TestApi;
import org.junit.jupiter.api.Test;

/**
 * Rules of dockerd 20.10 the differential scenarios check through the CLI, here through the Engine
 * API alone (texts and statuses as the real daemon answers them).
 */
class DockerdRulesTest {
  private final TestApi t = new TestApi();

  private ApiResponse create(String name, String body) {
    return t.post("/containers/create?name=" + name, body);
  }

  private String started(String name, String body) {
    String id = t.ok(create(name, body)).get("Id").asText();
    t.ok(t.post("/containers/" + id + "/start", ""));
    return id;
  }

  private static String message(ApiResponse r) {
    return TestApi.json(r).get("message").asText();
  }

  @Test
  void publishAllBindsEveryExposedPortOnAnEphemeralHostPort() {
    started(
        "web",
        "{\"Image\":\"netbook/web\",\"ExposedPorts\":{\"7000/udp\":{}},"
            + "\"HostConfig\":{\"PublishAllPorts\":true}}");
    JsonNode ports = t.inspect("web").at("/NetworkSettings/Ports");
    assertThat(ports.at("/80~1tcp/0/HostPort").asText()).isIn("32768", "32769");
    assertThat(ports.at("/7000~1udp/0/HostPort").asText())
        .isIn("32768", "32769")
        .isNotEqualTo(ports.at("/80~1tcp/0/HostPort").asText());
    assertThat(t.inspect("web").at("/Config/ExposedPorts").toString())
        .isEqualTo("{\"7000/udp\":{},\"80/tcp\":{}}");
  }

  @Test
  void internalNetworksAndHostModePublishNothing() {
    t.ok(t.post("/networks/create", "{\"Name\":\"int\",\"Internal\":true}"));
    String bindings = "\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"28081\"}]}";
    started(
        "in",
        "{\"Image\":\"netbook/web\",\"HostConfig\":{\"NetworkMode\":\"int\"," + bindings + "}}");
    assertThat(t.inspect("in").at("/NetworkSettings/Ports").toString()).isEqualTo("{}");
    ApiResponse host =
        create(
            "hm",
            "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"host\","
                + bindings
                + "}}");
    assertThat(TestApi.json(host).path("Warnings").toString())
        .as(host.bodyText())
        .isEqualTo("[\"Published ports are discarded when using host network mode\"]");
    t.ok(t.post("/containers/hm/start", ""));
    JsonNode row = t.ok(t.get("/containers/json")).get(0);
    assertThat(row.get("Names").get(0).asText()).isEqualTo("/hm");
    assertThat(row.get("Ports").toString()).isEqualTo("[]");
  }

  @Test
  void tcpAndUdpShareAHostPortButTheSamePortTwiceIsAllocated() {
    started(
        "both",
        "{\"Image\":\"netbook/web\",\"HostConfig\":{\"PortBindings\":{"
            + "\"80/tcp\":[{\"HostPort\":\"28091\"}],\"80/udp\":[{\"HostPort\":\"28091\"}]}}}");
    String twice =
        t.ok(
                create(
                    "twice",
                    "{\"Image\":\"netbook/web\",\"HostConfig\":{\"PortBindings\":{"
                        + "\"80/tcp\":[{\"HostPort\":\"28092\"}],"
                        + "\"81/tcp\":[{\"HostPort\":\"28092\"}]}}}"))
            .get("Id")
            .asText();
    ApiResponse start = t.post("/containers/" + twice + "/start", "");
    assertThat(start.status()).isEqualTo(500);
    assertThat(message(start))
        .matches(
            "driver failed programming external connectivity on endpoint twice \\([0-9a-f]{64}\\):"
                + " Bind for 0.0.0.0:28092 failed: port is already allocated");
    assertThat(t.inspect("twice").at("/State/Status").asText()).isEqualTo("created");
  }

  @Test
  void containerModeConflictsAndIdentity() {
    String owner = started("c1", "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"]}");
    started(
        "c2",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],"
            + "\"HostConfig\":{\"NetworkMode\":\"container:c1\"}}");
    assertThat(t.inspect("c2").at("/HostConfig/NetworkMode").asText())
        .isEqualTo("container:" + owner);
    assertThat(t.inspect("c2").at("/Config/Hostname").asText()).isEqualTo(owner.substring(0, 12));
    ApiResponse hostname =
        create(
            "x1",
            "{\"Image\":\"netbook/toolbox\",\"Hostname\":\"foo\","
                + "\"HostConfig\":{\"NetworkMode\":\"container:c1\"}}");
    assertThat(hostname.status()).isEqualTo(400);
    assertThat(message(hostname)).isEqualTo("conflicting options: hostname and the network mode");
    ApiResponse publish =
        create(
            "x2",
            "{\"Image\":\"netbook/toolbox\","
                + "\"HostConfig\":{\"NetworkMode\":\"container:c1\",\"PublishAllPorts\":true}}");
    assertThat(message(publish))
        .isEqualTo("conflicting options: port publishing and the container type network mode");
  }

  @Test
  void linksAreStoredInDockerdsFormAndAnUnknownTargetIsABadRequest() {
    started("db", "{\"Image\":\"netbook/web\"}");
    started(
        "app",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],"
            + "\"HostConfig\":{\"Links\":[\"db:db\"]}}");
    assertThat(t.inspect("app").at("/HostConfig/Links").toString()).isEqualTo("[\"/db:/app/db\"]");
    ApiResponse unknown =
        create("bad", "{\"Image\":\"netbook/toolbox\",\"HostConfig\":{\"Links\":[\"nosuch:db\"]}}");
    assertThat(unknown.status()).as("not 404: the CLI would pull the image").isEqualTo(400);
    assertThat(message(unknown))
        .isEqualTo("could not get container for nosuch: No such container: nosuch");
  }

  @Test
  void predefinedNamesUnknownFiltersAndInvalidSubnetsGetDockersTexts() {
    ApiResponse bridge = t.post("/networks/create", "{\"Name\":\"bridge\"}");
    assertThat(bridge.status()).isEqualTo(403);
    assertThat(message(bridge))
        .isEqualTo("operation is not permitted on predefined bridge network ");
    ApiResponse filter = t.get("/networks?filters=%7B%22foo%22%3A%7B%22bar%22%3Atrue%7D%7D");
    assertThat(filter.status()).isEqualTo(400);
    assertThat(message(filter)).isEqualTo("Invalid filter 'foo'");
    ApiResponse subnet =
        t.post(
            "/networks/create",
            "{\"Name\":\"bad\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.213.300.0/24\"}]}}");
    assertThat(message(subnet))
        .isEqualTo("Invalid subnet 10.213.300.0/24 : invalid CIDR address: 10.213.300.0/24");
  }

  @Test
  void auxiliaryAddressesAreNeverHandedOut() {
    t.ok(
        t.post(
            "/networks/create",
            "{\"Name\":\"net\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.213.8.0/24\","
                + "\"IPRange\":\"10.213.8.128/25\",\"AuxiliaryAddresses\":{\"host1\":\"10.213.8.129\"}}]}}"));
    t.run("a1", "netbook/toolbox", "net");
    assertThat(t.ip("a1", "net")).isEqualTo("10.213.8.130");
    assertThat(t.ok(t.get("/networks/net")).at("/IPAM/Config/0").toString())
        .isEqualTo(
            "{\"Subnet\":\"10.213.8.0/24\",\"IPRange\":\"10.213.8.128/25\","
                + "\"AuxiliaryAddresses\":{\"host1\":\"10.213.8.129\"}}");
  }
}
