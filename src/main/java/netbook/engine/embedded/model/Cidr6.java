package netbook.engine.embedded.model;

import java.math.BigInteger;

/** An IPv6 network in CIDR form ({@code fd00::/64}); {@code base} is the network address. */
public record Cidr6(BigInteger base, int prefix) {

  public Cidr6 {
    if (prefix < 0 || prefix > 128) {
      throw new IllegalArgumentException("invalid prefix length " + prefix);
    }
    base = base.and(mask(prefix));
  }

  public static Cidr6 parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("invalid CIDR address: " + text);
    }
    try {
      int prefix = Integer.parseInt(text.substring(slash + 1));
      return new Cidr6(Ipv6.parse(text.substring(0, slash)), prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid CIDR address: " + text, e);
    }
  }

  private static BigInteger mask(int prefix) {
    return Ipv6.ALL.shiftRight(prefix).xor(Ipv6.ALL);
  }

  public boolean contains(BigInteger address) {
    return address.and(mask(prefix)).equals(base);
  }

  public boolean overlaps(Cidr6 other) {
    return contains(other.base) || other.contains(base);
  }

  /** The address {@code offset} places after the network address. */
  public BigInteger at(long offset) {
    return base.add(BigInteger.valueOf(offset));
  }

  @Override
  public String toString() {
    return Ipv6.format(base) + "/" + prefix;
  }
}
