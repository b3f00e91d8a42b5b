package netbook.engine.embedded.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import netbook.engine.embedded.EmbeddedDockerApi;
import netbook.engine.embedded.TestApi;
import netbook.engine.embedded.model.EmbeddedOptions;
import org.junit.jupiter.api.Test;

/** /containers, /exec and /images: lifecycle, inspect shapes, exec framing, Docker's errors. */
class ContainerApiTest {
  private final TestApi t = new TestApi();

  @Test
  void pingAndVersionSpeakApi141() {
    ApiResponse ping = t.api.handle(new ApiRequest("HEAD", "/_ping", null, null));
    assertThat(ping.status()).isEqualTo(200);
    assertThat(EmbeddedDockerApi.serverHeaders())
        .containsEntry("Api-Version", "1.41")
        .containsEntry("Ostype", "linux");
    assertThat(t.get("/_ping").bodyText()).isEqualTo("OK");
    assertThat(t.ok(t.get("/version")).get("ApiVersion").asText()).isEqualTo("1.41");
    assertThat(t.ok(t.get("/v1.41/info")).get("ContainersRunning").asInt()).isZero();
  }

  @Test
  void addressesGoFromDot2UpAndAreFreedOnRemoval() {
    t.run("c1", "netbook/toolbox", "default");
    t.run("c2", "netbook/toolbox", "bridge");
    JsonNode c2 = t.inspect("c2");
    assertThat(c2.at("/NetworkSettings/IPAddress").asText()).isEqualTo("172.17.0.3");
    assertThat(c2.at("/NetworkSettings/Networks/bridge/MacAddress").asText())
        .isEqualTo("02:42:ac:11:00:03");
    assertThat(c2.at("/NetworkSettings/Networks/bridge/Gateway").asText()).isEqualTo("172.17.0.1");
    assertThat(c2.at("/NetworkSettings/Networks/bridge/Aliases").isNull()).isTrue();
    assertThat(c2.at("/Config/Hostname").asText())
        .isEqualTo(c2.get("Id").asText().substring(0, 12));
    assertThat(c2.get("Name").asText()).isEqualTo("/c2");
    assertThat(c2.at("/State/Status").asText()).isEqualTo("running");
    t.ok(t.delete("/containers/c1?force=true"));
    t.run("c3", "netbook/toolbox", "default");
    assertThat(t.ip("c3", "bridge")).isEqualTo("172.17.0.2");
  }

  private ApiResponse createPublishing(String hostIp, String hostPort) {
    return t.post(
        "/containers/create?name=pub",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"600\"],\"HostConfig\":{\"PortBindings\":{\"80/tcp\":"
            + "[{\"HostIp\":\""
            + hostIp
            + "\",\"HostPort\":\""
            + hostPort
            + "\"}]}}}");
  }

