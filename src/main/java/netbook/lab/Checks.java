package netbook.lab;

import java.util.regex.Pattern;
import netbook.NetbookException;

/** Argument checks at the API's edge; each returns its argument or throws one clear line. */
final class Checks {
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

  static int port(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new NetbookException("invalid " + what + " " + port + ": ports go from 1 to 65535");
    }
    return port;
  }
}
