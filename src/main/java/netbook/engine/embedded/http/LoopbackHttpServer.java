package netbook.engine.embedded.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.api.ApiResponse;

/**
 * An HTTP/1.1 server on a loopback port, one thread per connection (so idle, waiting or hijacked
 * connections never hold up the others), at most {@link HttpLimits#maxConnections()} at once.
 */
public final class LoopbackHttpServer implements AutoCloseable {
  private final ServerSocket listener;
  private final HttpLimits limits;
  private final Function<ApiRequest, ApiResponse> handler;
  private final Map<String, String> serverHeaders;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private Thread acceptor;

  private LoopbackHttpServer(
      ServerSocket listener,
      HttpLimits limits,
      Function<ApiRequest, ApiResponse> handler,
      Map<String, String> serverHeaders) {
    this.listener = listener;
    this.limits = limits;
    this.handler = handler;
    this.serverHeaders = Map.copyOf(serverHeaders);
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "netbook-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Listens on 127.0.0.1:port (0 picks a free port) and serves until closed. */
  public static LoopbackHttpServer start(
      int port,
      HttpLimits limits,
      Function<ApiRequest, ApiResponse> handler,
      Map<String, String> serverHeaders)
      throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    LoopbackHttpServer server = new LoopbackHttpServer(listener, limits, handler, serverHeaders);
    Thread acceptor = new Thread(server::accept, "netbook-http-accept");
    acceptor.setDaemon(true);
    server.acceptor = acceptor;
    acceptor.start();
    return server;
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (open.size() >= limits.maxConnections()) {
        refuse(s);
        continue;
      }
      open.add(s);
      threads.execute(
          () -> {
            try {
              new HttpConnection(s, limits, handler, serverHeaders).run();
            } finally {
              open.remove(s);
            }
          });
    }
  }

  private void refuse(Socket s) {
    try (s;
        OutputStream out = s.getOutputStream()) {
      HttpAnswers.error(
          out,
          503,
          "the embedded engine serves at most "
              + limits.maxConnections()
              + " connections at once: close some and retry",
          serverHeaders);
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Stops listening and closes every connection, hijacked ones too. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    // the JDK closes a listening socket only once the thread blocked in accept has left it: until
    // then a connect still succeeds, so wait for the acceptor (briefly) before saying it is closed
    Thread a = acceptor;
    if (a != null && a != Thread.currentThread()) {
      try {
        a.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "HTTP server on 127.0.0.1:" + port() + " (" + open.size() + " connections)";
  }
}
