package netbook.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback stand-in for a daemon that pulls: it answers {@code /_ping} and {@code /version}, says
 * no image exists, and answers {@code POST /images/create} with the recorded stream lines it was
 * given (one chunk each), then ends the stream, or, when {@code hang}, keeps it open without a word
 * until the client closes it ({@link #closed} counts down). No real daemon, no registry.
 */
public final class FakePullDaemon implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> lines;
  private final boolean hang;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /** Counts down when the client closed a pull's stream that was left open. */
  public final CountDownLatch closed = new CountDownLatch(1);

  public FakePullDaemon(List<String> lines, boolean hang) throws IOException {
    this.lines = List.copyOf(lines);
    this.hang = hang;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "fake-pull-daemon");
    t.setDaemon(true);
    t.start();
  }

  public String host() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fake-pull-daemon-conn");
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
        if (path.contains("/images/create")) {
          stream(in, out);
          return;
        }
        int status = 200;
        String body;
        if (path.endsWith("/_ping")) {
          body = "OK";
        } else if (path.contains("/version")) {
          body = "{\"Version\":\"fake\",\"ApiVersion\":\"1.41\"}";
        } else {
          status = 404;
          body = "{\"message\":\"No such image\"}";
        }
        out.write(
            ("HTTP/1.1 "
                    + status
                    + (status == 200 ? " OK" : " Not Found")
                    + "\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\nContent-Length: "
                    + body.length()
                    + "\r\n\r\n"
                    + body)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away, or the test ended
    }
  }

  private void stream(InputStream in, OutputStream out) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    for (String line : lines) {
      byte[] b = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
      out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    if (hang) {
      // the client's close shows as the end of its side of the connection
      try {
        while (in.read() >= 0) {
          // (nothing is expected)
        }
      } catch (IOException e) {
        // a reset: closed as well
      }
      closed.countDown();
      return;
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

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

  /** A recorded stream line: a layer's status with its progress detail (null: none). */
  public static String line(String id, String status, Long current, Long total) {
    StringBuilder sb = new StringBuilder("{\"status\":\"").append(status).append('"');
    if (id != null) {
      sb.append(",\"id\":\"").append(id).append('"');
    }
    if (current != null || total != null) {
      sb.append(",\"progressDetail\":{");
      if (current != null) {
        sb.append("\"current\":").append(current);
      }
      if (total != null) {
        sb.append(current != null ? "," : "").append("\"total\":").append(total);
      }
      sb.append('}');
    } else {
      sb.append(",\"progressDetail\":{}");
    }
    return sb.append('}').toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
