package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Endpoints: a container configured on a network (aliases, a requested address), activated while it
 * runs (an address from the pool, a MAC derived from it, eth0…, a veth pair on the bridge) and
 * connected or disconnected at any time, with Docker's errors.
 */
final class Wiring {
  private final IdSource ids;
  private final NetworkTable networks;
  private final IntSupplier ifIndexes;

  Wiring(IdSource ids, NetworkTable networks, IntSupplier ifIndexes) {
    this.ids = ids;
    this.networks = networks;
    this.ifIndexes = ifIndexes;
  }

  static int parseAddress(String text) {
    try {
      return Ipv4.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid IP address: " + text);
    }
  }

  /** A new endpoint of {@code c} on {@code n}, checked as Docker checks aliases and --ip. */
  EndpointState configure(NetworkState n, ContainerState c, EndpointSpec spec) {
    List<String> all = new ArrayList<>(spec.aliases());
    String ipv4 = spec.ipv4();
    if (!all.isEmpty() && !n.isUserDefined()) {
      throw ApiException.badRequest(
          "network-scoped alias is supported only for containers in user defined networks");
    }
    if (!ipv4.isEmpty() && !n.userSubnet()) {
      throw ApiException.badRequest(
          "user specified IP address is supported only when connecting to networks with user"
              + " configured subnets");
    }
    if (n.isUserDefined() && !all.contains(c.shortId())) {
      all.add(c.shortId());
    }
    String hostname = c.config().hostname();
    if (n.isUserDefined() && !c.name().equals(hostname) && !all.contains(hostname)) {
      all.add(hostname); // dockerd's updateNetworkConfig: the hostname is an alias too
    }
    return new EndpointState(n.id(), all, ipv4, n.isUserDefined() ? spec.links() : List.of());
  }

  /** The endpoint of a network without addresses (host, none). */
  static EndpointState plain(NetworkState n) {
    return new EndpointState(n.id(), List.of(), "");
  }

  void activate(ContainerState c, NetworkState n, EndpointState e) {
    String endpointId = ids.id64();
    // active first: a refused --ip leaves the endpoint active without an address
    e.activate(endpointId, EndpointState.Link.NONE);
    if (n.subnet() != null) {
      int address;
      if (!e.requestedIpv4().isEmpty()) {
        address = parseAddress(e.requestedIpv4());
        n.reserve(address);
      } else {
        address = n.allocate();
      }
      String ifName = nextEthName(c);
      int ifIndex = ifIndexes.getAsInt();
      int vethIndex = ifIndexes.getAsInt();
      String vethName = "veth" + ids.hex(4).substring(0, 7);
      EndpointState.Veth veth = new EndpointState.Veth(vethIndex, vethName, ids.randomMac());
      e.activate(
          endpointId,
          new EndpointState.Link(address, Macs.fromIpv4(address), ifName, ifIndex, veth));
      if (n.ipv6()) {
        e.ipv6(n.allocate6());
      }
    }
    n.attach(c.id(), e);
  }

  private static String nextEthName(ContainerState c) {
    for (int i = 0; ; i++) {
      String candidate = "eth" + i;
      if (c.endpoints().values().stream()
          .noneMatch(x -> x.active() && candidate.equals(x.ifName()))) {
        return candidate;
      }
    }
  }

  void deactivate(NetworkState n, EndpointState e) {
    if (!e.active()) {
      return;
    }
    if (n != null) {
      n.detach(e);
      if (e.address() != 0) {
        n.release(e.address());
      }
      if (e.ipv6Address() != null) {
        n.release6(e.ipv6Address());
      }
    }
    e.deactivate();
  }

  /** Activates every endpoint of a starting container. */
  void activateAll(ContainerState c) {
    for (Map.Entry<String, EndpointState> e : c.endpoints().entrySet()) {
      activate(c, networks.byId(e.getKey()), e.getValue());
    }
  }

  /** Deactivates every endpoint of a stopping container (its configuration stays). */
  void deactivateAll(ContainerState c) {
    for (Map.Entry<String, EndpointState> e : c.endpoints().entrySet()) {
      deactivate(networks.byId(e.getKey()), e.getValue());
    }
  }

  void connect(NetworkState n, ContainerState c, EndpointSpec spec) {
    if (n.name().equals("host")) {
      throw ApiException.badRequest(
          "container cannot be disconnected from host network or connected to host network");
    }
    if (n.name().equals("none") || c.noneMode()) {
      throw ApiException.badRequest(
          "container cannot be connected to multiple networks with one of the networks in private"
              + " (none) mode");
    }
    if (c.hostMode() || c.namespaceOwner().isPresent()) {
      throw ApiException.badRequest(
          "container sharing network namespace with another container or host cannot be"
              + " connected to any other network");
    }
    if (c.endpoints().containsKey(n.id())) {
      throw ApiException.forbidden(
          "endpoint with name " + c.name() + " already exists in network " + n.name());
    }
    EndpointState e = configure(n, c, spec);
    c.configure(n.id(), e);
    if (c.running()) {
      activate(c, n, e);
    }
  }

  void disconnect(NetworkState n, ContainerState c) {
    if (n.name().equals("host")) {
      throw ApiException.badRequest(
          "container cannot be disconnected from host network or connected to host network");
    }
    EndpointState e = c.endpoints().get(n.id());
    if (e == null) {
      throw ApiException.serverError(
          "container " + c.id() + " is not connected to network " + n.name());
    }
    deactivate(n, e);
    c.unconfigure(n.id());
  }
}
