package netbook.engine.embedded.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One Engine API request: the method, the request target (path and query, as on the request line,
 * e.g. {@code /v1.41/containers/json?all=1}), the headers and the body.
 */
public record ApiRequest(String method, String target, Map<String, String> headers, byte[] body) {

  public ApiRequest {
    method = method.toUpperCase(Locale.ROOT);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public static ApiRequest get(String target) {
    return new ApiRequest("GET", target, Map.of(), new byte[0]);
  }

  public static ApiRequest delete(String target) {
    return new ApiRequest("DELETE", target, Map.of(), new byte[0]);
  }

  public static ApiRequest post(String target) {
    return new ApiRequest("POST", target, Map.of(), new byte[0]);
  }

  /** A POST with a JSON body. */
  public static ApiRequest post(String target, String json) {
    return new ApiRequest(
        "POST",
        target,
        Map.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** The path without the query and without a {@code /v1.NN} version prefix. */
  public String path() {
    int q = target.indexOf('?');
    String p = q < 0 ? target : target.substring(0, q);
    if (p.matches("^/v\\d+\\.\\d+(/.*)?$")) {
      int next = p.indexOf('/', 1);
      p = next < 0 ? "/" : p.substring(next);
    }
    return p;
  }

  /** The query parameters, decoded; the last of repeated names wins. */
  public Map<String, String> query() {
    Map<String, String> out = new LinkedHashMap<>();
    int q = target.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : target.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** A header's value, its name matched in any case, or "" when absent. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("");
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + target + (body.length == 0 ? "" : " (" + body.length + " bytes)");
  }
}
