package netbook.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether a text is an IP address literal, without ever asking DNS. The reasons are those of the
 * Docker daemon's address parser (it answers {@code ParseAddr("999.0.0.1"): IPv4 field has value
 * >255}), so the embedded engine can say what dockerd says, and the API's checks can name the
 * problem.
 */
public final class IpLiteral {
  private IpLiteral() {}

  /**
   * Empty when {@code text} is an IPv4 or IPv6 literal; otherwise the reason, as dockerd words it.
   */
  public static Optional<String> problem(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.of("unable to parse IP");
    }
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '.':
          return ipv4(text);
        case ':':
          return ipv6(text);
        case '%':
          return Optional.of("missing IPv6 address");
        default:
          break;
      }
    }
    return Optional.of("unable to parse IP");
  }

  /** Dockerd's whole sentence for a bad address: {@code ParseAddr("x"): reason}. */
  public static String parseAddrError(String text, String reason) {
    return "ParseAddr(\"" + text + "\"): " + reason;
  }

  private static Optional<String> ipv4(String s) {
    int fields = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && value == 0) {
          return Optional.of("IPv4 field has octet with leading zero");
        }
        value = value * 10 + (c - '0');
        digits++;
        if (value > 255) {
          return Optional.of("IPv4 field has value >255");
        }
      } else if (c == '.') {
        if (digits == 0) {
          return at("IPv4 field must have at least one digit", s.substring(i));
        }
        if (fields == 3) {
          return Optional.of("IPv4 address too long");
        }
        fields++;
        value = 0;
        digits = 0;
      } else {
        return at("unexpected character", s.substring(i));
      }
    }
    if (fields < 3) {
      return Optional.of("IPv4 address too short");
    }
    if (digits == 0) {
      return at("IPv4 field must have at least one digit", "");
    }
    return Optional.empty();
  }

  private static Optional<String> ipv6(String s) {
    // Only hex digits, ':' and '.' (an embedded IPv4): with these, InetAddress parses the literal
    // itself and never turns to DNS.
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
      if (!ok) {
        return at("unexpected character", s.substring(i));
      }
    }
    if (Character.digit(s.charAt(0), 16) < 0 && s.charAt(0) != ':') {
      return Optional.of("unable to parse IP");
    }
    try {
      return InetAddress.getByName(s) instanceof Inet6Address
          ? Optional.empty()
          : Optional.of("unable to parse IP");
    } catch (UnknownHostException e) {
      return Optional.of("unable to parse IP");
    }
  }

  private static Optional<String> at(String reason, String rest) {
    return Optional.of(rest.isEmpty() ? reason : reason + " (at \"" + rest + "\")");
  }
}
