package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * The networks, and what Docker does to them: the predefined bridge, host and none; lookups by id,
 * name or id prefix; create (IPAM pool choice from Docker's default address pools, user subnets,
 * gateways and ranges), remove and prune, with Docker's errors.
 */
final class NetworkTable {
  static final Cidr DEFAULT_BRIDGE = Cidr.parse("172.17.0.0/16");

  private final IdSource ids;
  private final IntSupplier ifIndexes;
  private final Map<String, NetworkState> networks = new LinkedHashMap<>();

  NetworkTable(IdSource ids, IntSupplier ifIndexes) {
    this.ids = ids;
    this.ifIndexes = ifIndexes;
    Map<String, String> bridgeOptions = new LinkedHashMap<>();
    bridgeOptions.put("com.docker.network.bridge.default_bridge", "true");
    bridgeOptions.put("com.docker.network.bridge.enable_icc", "true");
    bridgeOptions.put("com.docker.network.bridge.enable_ip_masquerade", "true");
    bridgeOptions.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
    bridgeOptions.put("com.docker.network.bridge.name", "docker0");
    bridgeOptions.put("com.docker.network.driver.mtu", "1500");
    add(predefined("bridge", "bridge", DEFAULT_BRIDGE, bridgeOptions, "docker0", 3));
    add(predefined("host", "host", null, Map.of(), "", 0));
    add(predefined("none", "null", null, Map.of(), "", 0));
  }

  private NetworkState predefined(
      String name, String driver, Cidr subnet, Map<String, String> opts, String bridge, int index) {
    NetworkState.Pool pool =
        subnet == null
            ? NetworkState.Pool.NONE
            : new NetworkState.Pool(subnet, subnet.base() + 1, null, false);
    return NetworkState.builder(ids.id64(), name, driver, ids.now())
        .pool(pool)
        .predefined(true)
        .options(opts)
        .bridge(
            new NetworkState.Bridge(bridge, bridge.isEmpty() ? "" : "02:42:" + hexMacTail(), index))
        .build();
  }

  private String hexMacTail() {
    String h = ids.hex(4);
    return h.substring(0, 2)
        + ":"
        + h.substring(2, 4)
        + ":"
        + h.substring(4, 6)
        + ":"
        + h.substring(6);
  }

  private void add(NetworkState n) {
    networks.put(n.id(), n);
  }

  Collection<NetworkState> all() {
    return Collections.unmodifiableCollection(networks.values());
  }

  int size() {
    return networks.size();
  }

  NetworkState byId(String id) {
    return networks.get(id);
  }

  /** A network by full id, exact name or unique id prefix; empty when there is none. */
  java.util.Optional<NetworkState> find(String ref) {
    try {
      return java.util.Optional.of(network(ref));
    } catch (ApiException e) {
      if (e.status() == 404) {
        return java.util.Optional.empty();
      }
      throw e;
    }
  }

  /** A network by full id, exact name, or unique id prefix, as Docker resolves it. */
  NetworkState network(String ref) {
    NetworkState byId = networks.get(ref);
    if (byId != null) {
      return byId;
    }
    for (NetworkState n : networks.values()) {
      if (n.name().equals(ref)) {
        return n;
      }
    }
    List<NetworkState> prefixed =
        networks.values().stream().filter(n -> !ref.isEmpty() && n.id().startsWith(ref)).toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    if (prefixed.size() > 1) {
      throw ApiException.badRequest(
          "network "
              + ref
              + " is ambiguous ("
              + prefixed.size()
              + " matches found based on ID prefix)");
    }
    throw ApiException.networkNotFound(ref);
  }

