package netbook.engine.embedded.model;

/**
 * One network interface as {@code ip addr} and {@code ifconfig} show it, in a container's namespace
 * or on the engine's host. {@code net} and {@code address} are null/0 without IPv4; {@code peer} is
 * the index of the other end of a veth pair (0 otherwise).
 */
record NetInterface(
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
    long packets,
    long bytes) {

  enum Kind {
    LOOPBACK,
    ETHER,
    BRIDGE,
    VETH
  }

  boolean hasIpv4() {
    return net != null;
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
