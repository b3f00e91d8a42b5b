package netbook.engine;

import java.util.List;

/**
 * A container's attachment to one network, as {@code docker inspect} shows it under
 * NetworkSettings.Networks. {@code ipv4} carries no prefix; {@code prefixLen} does.
 */
public record Endpoint(
    String network,
    String networkId,
    String containerId,
    String containerName,
    String endpointId,
    String ipv4,
    int prefixLen,
    String gateway,
    String mac,
    List<String> aliases) {

  public Endpoint {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The address with its prefix, as {@code docker network inspect} shows it: 172.18.0.2/16. */
  public String cidr() {
    return ipv4 == null || ipv4.isEmpty() ? "" : ipv4 + "/" + prefixLen;
  }

  @Override
  public String toString() {
    return containerName + " on " + network + " " + cidr() + " gw " + gateway + " mac " + mac;
  }
}
