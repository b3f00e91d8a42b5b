package netbook.engine.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.EmbeddedDockerApi;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.api.ApiResponse;

/**
 * A docker-java transport that hands each request to an in-process {@link EmbeddedDockerApi}
 * instead of a socket, so a {@code DockerClient} (and the adapter over it) runs unchanged on the
 * embedded engine. Exec and attach streams come back whole, framed as Docker frames them; a
 * hijacked stdin is not read (the emulated commands take no input).
 */
public final class EmbeddedHttpClient implements DockerHttpClient {
  private final EmbeddedDockerApi api;

  public EmbeddedHttpClient(EmbeddedDockerApi api) {
    this.api = api;
  }

  public EmbeddedDockerApi api() {
    return api;
  }

  @Override
  public Response execute(Request request) {
    byte[] body;
    try (InputStream in = request.body()) {
      body = in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ApiResponse r =
        api.handle(new ApiRequest(request.method(), request.path(), request.headers(), body));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    EmbeddedDockerApi.serverHeaders().forEach((k, v) -> headers.put(k, List.of(v)));
    r.headers().forEach((k, v) -> headers.put(k, List.of(v)));
    if (!r.contentType().isEmpty()) {
      headers.put("Content-Type", List.of(r.contentType()));
    }
    return new EmbeddedResponse(r.status(), headers, r.body());
  }

  /** Closes the embedded engine (its published ports stop answering). */
  @Override
  public void close() {
    api.close();
  }

  private record EmbeddedResponse(int status, Map<String, List<String>> headers, byte[] body)
      implements Response {
    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {}

    @Override
    public String getHeader(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }
}
