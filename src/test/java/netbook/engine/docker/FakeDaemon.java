package netbook.engine.docker;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback (or unix-socket) stand-in for a Docker daemon that goes away: it answers {@code
 * /_ping} and {@code /version} while {@link Mode#ANSWER}, then closes every connection ({@link
 * Mode#CLOSE}) or keeps it open without a word ({@link Mode#HANG}). The shared dockerd is never
 * involved.
 */
public final class FakeDaemon implements AutoCloseable {
  /** How it answers. */
  public enum Mode {
    ANSWER,
    CLOSE,
    HANG
  }

  private final ServerSocket server;
  private final ServerSocketChannel unixServer;
  private final Path unixPath;
  private final List<Closeable> open = new CopyOnWriteArrayList<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile Mode mode = Mode.ANSWER;

  /** Switches how it answers from now on. */
  public void mode(Mode m) {
    mode = m;
  }

  public FakeDaemon() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    unixServer = null;
    unixPath = null;
    Thread t = new Thread(this::accept, "fake-daemon");
    t.setDaemon(true);
    t.start();
  }

  /** A fake daemon on a unix socket at {@code path}, answering in {@code mode} from the start. */
  public FakeDaemon(Path path, Mode mode) throws IOException {
    this.mode = mode;
    server = null;
    unixPath = path;
    unixServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    unixServer.bind(UnixDomainSocketAddress.of(path), 50);
    Thread t = new Thread(this::acceptUnix, "fake-daemon");
    t.setDaemon(true);
    t.start();
  }

  private void acceptUnix() {
    while (unixServer.isOpen()) {
      try {
        SocketChannel c = unixServer.accept();
        open.add(c);
        Thread t =
            new Thread(
                () -> serve(c, Channels.newInputStream(c), Channels.newOutputStream(c)),
                "fake-daemon-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /** How many requests reached it so far (answered or not). */
  public int requestCount() {
    return requests.size();
  }

  public String host() {
    return unixPath != null ? "unix://" + unixPath : "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t =
            new Thread(
                () -> {
                  try {
                    serve(s, s.getInputStream(), s.getOutputStream());
                  } catch (IOException e) {
                    // the client went away
                  }
                },
                "fake-daemon-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Closeable s, InputStream in, OutputStream out) {
    try (s;
        in;
        out) {
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

  /** Stops listening but leaves the socket file, as a daemon that died leaves it. */
  public void closeKeepingFile() throws IOException {
    unixServer.close();
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    } else {
      unixServer.close();
      Files.deleteIfExists(unixPath);
    }
    for (Closeable s : open) {
      s.close();
    }
  }
}
