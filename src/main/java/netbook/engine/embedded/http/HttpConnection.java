package netbook.engine.embedded.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.api.ApiResponse;

/**
 * Serves one connection on its own thread: requests one after another (keep-alive) until the client
 * closes, stays idle too long, is refused, or an answer hijacks the connection (101).
 */
final class HttpConnection implements Runnable {
  private final Socket socket;
  private final HttpLimits limits;
  private final Function<ApiRequest, ApiResponse> handler;
  private final Map<String, String> serverHeaders;

  HttpConnection(
      Socket socket,
      HttpLimits limits,
      Function<ApiRequest, ApiResponse> handler,
      Map<String, String> serverHeaders) {
    this.socket = socket;
    this.limits = limits;
    this.handler = handler;
    this.serverHeaders = serverHeaders;
  }

  @Override
  public void run() {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      HttpReader reader = new HttpReader(socket, in, limits);
      boolean more = true;
      while (more) {
        more = serveOne(reader, in, out);
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server stops
    }
  }

  private boolean serveOne(HttpReader reader, InputStream in, OutputStream out)
      throws IOException, InterruptedException {
    HttpHead head;
    byte[] body;
    try {
      head = reader.readHead();
      if (head == null) {
        return false;
      }
      Optional<String> refusal = LoopbackGuard.refusal(head);
      if (refusal.isPresent()) {
        throw new HttpProblem(403, refusal.get());
      }
      reader.declaredLength(head); // a body over the cap is refused before it is sent
      if (head.header("Expect").equalsIgnoreCase("100-continue")) {
        HttpAnswers.head(out, 100, Map.of()); // curl waits for it before a larger body
        out.flush();
      }
      body = reader.readBody(head);
    } catch (HttpProblem p) {
      HttpAnswers.error(out, p.status(), p.getMessage(), serverHeaders);
      return false;
    }
    ApiResponse r =
        handler.apply(new ApiRequest(head.method(), head.target(), head.headers(), body));
    if (r.stream() != null && r.status() == ApiResponse.UPGRADED) {
      hijack(head, r, in, out);
      return false;
    }
    boolean close = head.closes();
    Map<String, String> h = headers(r, close);
    if (r.stream() != null) {
      h.put("Transfer-Encoding", "chunked");
      HttpAnswers.head(out, r.status(), h);
      out.flush(); // a waiting client learns its wait is registered
      socket.setSoTimeout(0);
      ChunkedOutputStream chunks = new ChunkedOutputStream(out);
      r.stream().run(InputStream.nullInputStream(), chunks);
      chunks.finish();
      return !close;
    }
    boolean noBody = r.status() == 204 || r.status() == 304;
    if (!noBody) {
      h.put("Content-Length", String.valueOf(r.body().length));
    }
    HttpAnswers.head(out, r.status(), h);
    if (!noBody && !head.method().equals("HEAD")) {
      out.write(r.body());
    }
    out.flush();
    return !close;
  }

  private Map<String, String> headers(ApiResponse r, boolean close) {
    Map<String, String> h = new LinkedHashMap<>(serverHeaders);
    h.putAll(r.headers());
    if (!r.contentType().isEmpty()) {
      h.put("Content-Type", r.contentType());
    }
    if (close) {
      h.put("Connection", "close");
    }
    return h;
  }

  /**
   * Hands the connection to the answer's stream as dockerd does: 101 UPGRADED when the client asked
   * to upgrade to tcp, else 200 OK, and then raw bytes both ways until the stream ends.
   */
  private void hijack(HttpHead head, ApiResponse r, InputStream in, OutputStream out)
      throws IOException, InterruptedException {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", r.contentType());
    boolean upgrade = head.upgradeToTcp();
    if (upgrade) {
      h.put("Connection", "Upgrade");
      h.put("Upgrade", "tcp");
    }
    h.putAll(serverHeaders);
    HttpAnswers.head(out, upgrade ? ApiResponse.UPGRADED : 200, h);
    out.flush();
    socket.setSoTimeout(0); // stdin may stay quiet as long as the user likes
    r.stream().run(in, out);
    out.flush();
  }

  @Override
  public String toString() {
    return "connection from " + socket.getRemoteSocketAddress();
  }
}
