package netbook.engine;

/** One IPAM pool of a network: its subnet, gateway and optional assignable range (CIDR). */
public record IpamConfig(String subnet, String gateway, String ipRange) {
  @Override
  public String toString() {
    return subnet
        + " gw "
        + gateway
        + (ipRange == null || ipRange.isEmpty() ? "" : " range " + ipRange);
  }
}
