package netbook.engine.embedded.api;

import static org.assertj.core.api.Assertions.assertThat;

import netbook.engine.embedded.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /containers/{id}/rename, with dockerd 20.10's answers (recorded from a real daemon). */
class RenameApiTest {
  private final TestApi t = new TestApi();
  private String aId;
  private String bId;

  @BeforeEach
  void twoContainers() {
    t.createNetwork("n");
    aId = t.run("ca", "netbook/toolbox", "n");
    bId = t.run("cb", "netbook/toolbox", "n");
  }

  @Test
  void theNewNameIsWhatInspectListAndTheDnsAnswer() {
    ApiResponse r = t.post("/containers/ca/rename?name=ca2", "");
    assertThat(r.status()).isEqualTo(204);
    assertThat(t.inspect(aId).get("Name").asText()).isEqualTo("/ca2");
    assertThat(t.ok(t.get("/containers/json?filters=%7B%22name%22%3A%5B%22ca2%22%5D%7D")).size())
        .isEqualTo(1);
    assertThat(t.exec("cb", "ping", "-c", "1", "ca2").stdout()).startsWith("PING ca2 (172.18.0.2)");
    TestApi.Output old = t.exec("cb", "ping", "-c", "1", "ca");
    assertThat(old.stderr()).isEqualTo("ping: bad address 'ca'\n");
    assertThat(t.exec("ca2", "hostname").stdout())
        .as("the hostname stays")
        .isEqualTo(aId.substring(0, 12) + "\n");
    assertThat(t.get("/containers/ca/json").status()).isEqualTo(404);
    assertThat(t.post("/v1.41/containers/" + aId + "/rename?name=/ca3", "").status())
        .isEqualTo(204);
    assertThat(t.inspect("ca3").get("Id").asText()).isEqualTo(aId);
  }

  @Test
  void refusedWithDockersErrors() {
    assertRefused("/containers/ca/rename", 400, "Neither old nor new names may be empty");
    assertRefused(
        "/containers/ca/rename?name=ca",
        400,
        "Renaming a container with the same name as its current name");
    assertRefused(
        "/containers/ca/rename?name=cb",
        409,
        "Error when allocating new name: Conflict. The container name \\\"/cb\\\" is already in use"
            + " by container \\\""
            + bId
            + "\\\". You have to remove (or rename) that container to be able to reuse that name.");
    assertRefused(
        "/containers/ca/rename?name=b%40d",
        400,
        "Error when allocating new name: Invalid container name (/b@d), only"
            + " [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    assertRefused("/containers/nosuch/rename?name=x", 404, "No such container: nosuch");
  }

  private void assertRefused(String target, int status, String message) {
    ApiResponse r = t.post(target, "");
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.bodyText()).isEqualTo("{\"message\":\"" + message + "\"}\n");
  }
}
