package netbook.engine.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.api.ApiResponse;

/**
 * Serves an {@link EmbeddedDockerApi} over HTTP on the loopback interface only, so the real {@code
 * docker} CLI can drive it: {@code DOCKER_HOST=tcp://127.0.0.1:PORT docker network ls}.
 */
public final class EmbeddedServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private EmbeddedServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on 127.0.0.1:port (0 picks a free port; see {@link #port()}). */
  public static EmbeddedServer start(EmbeddedDockerApi api, int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "netbook-embedded-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(api, exchange));
    server.start();
    return new EmbeddedServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The DOCKER_HOST value that reaches this server: tcp://127.0.0.1:PORT. */
  public String dockerHost() {
    return "tcp://127.0.0.1:" + port();
  }

  private static void answer(EmbeddedDockerApi api, HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String target = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        target = target + "?" + query;
      }
      ApiResponse r =
          api.handle(new ApiRequest(exchange.getRequestMethod(), target, headers, body));
      EmbeddedDockerApi.serverHeaders()
          .forEach((k, v) -> exchange.getResponseHeaders().put(k, List.of(v)));
      r.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, List.of(v)));
      if (!r.contentType().isEmpty()) {
        exchange.getResponseHeaders().put("Content-Type", List.of(r.contentType()));
      }
      boolean noBody =
          r.status() == 204
              || r.status() == 304
              || "HEAD".equals(exchange.getRequestMethod())
              || r.body().length == 0;
      exchange.sendResponseHeaders(r.status(), noBody ? -1 : r.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(r.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "embedded Docker engine at " + dockerHost();
  }
}
