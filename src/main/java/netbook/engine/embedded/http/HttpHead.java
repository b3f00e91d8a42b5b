package netbook.engine.embedded.http;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A request's line and headers; header names are matched in any case, the first value wins. */
record HttpHead(String method, String target, String version, Map<String, String> headers) {

  HttpHead {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(h::putIfAbsent);
    headers = h;
  }

  String header(String name) {
    return headers.getOrDefault(name, "");
  }

  /** Whether the client asks to switch to a raw TCP stream, as Docker's hijack does. */
  boolean upgradeToTcp() {
    return header("Upgrade").equalsIgnoreCase("tcp")
        && header("Connection").toLowerCase(Locale.ROOT).contains("upgrade");
  }

  /** Whether the connection closes after this request (HTTP/1.0, or Connection: close). */
  boolean closes() {
    String connection = header("Connection").toLowerCase(Locale.ROOT);
    return version.equals("HTTP/1.0")
        ? !connection.contains("keep-alive")
        : connection.contains("close");
  }

  boolean chunked() {
    return header("Transfer-Encoding").toLowerCase(Locale.ROOT).contains("chunked");
  }

  @Override
  public String toString() {
    return method + " " + target + " " + version;
  }
}