  @Test
  void aPortBindingDockerdRefusesIsRefusedNeverWidened() {
    for (String[] c :
        new String[][] {
          {"999.0.0.1", "18098", "ParseAddr(\"999.0.0.1\"): IPv4 field has value >255"},
          {"localhost", "18098", "ParseAddr(\"localhost\"): unable to parse IP"},
          {"127.0.0.l", "18098", "ParseAddr(\"127.0.0.l\"): unexpected character (at \"l\")"},
          {"127.0.0", "18098", "ParseAddr(\"127.0.0\"): IPv4 address too short"},
        }) {
      ApiResponse r = createPublishing(c[0], c[1]);
      assertThat(r.status()).as(c[0]).isEqualTo(400);
      assertThat(TestApi.json(r).get("message").asText()).isEqualTo("invalid JSON: " + c[2]);
    }
    for (String port : List.of("70000", "-1", "eighty", "90-80")) {
      ApiResponse r = createPublishing("", port);
      assertThat(r.status()).as(port).isEqualTo(400);
      assertThat(TestApi.json(r).get("message").asText())
          .isEqualTo("invalid port specification: \"" + port + "\"");
    }
    assertThat(t.ok(t.get("/containers/json?all=1")).size()).isZero();

    ApiResponse ok = createPublishing("127.0.0.1", "");
    assertThat(ok.status()).isEqualTo(201);
    t.ok(t.post("/containers/pub/start", ""));
    JsonNode bound = t.inspect("pub").at("/NetworkSettings/Ports/80~1tcp/0");
    assertThat(bound.get("HostIp").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void nameConflictsMissingImagesAndMissingContainersAreDockers() {
    String id = t.run("container_a", "netbook/toolbox", "default");
    ApiResponse dup =
        t.post("/containers/create?name=container_a", "{\"Image\":\"netbook/toolbox\"}");
    assertThat(dup.status()).isEqualTo(409);
    assertThat(TestApi.json(dup).get("message").asText())
        .isEqualTo(
            "Conflict. The container name \"/container_a\" is already in use by container \""
                + id
                + "\". You have to remove (or rename) that container to be able to reuse that name.");
    ApiResponse noImage = t.post("/containers/create", "{\"Image\":\"ubuntu\"}");
    assertThat(noImage.status()).isEqualTo(404);
    assertThat(TestApi.json(noImage).get("message").asText())
        .isEqualTo("No such image: ubuntu:latest");
    ApiResponse noNet =
        t.post(
            "/containers/create",
            "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"600\"],\"HostConfig\":{\"NetworkMode\":\"nosuch\"}}");
    // dockerd creates it (a 404 here would make the CLI pull the image first) and fails its start
    assertThat(noNet.status()).as(noNet.bodyText()).isEqualTo(201);
    String noNetId = TestApi.json(noNet).get("Id").asText();
    ApiResponse noNetStart = t.post("/containers/" + noNetId + "/start", "");
    assertThat(noNetStart.status()).isEqualTo(404);
    assertThat(noNetStart.bodyText()).isEqualTo("{\"message\":\"network nosuch not found\"}\n");
    assertThat(t.get("/containers/nosuch/json").bodyText())
        .isEqualTo("{\"message\":\"No such container: nosuch\"}\n");
    ApiResponse running = t.delete("/containers/container_a");
    assertThat(running.status()).isEqualTo(409);
    assertThat(running.bodyText())
        .contains(
            "You cannot remove a running container "
                + id
                + ". Stop the container before attempting removal or force remove");
  }

  @Test
  void stopKillRestartAndListWithAllAndLabels() {
    t.ok(
        t.post(
            "/containers/create?name=labelled",
            "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"60\"],\"Labels\":{\"netbook.session\":\"s1\"}}"));
    t.run("other", "netbook/toolbox", "default");
    assertThat(t.ok(t.get("/containers/json"))).hasSize(1);
    assertThat(t.ok(t.get("/containers/json?all=1"))).hasSize(2);
    JsonNode mine =
        t.ok(t.get("/containers/json?all=true&filters={\"label\":[\"netbook.session=s1\"]}"));
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("Names").get(0).asText()).isEqualTo("/labelled");
    assertThat(mine.get(0).get("Status").asText()).isEqualTo("Created");
    assertThat(t.post("/containers/labelled/start", "").status()).isEqualTo(204);
    assertThat(t.post("/containers/labelled/start", "").status()).isEqualTo(304);
    assertThat(t.post("/containers/labelled/stop?t=1", "").status()).isEqualTo(204);
    assertThat(t.post("/containers/labelled/stop", "").status()).isEqualTo(304);
    JsonNode stopped = t.inspect("labelled");
    assertThat(stopped.at("/State/ExitCode").asInt()).isEqualTo(137);
    assertThat(stopped.at("/NetworkSettings/Networks/bridge/IPAddress").asText()).isEmpty();
    ApiResponse kill = t.post("/containers/labelled/kill", "");
    assertThat(kill.status()).isEqualTo(409);
    assertThat(kill.bodyText())
        .contains(
            "Cannot kill container: labelled: Container "
                + stopped.get("Id").asText()
                + " is not running");
    assertThat(t.post("/containers/labelled/restart", "").status()).isEqualTo(204);
    assertThat(t.ok(t.get("/containers/json?filters={\"status\":[\"running\"]}"))).hasSize(2);
    assertThat(t.delete("/containers/labelled?force=1").status()).isEqualTo(204);
  }

  @Test
  void execIsFramedLikeDockersAndReportsTheExitCode() {
    String id = t.run("c1", "netbook/toolbox", "default");
    String exec =
        t.ok(
                t.post(
                    "/containers/c1/exec",
                    "{\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"sh\",\"-c\",\"echo hi; foo\"]}"))
            .get("Id")
            .asText();
    assertThat(t.ok(t.get("/exec/" + exec + "/json")).get("ExitCode").isNull()).isTrue();
    ApiResponse start = t.post("/exec/" + exec + "/start", "{\"Detach\":false,\"Tty\":false}");
    assertThat(start.contentType()).isEqualTo("application/vnd.docker.raw-stream");
    byte[] expected = {1, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n', 2, 0, 0, 0, 0, 0, 0, 19};
    assertThat(start.body()).startsWith(expected);
    assertThat(new String(start.body(), 19, 19, StandardCharsets.UTF_8))
        .isEqualTo("sh: foo: not found\n");
    JsonNode inspect = t.ok(t.get("/exec/" + exec + "/json"));
    assertThat(inspect.get("ExitCode").asInt()).isEqualTo(127);
    assertThat(inspect.get("ContainerID").asText()).isEqualTo(id);
    assertThat(inspect.at("/ProcessConfig/entrypoint").asText()).isEqualTo("sh");
    String tty =
        t.ok(
                t.post(
                    "/containers/c1/exec",
                    "{\"AttachStdout\":true,\"Tty\":true,\"Cmd\":[\"hostname\"]}"))
            .get("Id")
            .asText();
    assertThat(t.post("/exec/" + tty + "/start", "{\"Tty\":true}").bodyText())
        .isEqualTo(id.substring(0, 12) + "\r\n");
    assertThat(t.get("/exec/nosuch/json").bodyText()).contains("No such exec instance: nosuch");
  }

  @Test
  void execInAStoppedContainerIsAConflict() {
    String id =
        t.ok(
                t.post(
                    "/containers/create?name=stopped",
                    "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"5\"]}"))
            .get("Id")
            .asText();
    ApiResponse r = t.post("/containers/stopped/exec", "{\"Cmd\":[\"ls\"],\"AttachStdout\":true}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(TestApi.json(r).get("message").asText())
        .isEqualTo("Container " + id + " is not running");
  }

  @Test
  void aCommandThatEndsRunsOnceAndLeavesItsLog() {
    String id =
        t.ok(
                t.post(
                    "/containers/create?name=once",
                    "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sh\",\"-c\",\"echo hello; exit 3\"]}"))
            .get("Id")
            .asText();
    t.ok(t.post("/containers/" + id + "/start", ""));
    JsonNode state = t.inspect("once").get("State");
    assertThat(state.get("Status").asText()).isEqualTo("exited");
    assertThat(state.get("ExitCode").asInt()).isEqualTo(3);
    ApiResponse logs = t.get("/containers/once/logs?stdout=1&stderr=1");
    assertThat(logs.body()).containsExactly(1, 0, 0, 0, 0, 0, 0, 6, 'h', 'e', 'l', 'l', 'o', '\n');
    assertThat(t.ok(t.post("/containers/once/wait", "")).get("StatusCode").asInt()).isEqualTo(3);
  }

  @Test
  void imagesPullInstantlyForLabNamesAndFailForOthers() {
    TestApi empty = new TestApi(EmbeddedOptions.seeded(1));
    assertThat(empty.ok(empty.get("/images/json"))).isEmpty();
    ApiResponse pull = empty.post("/images/create?fromImage=ubuntu&tag=22.04", "");
    assertThat(pull.bodyText())
        .contains("Pulling from library/ubuntu")
        .contains("Status: Downloaded newer image for ubuntu:22.04");
    assertThat(empty.post("/images/create?fromImage=ubuntu&tag=22.04", "").bodyText())
        .contains("Image is up to date for ubuntu:22.04");
    ApiResponse denied = empty.post("/images/create?fromImage=nosuch/thing&tag=latest", "");
    assertThat(denied.status()).isEqualTo(404);
    assertThat(denied.bodyText())
        .contains(
            "pull access denied for nosuch/thing, repository does not exist or may require 'docker login'");
    JsonNode images = empty.ok(empty.get("/images/json"));
    assertThat(images.get(0).get("RepoTags").get(0).asText()).isEqualTo("ubuntu:22.04");
    assertThat(images.get(0).get("Id").asText()).startsWith("sha256:").hasSize(71);
    assertThat(empty.ok(empty.get("/images/ubuntu:22.04/json")).at("/Config/Cmd/0").asText())
        .isEqualTo("/bin/bash");
    empty.ok(empty.post("/images/create?fromImage=netbook/web&tag=latest", ""));
    assertThat(
            empty
                .ok(empty.get("/images/netbook/web/json"))
                .at("/Config/ExposedPorts")
                .has("80/tcp"))
        .isTrue();
    ApiResponse missing = empty.get("/images/alpine/json");
    assertThat(missing.bodyText()).contains("no such image: alpine: No such image: alpine:latest");
  }

  @Test
  void publishedPortsShowInInspectAndList() {
    t.ok(
        t.post(
            "/containers/create?name=web",
            "{\"Image\":\"nginx\",\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}}}"));
    t.ok(t.post("/containers/web/start", ""));
    JsonNode ports = t.inspect("web").at("/NetworkSettings/Ports/80~1tcp");
    assertThat(ports.get(0).get("HostIp").asText()).isEqualTo("0.0.0.0");
    assertThat(ports.get(0).get("HostPort").asText()).isEqualTo("8080");
    JsonNode row = t.ok(t.get("/containers/json")).get(0);
    assertThat(row.get("Ports").get(0).get("PublicPort").asInt()).isEqualTo(8080);
    assertThat(row.get("Command").asText()).isEqualTo("nginx -g daemon off;");
    assertThat(t.get("/containers/web/logs?stdout=1").bodyText())
        .contains("Configuration complete; ready for start up");
    t.ok(
        t.post(
            "/containers/create?name=web2",
            "{\"Image\":\"nginx\",\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"8080\"}]}}}"));
    ApiResponse taken = t.post("/containers/web2/start", "");
    assertThat(taken.status()).isEqualTo(500);
    assertThat(taken.bodyText())
        .contains("Bind for 0.0.0.0:8080 failed: port is already allocated");
    assertThat(List.of(t.inspect("web2").at("/State/Status").asText())).containsExactly("created");
  }
}
