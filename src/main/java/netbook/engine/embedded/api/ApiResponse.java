package netbook.engine.embedded.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Engine API answer: the status, the content type ("" when there is no body), the body, and any
 * extra headers (the /_ping headers, for instance).
 */
public record ApiResponse(
    int status, String contentType, byte[] body, Map<String, String> headers) {

  /** The content type Docker gives exec and attach streams, framed or raw. */
  public static final String RAW_STREAM = "application/vnd.docker.raw-stream";

  public static final String JSON = "application/json";

  public ApiResponse {
    contentType = contentType == null ? "" : contentType;
    body = body == null ? new byte[0] : body;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
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
    return new ApiResponse(status, contentType, body, all);
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
    return status
        + (contentType.isEmpty() ? "" : " " + contentType)
        + (text.isEmpty() ? (body.length == 0 ? "" : " (" + body.length + " bytes)") : " " + text);
  }
}
