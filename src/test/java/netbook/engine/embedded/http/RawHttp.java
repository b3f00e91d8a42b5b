package netbook.engine.embedded.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client for tests that speaks HTTP/1.1 by hand over a real socket, so a test sees exactly the
 * bytes the server writes (status line, headers, chunks, hijacked raw streams).
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** A parsed answer head and its body (empty for hijacked answers: read the rest with in()). */
  public record Answer(int status, String statusLine, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.getOrDefault(name, "");
    }
  }

  public RawHttp(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(20_000); // every read in a test waits at most this long
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  public Socket socket() {
    return socket;
  }

  public InputStream in() {
    return in;
  }

  public RawHttp send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return this;
  }

  public RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** A request with a loopback Host, and a body with its Content-Length when not null. */
  public static String request(String method, String target, String body, String... headers) {
    StringBuilder s = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String h : headers) {
      s.append(h).append("\r\n");
    }
    if (body != null) {
      s.append("Content-Type: application/json\r\n");
      s.append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append("\r\n");
    }
    return s.append("\r\n").append(body == null ? "" : body).toString();
  }

  /** Reads one answer: its head, and its body when it has a length or chunks. */
  public Answer read() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    String body = "";
    if (headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT).equals("chunked")) {
      body = chunks();
    } else if (headers.containsKey("Content-Length")) {
      body = new String(in.readNBytes(Integer.parseInt(headers.get("Content-Length"))), UTF8);
    }
    return new Answer(status, statusLine, headers, body);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** A chunked body, read after its head. */
  public String chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int n = Integer.parseInt(line(), 16); n > 0; n = Integer.parseInt(line(), 16)) {
      body.writeBytes(in.readNBytes(n));
      line();
    }
    line();
    return body.toString(UTF8);
  }

  /** Everything until the server closes the connection. */
  public byte[] rest() throws IOException {
    return in.readAllBytes();
  }

  /** Reads until the text has arrived (or the connection closes); returns all that was read. */
  public String readUntil(String text) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    while (!seen.toString(UTF8).contains(text)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      seen.write(b);
    }
    return seen.toString(UTF8);
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the server closed the connection in a line: " + line.toString(UTF8));
      }
      line.write(b);
    }
    String s = line.toString(UTF8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public String toString() {
    return "raw HTTP client on " + socket.getLocalSocketAddress();
  }
}
