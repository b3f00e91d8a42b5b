package netbook.engine.embedded.model;

import java.util.List;

/**
 * A container's attachment to a network. Configured when connected; {@code active} (with an
 * address, a MAC, an endpoint id and a veth pair) while the container runs.
 */
final class EndpointState {
  final String networkId;
  final List<String> aliases;
  final String requestedIpv4;
  boolean active;
  String endpointId = "";
  int address;
  String mac = "";
  String ifName = "";
  int ifIndex;
  int vethIndex;
  String vethName = "";
  String vethMac = "";
  long packets;
  long bytes;

  EndpointState(String networkId, List<String> aliases, String requestedIpv4) {
    this.networkId = networkId;
    this.aliases = List.copyOf(aliases);
    this.requestedIpv4 = requestedIpv4 == null ? "" : requestedIpv4;
  }

  String ipv4() {
    return active ? Ipv4.format(address) : "";
  }

  @Override
  public String toString() {
    return "endpoint " + ifName + " " + ipv4() + " on " + networkId;
  }
}
