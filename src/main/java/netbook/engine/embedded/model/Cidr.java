package netbook.engine.embedded.model;

/** An IPv4 network in CIDR form; {@code base} is the network address. */
public record Cidr(int base, int prefix) {

  public Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("invalid prefix length " + prefix);
    }
    base = base & mask(prefix);
  }

  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("invalid CIDR address: " + text);
    }
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid CIDR address: " + text, e);
    }
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("invalid CIDR address: " + text);
    }
    return new Cidr(Ipv4.parse(text.substring(0, slash)), prefix);
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  public int mask() {
    return mask(prefix);
  }

  public int broadcast() {
    return base | ~mask();
  }

  public long size() {
    return 1L << (32 - prefix);
  }

  public boolean contains(int address) {
    return (address & mask()) == base;
  }

  public boolean contains(Cidr other) {
    return other.prefix >= prefix && contains(other.base);
  }

  public boolean overlaps(Cidr other) {
    return contains(other.base) || other.contains(base);
  }

  public String maskDotted() {
    return Ipv4.format(mask());
  }

  @Override
  public String toString() {
    return Ipv4.format(base) + "/" + prefix;
  }
}
