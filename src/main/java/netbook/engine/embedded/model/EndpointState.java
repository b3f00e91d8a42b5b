package netbook.engine.embedded.model;

import java.util.List;

/**
 * A container's attachment to a network. Configured when connected; {@code active} (with an
 * address, a MAC, an endpoint id and a veth pair) while the container runs.
 */
public final class EndpointState {
  private final String networkId;
  private final List<String> aliases;
  private final String requestedIpv4;
  private final List<String> links;
  private boolean active;
  private String endpointId = "";
  private Link link = Link.NONE;
  private long packets;
  private long bytes;

  /** The container's side of an active endpoint on a network with a subnet, and its veth peer. */
  record Link(int address, String mac, String ifName, int ifIndex, Veth veth) {
    static final Link NONE = new Link(0, "", "", 0, new Veth(0, "", ""));
  }

  /** The host's end of a veth pair: its interface index, name and MAC. */
  record Veth(int index, String name, String mac) {}

  EndpointState(String networkId, List<String> aliases, String requestedIpv4) {
    this(networkId, aliases, requestedIpv4, List.of());
  }

  EndpointState(String networkId, List<String> aliases, String requestedIpv4, List<String> links) {
    this.networkId = networkId;
    this.aliases = List.copyOf(aliases);
    this.requestedIpv4 = requestedIpv4 == null ? "" : requestedIpv4;
    this.links = List.copyOf(links);
  }

  /** Activates the endpoint; {@code link} is {@link Link#NONE} on networks without a subnet. */
  void activate(String id, Link value) {
    active = true;
    endpointId = id;
    if (value != Link.NONE) {
      link = value;
      packets = 0;
      bytes = 0;
    }
  }

  void deactivate() {
    active = false;
    endpointId = "";
    link = Link.NONE;
  }

  /** Counts traffic on the interface (what ifconfig's counters show). */
  void count(long morePackets, long moreBytes) {
    packets += morePackets;
    bytes += moreBytes;
  }

  public String networkId() {
    return networkId;
  }

  public List<String> aliases() {
    return aliases;
  }

  /** Legacy links on a user-defined network, "name:alias" as the client sent them. */
  public List<String> links() {
    return links;
  }

  /** The address asked for with --ip ("" when none). */
  public String requestedIpv4() {
    return requestedIpv4;
  }

  public boolean active() {
    return active;
  }

  public String endpointId() {
    return endpointId;
  }

  /** The IPv4 address as an int, 0 when inactive or on a network without a subnet. */
  public int address() {
    return link.address();
  }

  public String mac() {
    return link.mac();
  }

  public String ifName() {
    return link.ifName();
  }

  public int ifIndex() {
    return link.ifIndex();
  }

  public int vethIndex() {
    return link.veth().index();
  }

  public String vethName() {
    return link.veth().name();
  }

  public String vethMac() {
    return link.veth().mac();
  }

  public long packets() {
    return packets;
  }

  public long bytes() {
    return bytes;
  }

  public String ipv4() {
    return active ? Ipv4.format(address()) : "";
  }

  @Override
  public String toString() {
    return "endpoint " + ifName() + " " + ipv4() + " on " + networkId;
  }
}
