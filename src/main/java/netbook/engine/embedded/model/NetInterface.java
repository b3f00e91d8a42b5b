package netbook.engine.embedded.model;

/**
 * One network interface as {@code ip addr} and {@code ifconfig} show it, in a container's namespace
 * or on the engine's host. {@code net} and {@code address} are null/0 without IPv4; {@code peer} is
 * the index of the other end of a veth pair (0 otherwise); {@code linkLocal6} and {@code global6}
 * are the IPv6 addresses with their prefix lengths, or null. Build one with {@link #builder}.
 */
public record NetInterface(
    int index,
    String name,
    int peer,
    Kind kind,
    String mac,
    Cidr net,
    int address,
    boolean carrier,
    String master,
    int mtu,
    String linkLocal6,
    String global6,
    long packets,
    long bytes) {

  public enum Kind {
    LOOPBACK,
    ETHER,
    BRIDGE,
    VETH
  }

  public boolean hasIpv4() {
    return net != null;
  }

  /** An interface with carrier, MTU 1500, no address, no peer, no master and no traffic yet. */
  static Builder builder(int index, String name, Kind kind, String mac) {
    return new Builder(index, name, kind, mac);
  }

  /** The optional parts of an interface, named. */
  static final class Builder {
    private final int index;
    private final String name;
    private final Kind kind;
    private final String mac;
    private int peer;
    private Cidr net;
    private int address;
    private boolean carrier = true;
    private String master = "";
    private int mtu = 1500;
    private String linkLocal6;
    private String global6;
    private long packets;
    private long bytes;

    private Builder(int index, String name, Kind kind, String mac) {
      this.index = index;
      this.name = name;
      this.kind = kind;
      this.mac = mac;
    }

    Builder peer(int value) {
      this.peer = value;
      return this;
    }

    Builder ipv4(Cidr network, int value) {
      this.net = network;
      this.address = value;
      return this;
    }

    Builder carrier(boolean value) {
      this.carrier = value;
      return this;
    }

    Builder master(String value) {
      this.master = value;
      return this;
    }

    Builder mtu(int value) {
      this.mtu = value;
      return this;
    }

    Builder linkLocal6(String value) {
      this.linkLocal6 = value;
      return this;
    }

    /** The global IPv6 address with its prefix length ({@code fd00::2/64}), or null. */
    Builder global6(String value) {
      this.global6 = value;
      return this;
    }

    Builder traffic(long packetCount, long byteCount) {
      this.packets = packetCount;
      this.bytes = byteCount;
      return this;
    }

    NetInterface build() {
      return new NetInterface(
          index,
          name,
          peer,
          kind,
          mac,
          net,
          address,
          carrier,
          master,
          mtu,
          linkLocal6,
          global6,
          packets,
          bytes);
    }
  }

  @Override
  public String toString() {
    return index
        + ": "
        + name
        + (peer > 0 ? "@if" + peer : "")
        + (hasIpv4() ? " " + Ipv4.format(address) + "/" + net.prefix() : "");
  }
}
