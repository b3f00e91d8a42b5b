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
import java.util.function.IntPredicate;
import netbook.engine.PortBinding;

/**
 * Published ports. For web containers whose port 80 is published, a real HTTP server answers on the
 * host's loopback (127.0.0.1 only, never other interfaces) with nginx's welcome page, so {@code
 * http://localhost:PORT} works; other published ports are only booked.
 */
final class WebPublisher {
  private static final int EPHEMERAL_FIRST = 49153;

  private final boolean serve;
  private final Map<String, List<HttpServer>> servers = new HashMap<>();
  private ExecutorService executor;
  private int nextEphemeral = EPHEMERAL_FIRST;

  WebPublisher(boolean serve) {
    this.serve = serve;
  }

  /** Books (and for web containers serves) a published port; returns the actual host port. */
  int publish(ContainerState c, PortBinding p, IntPredicate inUse) {
    boolean web = serve && c.image().web() && p.containerPort() == 80 && "tcp".equals(p.protocol());
    int port = p.hostPort();
    if (port > 0 && inUse.test(port)) {
      throw ApiException.serverError(
          "driver failed programming external connectivity on endpoint "
              + c.name()
              + " ("
              + c.id()
              + "): Bind for 0.0.0.0:"
              + port
              + " failed: port is already allocated");
    }
    if (!web) {
      if (port == 0) {
        do {
          port = nextEphemeral++;
        } while (inUse.test(port));
      }
      return port;
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
      throw ApiException.serverError(
          "driver failed programming external connectivity on endpoint "
              + c.name()
              + " ("
              + c.id()
              + "): Error starting userland proxy: listen tcp4 0.0.0.0:"
              + port
              + ": bind: address already in use");
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
