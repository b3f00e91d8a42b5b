package netbook.lab;

import java.util.function.Consumer;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.IpLiteral;

/**
 * Argument checks at the API's edge; each returns its argument or throws one clear line. The Java
 * API and the docker console both check through here.
 */
public final class Checks {
  /** What a user is told when {@code localhost} is read as the loopback address. */
  public static final String LOCALHOST_NOTICE =
      "localhost means 127.0.0.1 here: the port is published on the loopback address only";

  /** Docker's rule for container and network names. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  private Checks() {}

  static String name(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new NetbookException(
          "invalid "
              + what
              + " "
              + (value == null ? "null" : "'" + value + "'")
              + ": use letters, digits, '_', '.' and '-', starting with a letter or digit");
    }
    return value;
  }

  public static int port(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new NetbookException("invalid " + what + " " + port + ": ports go from 1 to 65535");
    }
    return port;
  }

  /**
   * The host address a port is published on, exactly as asked: an empty one stays empty (all
   * interfaces, what Docker does without an address), {@code localhost} becomes 127.0.0.1 (said
   * through {@code notices}), an IP literal is kept, anything else is refused -- never widened to
   * all interfaces.
   */
  public static String hostAddress(String value, Consumer<String> notices) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (value.equalsIgnoreCase("localhost")) {
      notices.accept(LOCALHOST_NOTICE);
      return "127.0.0.1";
    }
    String address =
        value.startsWith("[") && value.endsWith("]")
            ? value.substring(1, value.length() - 1)
            : value;
    if (IpLiteral.problem(address).isPresent()) {
      throw new NetbookException(
          "invalid host address '"
              + value
              + "': publish on an IP address such as 127.0.0.1 (this host only), or give none for"
              + " all interfaces");
    }
    return address;
  }
}
