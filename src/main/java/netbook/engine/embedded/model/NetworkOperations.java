package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What Docker does to networks: create (IPAM pool choice from Docker's default address pools, user
 * subnets, gateways and ranges), remove, prune, connect and disconnect, with Docker's errors.
 */
final class NetworkOperations {
  private final DockerModel model;

  NetworkOperations(DockerModel model) {
    this.model = model;
  }

  NetworkState createNetwork(
      String name,
      String driver,
      String subnet,
      String gateway,
      String ipRange,
      boolean internal,
      boolean attachable,
      Map<String, String> labels,
      Map<String, String> opts) {
    String drv = driver == null || driver.isEmpty() ? "bridge" : driver;
    if (name == null || name.isEmpty()) {
      throw ApiException.badRequest("network name must not be empty");
    }
    if (model.networks.values().stream().anyMatch(n -> n.name.equals(name))) {
      throw ApiException.conflict("network with name " + name + " already exists");
    }
    if (drv.equals("host") || drv.equals("null")) {
      throw ApiException.forbidden("only one instance of \"" + drv + "\" network is allowed");
    }
    if (!drv.equals("bridge")) {
      throw ApiException.notFound("plugin \"" + drv + "\" not found");
    }
    Cidr pool;
    boolean userSubnet = subnet != null && !subnet.isEmpty();
    if (userSubnet) {
      pool = parseCidr(subnet);
      for (NetworkState n : model.networks.values()) {
        if (n.subnet != null && n.subnet.overlaps(pool)) {
          throw ApiException.forbidden("Pool overlaps with other one on this address space");
        }
      }
    } else {
      pool = nextPool();
    }
    int gw = pool.base() + 1;
    if (gateway != null && !gateway.isEmpty()) {
      gw = DockerModel.parseAddress(gateway);
      if (!pool.contains(gw)) {
        throw ApiException.serverError(
            "failed to allocate gateway (" + gateway + "): Requested address is out of range");
      }
    }
    Cidr range = null;
    if (ipRange != null && !ipRange.isEmpty()) {
      range = parseCidr(ipRange);
      if (!pool.contains(range)) {
        throw ApiException.forbidden("Pool overlaps with other one on this address space");
      }
    }
    String id = model.ids.id64();
    String bridge =
        opts.getOrDefault("com.docker.network.bridge.name", "br-" + id.substring(0, 12));
    NetworkState n =
        new NetworkState(
            id,
            name,
            drv,
            model.ids.now(),
            pool,
            gw,
            range,
            userSubnet,
            internal,
            attachable,
            false,
            labels,
            opts,
            bridge,
            "02:42:" + model.hexMacTail(),
            model.nextIfIndex());
    model.add(n);
    return n;
  }

  private static Cidr parseCidr(String text) {
    try {
      return Cidr.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid CIDR address: " + text);
    }
  }

  /** Docker's default address pools: 172.17–172.31 /16, then 192.168.0.0/16 in /20 steps. */
  private Cidr nextPool() {
    List<Cidr> candidates = new ArrayList<>();
    for (int second = 17; second <= 31; second++) {
      candidates.add(new Cidr(Ipv4.parse("172." + second + ".0.0"), 16));
    }
    for (int third = 0; third < 256; third += 16) {
      candidates.add(new Cidr(Ipv4.parse("192.168." + third + ".0"), 20));
    }
    for (Cidr c : candidates) {
      boolean free =
          model.networks.values().stream().noneMatch(n -> n.subnet != null && n.subnet.overlaps(c))
              && !c.overlaps(DockerModel.HOST_LAN);
      if (free) {
        return c;
      }
    }
    throw ApiException.serverError(
        "could not find an available, non-overlapping IPv4 address pool among the defaults to"
            + " assign to the network");
  }

  void removeNetwork(String ref) {
    NetworkState n = model.network(ref);
    if (n.predefined) {
      throw ApiException.forbidden(n.name + " is a pre-defined network and cannot be removed");
    }
    if (!n.endpoints.isEmpty()) {
      throw ApiException.forbidden(
          "error while removing network: network "
              + n.name
              + " id "
              + n.id
              + " has active endpoints");
    }
    model.networks.remove(n.id);
  }

  /** Removes the unused user-defined networks the filter accepts; returns their names. */
  List<String> pruneNetworks(Predicate<NetworkState> filter) {
    List<String> removed = new ArrayList<>();
    for (NetworkState n : List.copyOf(model.networks.values())) {
      if (!n.predefined && n.endpoints.isEmpty() && filter.test(n)) {
        model.networks.remove(n.id);
        removed.add(n.name);
      }
    }
    return removed;
  }

  void connect(String networkRef, String containerRef, List<String> aliases, String ipv4) {
    NetworkState n = model.network(networkRef);
    ContainerState c = model.container(containerRef);
    if (n.name.equals("host")) {
      throw ApiException.badRequest(
          "container cannot be disconnected from host network or connected to host network");
    }
    if (n.name.equals("none") || c.noneMode()) {
      throw ApiException.badRequest(
          "container cannot be connected to multiple networks with one of the networks in private"
              + " (none) mode");
    }
    if (c.hostMode() || c.namespaceOwner != null) {
      throw ApiException.badRequest(
          "container sharing network namespace with another container or host cannot be"
              + " connected to any other network");
    }
    if (c.endpoints.containsKey(n.id)) {
      throw ApiException.forbidden(
          "endpoint with name " + c.name + " already exists in network " + n.name);
    }
    EndpointState e = model.configure(n, c, aliases, ipv4);
    c.endpoints.put(n.id, e);
    if (c.running()) {
      model.activate(c, n, e);
    }
  }

  void disconnect(String networkRef, String containerRef) {
    NetworkState n = model.network(networkRef);
    ContainerState c = model.container(containerRef);
    if (n.name.equals("host")) {
      throw ApiException.badRequest(
          "container cannot be disconnected from host network or connected to host network");
    }
    EndpointState e = c.endpoints.get(n.id);
    if (e == null) {
      throw ApiException.serverError(
          "container " + c.id + " is not connected to network " + n.name);
    }
    model.deactivate(n, e);
    c.endpoints.remove(n.id);
  }
}
