package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A network of the model (mutable, guarded by the model's lock). Bridge networks have a subnet, a
 * gateway on their Linux bridge (docker0 or br-&lt;id12&gt;) and the set of addresses in use.
 */
final class NetworkState {
  final String id;
  final String name;
  final String driver;
  final Instant created;
  final Cidr subnet;
  final int gateway;
  final Cidr ipRange;
  final boolean userSubnet;
  final boolean internal;
  final boolean attachable;
  final boolean predefined;
  final Map<String, String> labels;
  final Map<String, String> options;
  final String bridgeName;
  final String bridgeMac;
  final int bridgeIndex;
  private final TreeSet<Integer> used = new TreeSet<>();

  /** IPAM options as the create request gave them; null when it sent none (Docker echoes both). */
  Map<String, String> ipamOptions;

  /** Endpoints in attach order, by container id: only those of running containers. */
  final Map<String, EndpointState> endpoints = new LinkedHashMap<>();

  NetworkState(
      String id,
      String name,
      String driver,
      Instant created,
      Cidr subnet,
      int gateway,
      Cidr ipRange,
      boolean userSubnet,
      boolean internal,
      boolean attachable,
      boolean predefined,
      Map<String, String> labels,
      Map<String, String> options,
      String bridgeName,
      String bridgeMac,
      int bridgeIndex) {
    this.id = id;
    this.name = name;
    this.driver = driver;
    this.created = created;
    this.subnet = subnet;
    this.gateway = gateway;
    this.ipRange = ipRange;
    this.userSubnet = userSubnet;
    this.internal = internal;
    this.attachable = attachable;
    this.predefined = predefined;
    this.labels = Map.copyOf(labels);
    this.options = Map.copyOf(options);
    this.bridgeName = bridgeName;
    this.bridgeMac = bridgeMac;
    this.bridgeIndex = bridgeIndex;
    if (subnet != null) {
      used.add(gateway);
    }
  }

  boolean isBridge() {
    return "bridge".equals(driver);
  }

  /** The default bridge: no embedded DNS, no name resolution. */
  boolean isDefaultBridge() {
    return predefined && "bridge".equals(name);
  }

  /** A user-defined network: these get the embedded DNS at 127.0.0.11. */
  boolean isUserDefined() {
    return !predefined;
  }

  String shortId() {
    return id.substring(0, 12);
  }

  /** The lowest free address of the pool (the IP range if one was given), or fails. */
  int allocate() {
    Cidr pool = ipRange != null ? ipRange : subnet;
    for (long a = Integer.toUnsignedLong(pool.base()) + 1;
        a < Integer.toUnsignedLong(pool.broadcast());
        a++) {
      int candidate = (int) a;
      if (candidate != subnet.base() && candidate != subnet.broadcast() && used.add(candidate)) {
        return candidate;
      }
    }
    throw ApiException.serverError("no available IPv4 addresses on this network's address pools");
  }

  /** Reserves a requested address; fails as Docker does when it is taken or outside the subnet. */
  void reserve(int address) {
    if (!subnet.contains(address) || address == subnet.base() || address == subnet.broadcast()) {
      throw ApiException.serverError(
          "Invalid address "
              + Ipv4.format(address)
              + ": It does not belong to any of this"
              + " network's subnets");
    }
    if (!used.add(address)) {
      throw ApiException.forbidden("Address already in use");
    }
  }

  void release(int address) {
    if (address != gateway) {
      used.remove(address);
    }
  }

  @Override
  public String toString() {
    return "network " + name + " " + driver + (subnet == null ? "" : " " + subnet);
  }
}
