package netbook.engine.embedded.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads requests off one connection within {@link HttpLimits}: an idle connection is dropped after
 * the idle timeout, and once a request has begun each read waits at most the read timeout and its
 * head (or body) at most as long in all; a body over the cap is refused unread (413).
 */
final class HttpReader {
  static final int MAX_HEAD_BYTES = 64 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final HttpLimits limits;
  private long deadline;
  private int headBytes;

  HttpReader(Socket socket, InputStream in, HttpLimits limits) {
    this.socket = socket;
    this.in = in;
    this.limits = limits;
  }

  /** The next request's head, or null when the client closed or stayed idle too long. */
  HttpHead readHead() throws IOException, HttpProblem {
    socket.setSoTimeout(millis(limits.idleTimeout().toMillis()));
    int first;
    try {
      first = in.read();
    } catch (SocketTimeoutException e) {
      return null;
    }
    if (first < 0) {
      return null;
    }
    begin();
    headBytes = 1;
    String requestLine = (char) first + line();
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new HttpProblem(400, "malformed request line: " + abbreviate(requestLine));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(h.charAt(0))) {
        throw new HttpProblem(400, "malformed header line: " + abbreviate(h));
      }
      headers.putIfAbsent(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    return new HttpHead(parts[0], parts[1], parts[2], headers);
  }

  /** The request's body: Content-Length or chunked, at most the cap; empty when there is none. */
  byte[] readBody(HttpHead head) throws IOException, HttpProblem {
    begin();
    if (head.chunked()) {
      return chunked();
    }
    long n = declaredLength(head);
    return n < 0 ? new byte[0] : exactly((int) n);
  }

  /** The Content-Length, -1 without one; refused when malformed (400) or over the cap (413). */
  long declaredLength(HttpHead head) throws HttpProblem {
    String length = head.header("Content-Length");
    if (length.isEmpty() || head.chunked()) {
      return -1;
    }
    long n;
    try {
      n = Long.parseLong(length);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 0) {
      throw new HttpProblem(400, "malformed Content-Length: " + abbreviate(length));
    }
    if (n > limits.maxBodyBytes()) {
      throw tooLarge(n + " bytes");
    }
    return n;
  }

  private byte[] chunked() throws IOException, HttpProblem {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      headBytes = 0;
      String size = line();
      int semi = size.indexOf(';');
      long n;
      try {
        n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new HttpProblem(400, "malformed chunk size: " + abbreviate(size));
      }
      if (n == 0) {
        while (!line().isEmpty()) {
          headBytes = 0; // trailers, ignored
        }
        return body.toByteArray();
      }
      if (n < 0 || body.size() + n > limits.maxBodyBytes()) {
        throw tooLarge("over " + limits.maxBodyText());
      }
      body.writeBytes(exactly((int) n));
      line();
    }
  }

  private HttpProblem tooLarge(String size) {
    return new HttpProblem(
        413,
        "request body too large: "
            + size
            + ", the embedded engine accepts at most "
            + limits.maxBodyText()
            + " (image builds and loads are not modelled)");
  }

  private byte[] exactly(int n) throws IOException, HttpProblem {
    byte[] out = new byte[n];
    int done = 0;
    while (done < n) {
      int offset = done;
      int r = timed(() -> in.read(out, offset, n - offset));
      if (r < 0) {
        throw new HttpProblem(400, "the body ended after " + done + " of " + n + " bytes");
      }
      done += r;
    }
    return out;
  }

  /** One CRLF- (or LF-) terminated line, without its terminator. */
  private String line() throws IOException, HttpProblem {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = timed(in::read);
      if (b < 0) {
        throw new HttpProblem(400, "the request ended in its head");
      }
      if (++headBytes > MAX_HEAD_BYTES) {
        throw new HttpProblem(431, "request head over " + (MAX_HEAD_BYTES / 1024) + " KiB");
      }
      if (b == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
  }

  private interface Read {
    int read() throws IOException;
  }

  private int timed(Read read) throws IOException, HttpProblem {
    if (System.nanoTime() > deadline) {
      throw timeout();
    }
    try {
      return read.read();
    } catch (SocketTimeoutException e) {
      throw timeout();
    }
  }

  private HttpProblem timeout() {
    return new HttpProblem(
        408,
        "request not received in time: the embedded engine waits "
            + limits.readTimeout().toMillis()
            + " ms for a request's head and as long for its body");
  }

  private void begin() throws IOException {
    long timeout = limits.readTimeout().toMillis();
    socket.setSoTimeout(millis(timeout));
    deadline = System.nanoTime() + timeout * 1_000_000L;
  }

  private static int millis(long value) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, value));
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
