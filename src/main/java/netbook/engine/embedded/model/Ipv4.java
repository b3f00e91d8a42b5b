package netbook.engine.embedded.model;

/** IPv4 addresses as ints, and their dotted form. */
public final class Ipv4 {
  private Ipv4() {}

  public static int parse(String dotted) {
    String[] parts = dotted.trim().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("invalid IPv4 address: " + dotted);
    }
    int value = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("invalid IPv4 address: " + dotted);
      }
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        throw new IllegalArgumentException("invalid IPv4 address: " + dotted);
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  public static boolean isAddress(String s) {
    try {
      parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static String format(int address) {
    return ((address >>> 24) & 0xff)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  public static boolean isLoopback(int address) {
    return (address >>> 24) == 127;
  }
}
