package netbook.engine.embedded.model;

import java.util.Locale;

/** MAC addresses the way Docker derives them, and the IPv6 link-local address of a MAC. */
final class Macs {
  private Macs() {}

  /** Docker's container MAC: 02:42 followed by the four bytes of the IPv4 address. */
  static String fromIpv4(int address) {
    return String.format(
        Locale.ROOT,
        "02:42:%02x:%02x:%02x:%02x",
        (address >>> 24) & 0xff,
        (address >>> 16) & 0xff,
        (address >>> 8) & 0xff,
        address & 0xff);
  }

  static String of(byte[] six) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(String.format(Locale.ROOT, "%02x", six[i] & 0xff));
    }
    return sb.toString();
  }

  /** The EUI-64 link-local address Linux gives an interface: fe80::42:50ff:fe89:bdca/64. */
  static String linkLocal(String mac) {
    String[] b = mac.split(":");
    int[] v = new int[6];
    for (int i = 0; i < 6; i++) {
      v[i] = Integer.parseInt(b[i], 16);
    }
    int[] groups = {
      ((v[0] ^ 0x02) << 8) | v[1], (v[2] << 8) | 0xff, 0xfe00 | v[3], (v[4] << 8) | v[5]
    };
    StringBuilder sb = new StringBuilder("fe80:");
    for (int g : groups) {
      sb.append(':').append(Integer.toHexString(g));
    }
    return sb.append("/64").toString();
  }
}
