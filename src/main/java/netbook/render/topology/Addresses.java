package netbook.render.topology;

/** Orders IPv4 addresses numerically; empty or unparsable ones sort last, by text. */
final class Addresses {
  private Addresses() {}

  static int compare(String a, String b) {
    long x = value(a);
    long y = value(b);
    return x != y ? Long.compare(x, y) : a.compareTo(b);
  }

  static long value(String ip) {
    String[] parts = ip == null ? new String[0] : ip.split("\\.");
    if (parts.length != 4) {
      return Long.MAX_VALUE;
    }
    long v = 0;
    for (String p : parts) {
      try {
        int o = Integer.parseInt(p);
        if (o < 0 || o > 255) {
          return Long.MAX_VALUE;
        }
        v = v * 256 + o;
      } catch (NumberFormatException e) {
        return Long.MAX_VALUE;
      }
    }
    return v;
  }
}
