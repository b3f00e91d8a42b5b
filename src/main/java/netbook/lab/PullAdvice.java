package netbook.lab;

import java.util.Locale;
import java.util.Optional;

/**
 * What to do about a pull that failed, read from the registry's or the daemon's own words: a rate
 * limit, an image name that does not exist (or is private), no way to the registry.
 */
final class PullAdvice {
  private PullAdvice() {}

  /** The fix for a pull that failed with {@code message}, if the cause is a known one. */
  static Optional<String> forMessage(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("toomanyrequests") || m.contains("rate limit")) {
      return Optional.of(
          "Docker Hub's pull rate limit: wait a while, or `docker login` for a higher limit");
    }
    if (m.contains("pull access denied")
        || m.contains("repository does not exist")
        || m.contains("manifest unknown")
        || m.contains("not found: manifest")) {
      return Optional.of(
          "check the image's name and tag (a private image needs `docker login` first)");
    }
    if (m.contains("unauthorized") || m.contains("authentication required")) {
      return Optional.of("the registry wants a login: `docker login`, then try again");
    }
    if (m.contains("no such host")
        || m.contains("dial tcp")
        || m.contains("i/o timeout")
        || m.contains("network is unreachable")
        || m.contains("no route")
        || m.contains("tls handshake timeout")
        || m.contains("connection refused")) {
      return Optional.of(
          "the registry cannot be reached: check the network (or a proxy), or run with"
              + " NETBOOK_OFFLINE=1 to use the lab images");
    }
    return Optional.empty();
  }

  /** {@code message}, and the fix when one is known: "cause — what to do". */
  static String explain(String message) {
    return forMessage(message).map(fix -> message + " — " + fix).orElse(message);
  }
}
