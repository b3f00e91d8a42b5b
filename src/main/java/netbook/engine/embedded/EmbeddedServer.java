package netbook.engine.embedded;

import java.io.IOException;
import netbook.engine.embedded.http.HttpLimits;
import netbook.engine.embedded.http.LoopbackHttpServer;

/**
 * Serves an {@link EmbeddedDockerApi} over HTTP on the loopback interface only, so the real {@code
 * docker} CLI can drive it: {@code DOCKER_HOST=tcp://127.0.0.1:PORT docker network ls}, and {@code
 * docker exec}, attached {@code docker run} and {@code docker attach}, whose connections the engine
 * takes over (101 UPGRADED) as dockerd does. Requests must name a loopback Host and carry no
 * Origin.
 */
public final class EmbeddedServer implements AutoCloseable {
  private final LoopbackHttpServer server;

  private EmbeddedServer(LoopbackHttpServer server) {
    this.server = server;
  }

  /** Starts serving on 127.0.0.1:port (0 picks a free port; see {@link #port()}). */
  public static EmbeddedServer start(EmbeddedDockerApi api, int port) throws IOException {
    return start(api, port, HttpLimits.defaults());
  }

  /** Starts serving within these limits (timeouts, body cap, connections). */
  public static EmbeddedServer start(EmbeddedDockerApi api, int port, HttpLimits limits)
      throws IOException {
    return new EmbeddedServer(
        LoopbackHttpServer.start(port, limits, api::handleLive, EmbeddedDockerApi.serverHeaders()));
  }

  public int port() {
    return server.port();
  }

  /** The DOCKER_HOST value that reaches this server: tcp://127.0.0.1:PORT. */
  public String dockerHost() {
    return "tcp://127.0.0.1:" + port();
  }

  /** Stops serving; open connections (attached clients too) are closed. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "embedded Docker engine at " + dockerHost();
  }
}
