package netbook.engine.embedded.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Engine API answer: the status, the content type ("" when there is no body), the body, any
 * extra headers (the /_ping headers, for instance), and for answers that go on after their head a
 * {@link Stream} (null otherwise): status 101 hijacks the connection (exec start, attach), any
 * other status streams its body (logs follow, wait). Only {@link ApiRouter#handleLive} gives
 * streams.
 */
public record ApiResponse(
    int status, String contentType, byte[] body, Map<String, String> headers, Stream stream) {

  /** The status of an answer that takes over the connection, as dockerd's 101 UPGRADED. */
  public static final int UPGRADED = 101;

  /**
   * The rest of a streamed answer: reads what the client sends on a hijacked connection (an empty
   * stream otherwise) and writes the body, until the exec, the attached container or the wait ends.
   */
  @FunctionalInterface
  public interface Stream {
    void run(InputStream in, OutputStream out) throws IOException, InterruptedException;
  }

  /** The content type Docker gives exec and attach streams, framed or raw. */
  public static final String RAW_STREAM = "application/vnd.docker.raw-stream";

  public static final String JSON = "application/json";

  public ApiResponse {
    contentType = contentType == null ? "" : contentType;
    body = body == null ? new byte[0] : body;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    this(status, contentType, body, headers, null);
  }

  /** Takes over the connection: the client's stdin comes in, the raw or framed output goes out. */
  static ApiResponse hijacked(Stream stream) {
    return new ApiResponse(UPGRADED, RAW_STREAM, new byte[0], Map.of(), stream);
  }

  /** A 200 whose body is written as it comes (chunked over HTTP). */
  static ApiResponse streamed(String contentType, Stream stream) {
    return new ApiResponse(200, contentType, new byte[0], Map.of(), stream);
  }

  static ApiResponse json(int status, String json) {
    return new ApiResponse(status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static ApiResponse empty(int status) {
    return new ApiResponse(status, "", new byte[0], Map.of());
  }

  static ApiResponse text(int status, String text) {
    return new ApiResponse(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  ApiResponse withHeaders(Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(extra);
    return new ApiResponse(status, contentType, body, all, stream);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    String text = JSON.equals(contentType) || contentType.startsWith("text/") ? bodyText() : "";
    if (text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    if (stream != null) {
      return status + " " + contentType + " (streamed)";
    }
    return status
        + (contentType.isEmpty() ? "" : " " + contentType)
        + (text.isEmpty() ? (body.length == 0 ? "" : " (" + body.length + " bytes)") : " " + text);
  }
}
