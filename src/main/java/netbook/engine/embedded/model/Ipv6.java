package netbook.engine.embedded.model;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IPv6 addresses as unsigned 128-bit numbers: parsed by the JDK's literal parser (never a name
 * lookup: only hex digits, colons and dots get that far) and printed in RFC 5952's short form
 * ({@code fd00:ab12::2}), as Docker and busybox print them.
 */
public final class Ipv6 {
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  static final BigInteger ALL = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private Ipv6() {}

  public static boolean isAddress(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static BigInteger parse(String text) {
    String t = text.trim();
    if (!LITERAL.matcher(t).matches()) {
      throw new IllegalArgumentException("invalid IPv6 address: " + text);
    }
    try {
      byte[] bytes = InetAddress.getByName(t).getAddress();
      if (bytes.length != 16) {
        throw new IllegalArgumentException("invalid IPv6 address: " + text);
      }
      return new BigInteger(1, bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid IPv6 address: " + text, e);
    }
  }

  /** RFC 5952: lower-case hex, no leading zeros, the longest run of 2+ zero groups as "::". */
  public static String format(BigInteger address) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** The address as 32 hex digits, as /proc/net/if_inet6 shows it. */
  public static String hex32(BigInteger address) {
    String h = address.toString(16);
    return "0".repeat(32 - h.length()) + h;
  }
}
