package netbook.engine.embedded.model;

import java.util.List;

/**
 * What a client asks of an endpoint: network-scoped aliases, a fixed IPv4 address ("" none) and, on
 * a user-defined network, legacy links ("name:alias", DNS aliases of that endpoint only).
 */
public record EndpointSpec(List<String> aliases, String ipv4, List<String> links) {
  public static final EndpointSpec NONE = new EndpointSpec(List.of(), "");

  public EndpointSpec {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ipv4 = ipv4 == null ? "" : ipv4;
    links = links == null ? List.of() : List.copyOf(links);
  }

  public EndpointSpec(List<String> aliases, String ipv4) {
    this(aliases, ipv4, List.of());
  }

  EndpointSpec withLinks(List<String> value) {
    return new EndpointSpec(aliases, ipv4, value);
  }
}
