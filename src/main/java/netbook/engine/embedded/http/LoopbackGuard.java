package netbook.engine.embedded.http;

import java.util.Locale;
import java.util.Optional;

/**
 * Keeps web pages off the engine: a request must name a loopback host (127.0.0.0/8, ::1, localhost
 * or a *.localhost name, as the docker CLI does) and carry no Origin header (only browsers send
 * one). A DNS-rebinding page can reach 127.0.0.1, but not with a loopback Host or without Origin.
 */
final class LoopbackGuard {
  private LoopbackGuard() {}

  /** Why the request is refused (403), if it is. */
  static Optional<String> refusal(HttpHead head) {
    String origin = head.header("Origin");
    if (head.headers().containsKey("Origin")) {
      return Optional.of(
          "netbook serve refuses requests that carry an Origin header (Origin: "
              + origin
              + "): web pages may not drive the engine; use the docker CLI or another API client");
    }
    String host = head.header("Host");
    if (!loopback(hostName(host))) {
      return Optional.of(
          "netbook serve answers only requests for a loopback host, not Host: \""
              + host
              + "\": use DOCKER_HOST=tcp://127.0.0.1:PORT (or localhost)");
    }
    return Optional.empty();
  }

  /** The host of a Host header: without the port, IPv6 literals without brackets. */
  static String hostName(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  static boolean loopback(String host) {
    if (host.equals("localhost")
        || host.endsWith(".localhost")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