  NetworkState create(NetworkSpec spec) {
    String name = spec.name();
    String drv = spec.driver();
    if (name == null || name.isEmpty()) {
      throw ApiException.badRequest("network name must not be empty");
    }
    if (List.of("bridge", "host", "none", "default").contains(name)) {
      throw ApiException.forbidden(
          "operation is not permitted on predefined " + name + " network ");
    }
    if (networks.values().stream().anyMatch(n -> n.name().equals(name))) {
      throw ApiException.conflict("network with name " + name + " already exists");
    }
    if (drv.equals("host") || drv.equals("null")) {
      throw ApiException.forbidden("only one instance of \"" + drv + "\" network is allowed");
    }
    if (!drv.equals("bridge")) {
      throw ApiException.notFound("plugin \"" + drv + "\" not found");
    }
    NetworkSpec.Ipam ipam = spec.ipam();
    Cidr pool;
    boolean userSubnet = !ipam.subnet().isEmpty();
    if (userSubnet) {
      try {
        pool = parseCidr(ipam.subnet());
      } catch (ApiException e) {
        throw ApiException.badRequest("Invalid subnet " + ipam.subnet() + " : " + e.getMessage());
      }
      for (NetworkState n : networks.values()) {
        if (n.subnet() != null && n.subnet().overlaps(pool)) {
          throw ApiException.forbidden("Pool overlaps with other one on this address space");
        }
      }
    } else {
      pool = nextPool();
    }
    int gw = pool.base() + 1;
    if (!ipam.gateway().isEmpty()) {
      gw = Wiring.parseAddress(ipam.gateway());
      if (!pool.contains(gw)) {
        throw ApiException.serverError(
            "failed to allocate gateway ("
                + ipam.gateway()
                + "): Requested address is out of range");
      }
    }
    Cidr range = null;
    if (!ipam.ipRange().isEmpty()) {
      range = parseCidr(ipam.ipRange());
      if (!pool.contains(range)) {
        throw ApiException.forbidden("Pool overlaps with other one on this address space");
      }
    }
    Map<String, String> aux = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> a : ipam.auxAddresses().entrySet()) {
      int address = Wiring.parseAddress(a.getValue());
      if (!pool.contains(address)) {
        throw ApiException.forbidden(
            "failed to allocate secondary ip address ("
                + a.getKey()
                + ":"
                + a.getValue()
                + "): Requested address is out of range");
      }
      aux.put(a.getKey(), Ipv4.format(address));
    }
    if (range != null && ipam.gateway().isEmpty()) {
      gw = range.base() == pool.base() ? range.base() + 1 : range.base();
    }
    NetworkState.Pool6 pool6 = pool6(spec);
    String id = ids.id64();
    Map<String, String> opts = spec.options();
    String bridge =
        opts.getOrDefault("com.docker.network.bridge.name", "br-" + id.substring(0, 12));
    NetworkState n =
        NetworkState.builder(id, name, drv, ids.now())
            .pool(
                new NetworkState.Pool(
                    pool, gw, range, userSubnet, !ipam.gateway().isEmpty(), Map.copyOf(aux)))
            .internal(spec.internal())
            .attachable(spec.attachable())
            .labels(spec.labels())
            .options(opts)
            .ipamOptions(ipam.options())
            .pool6(pool6)
            .bridge(new NetworkState.Bridge(bridge, "02:42:" + hexMacTail(), ifIndexes.getAsInt()))
            .build();
    add(n);
    return n;
  }

  /**
   * This node's copy of a swarm overlay (the same id, subnet and addresses in use on every node),
   * or the copy it already has.
   */
  NetworkState addOverlay(SwarmCluster.Overlay o) {
    NetworkState have = networks.get(o.id());
    if (have != null) {
      return have;
    }
    Map<String, String> opts = new java.util.LinkedHashMap<>();
    opts.put(
        "com.docker.network.driver.overlay.vxlanid_list",
        String.valueOf(4096 + ((o.subnet().base() >> 8) & 0xffff)));
    NetworkState n =
        NetworkState.builder(o.id(), o.name(), "overlay", o.created())
            .pool(new NetworkState.Pool(o.subnet(), o.subnet().base() + 1, null, false))
            .attachable(o.attachable())
            .ingress(o.ingress())
            .labels(o.labels())
            .options(opts)
            .addresses(o.used())
            .build();
    add(n);
    return n;
  }

  /** Forgets this node's copy of an overlay (its swarm removed it, or the node left). */
  void dropOverlay(String id) {
    networks.remove(id);
  }

  /** The IPv6 pool of a request: Docker has no default IPv6 pools, so --ipv6 needs a subnet. */
  private NetworkState.Pool6 pool6(NetworkSpec spec) {
    NetworkSpec.Ipam ipam6 = spec.ipam6();
    if (ipam6.subnet().isEmpty()) {
      if (spec.enableIpv6()) {
        throw ApiException.notFound(
            "could not find an available, non-overlapping IPv6 address pool among the defaults"
                + " to assign to the network");
      }
      return NetworkState.Pool6.NONE;
    }
    Cidr6 subnet;
    try {
      subnet = Cidr6.parse(ipam6.subnet());
    } catch (IllegalArgumentException e) {
      throw ApiException.serverError(
          "Invalid subnet " + ipam6.subnet() + " : invalid CIDR address: " + ipam6.subnet());
    }
    for (NetworkState n : networks.values()) {
      if (n.subnet6() != null && n.subnet6().overlaps(subnet)) {
        throw ApiException.forbidden("Pool overlaps with other one on this address space");
      }
    }
    boolean userGateway = !ipam6.gateway().isEmpty();
    java.math.BigInteger gateway = subnet.at(1);
    if (userGateway) {
      try {
        gateway = Ipv6.parse(ipam6.gateway());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid IP address: " + ipam6.gateway());
      }
      if (!subnet.contains(gateway)) {
        throw ApiException.serverError(
            "failed to allocate gateway ("
                + ipam6.gateway()
                + "): Requested address is out of range");
      }
    }
    return new NetworkState.Pool6(subnet, gateway, userGateway, spec.enableIpv6());
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
          networks.values().stream().noneMatch(n -> n.subnet() != null && n.subnet().overlaps(c))
              && !c.overlaps(DockerModel.HOST_LAN);
      if (free) {
        return c;
      }
    }
    throw ApiException.serverError(
        "could not find an available, non-overlapping IPv4 address pool among the defaults to"
            + " assign to the network");
  }

  void remove(String ref) {
    NetworkState n = network(ref);
    if (n.predefined()) {
      throw ApiException.forbidden(n.name() + " is a pre-defined network and cannot be removed");
    }
    if (n.hasEndpoints()) {
      throw ApiException.forbidden(
          "error while removing network: network "
              + n.name()
              + " id "
              + n.id()
              + " has active endpoints");
    }
    networks.remove(n.id());
  }

  /** Removes the unused user-defined networks the filter accepts; returns their names. */
  List<String> prune(Predicate<NetworkState> filter) {
    List<String> removed = new ArrayList<>();
    for (NetworkState n : List.copyOf(networks.values())) {
      if (!n.predefined() && !n.hasEndpoints() && filter.test(n)) {
        networks.remove(n.id());
        removed.add(n.name());
      }
    }
    return removed;
  }
}
