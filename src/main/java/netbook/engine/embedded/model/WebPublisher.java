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
 * http://localhost:PORT} works; a node container's published port 2375 serves its own engine
 * ({@link NodeEngines}); other published ports are only booked.
 */
final class WebPublisher {
  private final boolean serve;
  private final Map<String, List<HttpServer>> servers = new HashMap<>();
  private final java.util.Set<String> nodeIds = new java.util.HashSet<>();
  private NodeEngines nodes;
  private ExecutorService executor;

  WebPublisher(boolean serve) {
    this.serve = serve;
  }

  void nodes(NodeEngines value) {
    this.nodes = value;
  }

  /**
   * Whether this binding gets a real server: a web image's port 80/tcp, a node's 2375/tcp, when
   * serving.
   */
  boolean serves(ContainerState c, PortBinding p) {
    return serve && "tcp".equals(p.protocol()) && (web(c, p) || node(c, p));
  }

  private static boolean web(ContainerState c, PortBinding p) {
    return c.image().web() && p.containerPort() == 80;
  }

  private boolean node(ContainerState c, PortBinding p) {
    return nodes != null
        && c.image().kind() == ImageRecord.Kind.NODE
        && p.containerPort() == 2375
        && c.command().stream().anyMatch(a -> a.endsWith("dockerd"));
  }

  /**
   * Serves the welcome page (a node's engine) on 127.0.0.1:port; the port bound, or -1 when it is
   * in use.
   */
  int serve(ContainerState c, int port) {
    if (c.image().kind() == ImageRecord.Kind.NODE) {
      int bound = nodes.serve(c, port);
      if (bound > 0) {
        nodeIds.add(c.id());
      }
      return bound;
    }
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
    if (nodeIds.remove(c.id())) {
      nodes.stop(c.id());
    }
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
