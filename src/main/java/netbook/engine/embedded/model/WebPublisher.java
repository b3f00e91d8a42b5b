package netbook.engine.embedded.model;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import netbook.engine.PortBinding;

/**
 * Published ports. For web containers whose port 80 is published, a real HTTP server answers on the
 * host's loopback (127.0.0.1 only, never other interfaces) with nginx's welcome page, so {@code
 * http://localhost:PORT} works; other published ports are only booked.
 */
final class WebPublisher {
  private final boolean serve;
  private final Map<String, List<HttpServer>> servers = new HashMap<>();
  private ExecutorService executor;

  WebPublisher(boolean serve) {
    this.serve = serve;
  }

  /** Whether this binding gets a real HTTP server: a web image's port 80/tcp, when serving. */
  boolean serves(ContainerState c, PortBinding p) {
    return serve && c.image().web() && p.containerPort() == 80 && "tcp".equals(p.protocol());
  }

  /** Serves the welcome page on 127.0.0.1:port; the port bound, or -1 when it is in use. */
  int serve(ContainerState c, int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
      server.createContext("/", exchange -> answer(exchange, WebPages.welcome(c.image())));
      server.setExecutor(executor());
      server.start();
      servers.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(server);
      return server.getAddress().getPort();
    } catch (IOException e) {
      return -1;
    }
  }

  void unpublish(ContainerState c) {
    List<HttpServer> list = servers.remove(c.id());
    if (list != null) {
      list.forEach(s -> s.stop(0));
    }
  }

  private synchronized ExecutorService executor() {
    if (executor == null) {
      executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "netbook-embedded-web");
                t.setDaemon(true);
                return t;
              });
    }
    return executor;
  }

  private static void answer(HttpExchange exchange, String welcome) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean index = WebPages.isIndex(path);
      byte[] body =
          (index ? WebPages.WELCOME : WebPages.NOT_FOUND).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Server", WebPages.SERVER);
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(index ? 200 : 404, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
