package netbook.engine.embedded.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes answer heads, and errors as Docker's {"message": …} bodies. */
final class HttpAnswers {
  private HttpAnswers() {}

  static String reason(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 101 -> "UPGRADED"; // what dockerd writes
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Request Entity Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }

  /** The status line and headers, and the blank line after them. */
  static void head(OutputStream out, int status, Map<String, String> headers) throws IOException {
    StringBuilder s = new StringBuilder("HTTP/1.1 ").append(status).append(' ');
    s.append(reason(status)).append("\r\n");
    headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
    s.append("\r\n");
    out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** An error the server itself answers (refused, too large, too slow), closing the connection. */
  static void error(OutputStream out, int status, String message, Map<String, String> server)
      throws IOException {
    String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
    byte[] body = ("{\"message\":\"" + quoted + "\"}\n").getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = new LinkedHashMap<>(server);
    h.put("Content-Type", "application/json");
    h.put("Content-Length", String.valueOf(body.length));
    h.put("Connection", "close");
    head(out, status, h);
    out.write(body);
    out.flush();
  }
}
