package netbook.engine.embedded.model;

import java.util.List;

/** What a client asks of an endpoint: network-scoped aliases and a fixed IPv4 address ("" none). */
public record EndpointSpec(List<String> aliases, String ipv4) {
  public static final EndpointSpec NONE = new EndpointSpec(List.of(), "");

  public EndpointSpec {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ipv4 = ipv4 == null ? "" : ipv4;
  }
}
