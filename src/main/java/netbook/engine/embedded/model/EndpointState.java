package netbook.engine.embedded.model;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  private BigInteger ipv6;
  private final Map<String, Neighbour> neighbours = new LinkedHashMap<>();

  /**
   * An entry of the interface's neighbour (ARP/NDP) table: the address, its MAC, whether it is a
   * router (IPv6 gateways) and whether this side asked (busybox shows {@code probes 4}) or only
   * answered ({@code probes 1}).
   */
  public record Neighbour(String address, String mac, boolean router, boolean asked) {}

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
      neighbours.clear();
    }
  }

  void deactivate() {
    active = false;
    endpointId = "";
    link = Link.NONE;
    ipv6 = null;
    neighbours.clear();
  }

  /** Learns a neighbour (a first exchange with it); an entry it already has stays as it is. */
  void learn(Neighbour n) {
    neighbours.putIfAbsent(n.address(), n);
  }

  /** The neighbour table of the interface, in the order entries were learnt. */
  public Collection<Neighbour> neighbours() {
    return Collections.unmodifiableCollection(neighbours.values());
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

  /** The global IPv6 address ("" when inactive or on a network without IPv6). */
  public String ipv6() {
    return ipv6 == null ? "" : Ipv6.format(ipv6);
  }

  /** The global IPv6 address as a number, or null. */
  public BigInteger ipv6Address() {
    return ipv6;
  }

  void ipv6(BigInteger value) {
    ipv6 = value;
  }

  public String ipv4() {
    return active ? Ipv4.format(address()) : "";
  }

  @Override
  public String toString() {
    return "endpoint " + ifName() + " " + ipv4() + " on " + networkId;
  }
}
