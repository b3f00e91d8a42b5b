package netbook.engine.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for a Docker daemon that goes away: it answers {@code /_ping} and {@code
 * /version} while {@link Mode#ANSWER}, then closes every connection ({@link Mode#CLOSE}) or keeps
 * it open without a word ({@link Mode#HANG}). The shared dockerd is never involved.
 */
public final class FakeDaemon implements AutoCloseable {
  /** How it answers. */
  public enum Mode {
    ANSWER,
    CLOSE,
    HANG
  }

  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile Mode mode = Mode.ANSWER;

  /** Switches how it answers from now on. */
  public void mode(Mode m) {
    mode = m;
  }

  public FakeDaemon() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "fake-daemon");
    t.setDaemon(true);
    t.start();
  }

  /** How many requests reached it so far (answered or not). */
  public int requestCount() {
    return requests.size();
  }

  public String host() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fake-daemon-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String path = head.split(" ", 3)[1];
        requests.add(path);
        switch (mode) {
          case CLOSE -> {
            return;
          }
          case HANG -> {
            Thread.sleep(60_000);
            return;
          }
          default -> {
            String body =
                path.endsWith("/_ping")
                    ? "OK"
                    : path.contains("/containers/json") || path.matches("(/v[0-9.]+)?/networks.*")
                        ? "[]"
                        : "{\"Version\":\"fake\",\"ApiVersion\":\"1.41\"}";
            String type = path.endsWith("/_ping") ? "text/plain" : "application/json";
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Type: "
                        + type
                        + "\r\nApi-Version: 1.41\r\nContent-Length: "
                        + body.length()
                        + "\r\n\r\n"
                        + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the test ended
    }
  }

  /** The request line of the next request (headers skipped; requests here have no body). */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        return sb.substring(0, sb.indexOf("\r\n"));
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
