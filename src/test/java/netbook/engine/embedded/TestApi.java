package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.api.ApiResponse;
import netbook.engine.embedded.model.EmbeddedOptions;

/** A seeded embedded engine and short-hands for the API calls tests make. */
public final class TestApi {
  public static final ObjectMapper JSON = new ObjectMapper();

  public final EmbeddedDockerApi api;

  public TestApi() {
    this(
        EmbeddedOptions.seeded(7)
            .withServePublishedPorts(false)
            .withPreloadedImages(
                List.of("netbook/toolbox", "netbook/web", "netbook/bare", "nginx")));
  }

  public TestApi(EmbeddedOptions options) {
    this.api = new EmbeddedDockerApi(options);
  }

  public ApiResponse get(String target) {
    return api.handle(ApiRequest.get(target));
  }

  public ApiResponse post(String target, String json) {
    return api.handle(ApiRequest.post(target, json));
  }

  public ApiResponse delete(String target) {
    return api.handle(ApiRequest.delete(target));
  }

  public static JsonNode json(ApiResponse r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Expects a 2xx answer and returns its JSON. */
  public JsonNode ok(ApiResponse r) {
    assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    return r.body().length == 0 ? JSON.createObjectNode() : json(r);
  }

  public String createNetwork(String name) {
    return ok(post("/v1.41/networks/create", "{\"Name\":\"" + name + "\",\"CheckDuplicate\":true}"))
        .get("Id")
        .asText();
  }

  /** Creates and starts a container running {@code sleep 600} on the given network mode. */
  public String run(String name, String image, String networkMode, String... aliases) {
    StringBuilder body = new StringBuilder("{\"Image\":\"" + image + "\"");
    if (!image.contains("web") && !image.equals("nginx")) {
      body.append(",\"Cmd\":[\"sleep\",\"600\"]");
    }
    body.append(",\"HostConfig\":{\"NetworkMode\":\"").append(networkMode).append("\"}");
    if (aliases.length > 0) {
      body.append(",\"NetworkingConfig\":{\"EndpointsConfig\":{\"")
          .append(networkMode)
          .append("\":{\"Aliases\":[\"")
          .append(String.join("\",\"", aliases))
          .append("\"]}}}");
    }
    body.append('}');
    String id = ok(post("/containers/create?name=" + name, body.toString())).get("Id").asText();
    ok(post("/containers/" + id + "/start", ""));
    return id;
  }

  public JsonNode inspect(String container) {
    return ok(get("/containers/" + container + "/json"));
  }

  public String ip(String container, String network) {
    return inspect(container)
        .path("NetworkSettings")
        .path("Networks")
        .path(network)
        .path("IPAddress")
        .asText();
  }

  /** What exec start returned, decoded from Docker's frames. */
  public record Output(String stdout, String stderr, int exitCode) {
    public String all() {
      return stdout + stderr;
    }
  }

  public Output exec(String container, String... cmd) {
    String body = "{\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":" + array(cmd) + "}";
    String id = ok(post("/containers/" + container + "/exec", body)).get("Id").asText();
    ApiResponse r = post("/exec/" + id + "/start", "{\"Detach\":false,\"Tty\":false}");
    assertThat(r.status()).isEqualTo(200);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    ByteBuffer b = ByteBuffer.wrap(r.body());
    while (b.remaining() >= 8) {
      int stream = b.get();
      b.get();
      b.get();
      b.get();
      int n = b.getInt();
      byte[] payload = new byte[n];
      b.get(payload);
      (stream == 2 ? err : out).append(new String(payload, StandardCharsets.UTF_8));
    }
    int code = ok(get("/exec/" + id + "/json")).get("ExitCode").asInt();
    return new Output(out.toString(), err.toString(), code);
  }

  public static String array(String... items) {
    try {
      return JSON.writeValueAsString(items);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
