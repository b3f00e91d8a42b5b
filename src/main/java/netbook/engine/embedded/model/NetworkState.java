package netbook.engine.embedded.model;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A network of the model (mutable through the model only, guarded by the model's lock). Bridge
 * networks have a subnet, a gateway on their Linux bridge (docker0 or br-&lt;id12&gt;) and the set
 * of addresses in use.
 */
public final class NetworkState {
  private final String id;
  private final String name;
  private final String driver;
  private final Instant created;
  private final Pool pool;
  private final boolean internal;
  private final boolean attachable;
  private final boolean predefined;
  private final Map<String, String> labels;
  private final Map<String, String> options;
  private final Map<String, String> ipamOptions;
  private final Bridge bridge;
  private final Set<Integer> used;
  private final boolean ingress;
  private final Pool6 pool6;
  private final TreeSet<BigInteger> used6 = new TreeSet<>();

  /** Endpoints in attach order, by container id: only those of running containers. */
  private final Map<String, EndpointState> endpoints = new LinkedHashMap<>();

  /**
   * The address pool: subnet (null without one), gateway, optional IP range, user-given or not,
   * whether the user gave the gateway, and the auxiliary addresses (never handed out).
   */
  record Pool(
      Cidr subnet,
      int gateway,
      Cidr ipRange,
      boolean userSubnet,
      boolean userGateway,
      Map<String, String> aux) {
    static final Pool NONE = new Pool(null, 0, null, false);

    Pool(Cidr subnet, int gateway, Cidr ipRange, boolean userSubnet) {
      this(subnet, gateway, ipRange, userSubnet, false, Map.of());
    }
  }

  /**
   * The IPv6 pool: subnet (null without one), gateway, whether the gateway was given (inspect shows
   * it then), and whether IPv6 is enabled (a subnet without --ipv6 gives no addresses).
   */
  record Pool6(Cidr6 subnet, BigInteger gateway, boolean userGateway, boolean enabled) {
    static final Pool6 NONE = new Pool6(null, null, false, false);
  }

  /** The Linux bridge of a bridge network ("" for host and none). */
  record Bridge(String name, String mac, int index) {}

  private NetworkState(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.driver = b.driver;
    this.created = b.created;
    this.pool = b.pool;
    this.internal = b.internal;
    this.attachable = b.attachable;
    this.predefined = b.predefined;
    this.labels = Map.copyOf(b.labels);
    this.options = Map.copyOf(b.options);
    this.ipamOptions = b.ipamOptions == null ? null : Map.copyOf(b.ipamOptions);
    this.bridge = b.bridge;
    this.pool6 = b.pool6;
    this.used = b.used == null ? new TreeSet<>() : b.used;
    this.ingress = b.ingress;
    if (pool.subnet() != null) {
      used.add(pool.gateway());
      pool.aux().values().forEach(a -> used.add(Ipv4.parse(a)));
    }
  }

  static Builder builder(String id, String name, String driver, Instant created) {
    return new Builder(id, name, driver, created);
  }

  /** The optional parts of a network, named. */
  static final class Builder {
    private final String id;
    private final String name;
    private final String driver;
    private final Instant created;
    private Pool pool = Pool.NONE;
    private boolean internal;
    private boolean attachable;
    private boolean predefined;
    private Map<String, String> labels = Map.of();
    private Map<String, String> options = Map.of();
    private Map<String, String> ipamOptions;
    private Bridge bridge = new Bridge("", "", 0);
    private Pool6 pool6 = Pool6.NONE;
    private Set<Integer> used;
    private boolean ingress;

    private Builder(String id, String name, String driver, Instant created) {
      this.id = id;
      this.name = name;
      this.driver = driver;
      this.created = created;
    }

    Builder pool(Pool value) {
      this.pool = value;
      return this;
    }

    Builder internal(boolean value) {
      this.internal = value;
      return this;
    }

    Builder attachable(boolean value) {
      this.attachable = value;
      return this;
    }

    Builder predefined(boolean value) {
      this.predefined = value;
      return this;
    }

    Builder labels(Map<String, String> value) {
      this.labels = value;
      return this;
    }

    Builder options(Map<String, String> value) {
      this.options = value;
      return this;
    }

    Builder ipamOptions(Map<String, String> value) {
      this.ipamOptions = value;
      return this;
    }

    Builder pool6(Pool6 value) {
      this.pool6 = value;
      return this;
    }

    /** The addresses in use, shared by every node's copy of a swarm's overlay. */
    Builder addresses(Set<Integer> value) {
      this.used = value;
      return this;
    }

    Builder ingress(boolean value) {
      this.ingress = value;
      return this;
    }

    Builder bridge(Bridge value) {
      this.bridge = value;
      return this;
    }

    NetworkState build() {
      return new NetworkState(this);
    }
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String driver() {
    return driver;
  }

  public Instant created() {
    return created;
  }

  /** The subnet, or null (host, none). */
  public Cidr subnet() {
    return pool.subnet();
  }

  public int gateway() {
    return pool.gateway();
  }

  /** The IP range addresses are allocated from, or null for the whole subnet. */
  public Cidr ipRange() {
    return pool.ipRange();
  }

  boolean userSubnet() {
    return pool.userSubnet();
  }

  /**
   * Whether inspect shows the pool's gateway: dockerd records it when it chose the subnet or the
   * user gave the gateway, not for a --subnet without --gateway.
   */
  public boolean gatewayShown() {
    return !predefined && (!pool.userSubnet() || pool.userGateway());
  }

  /** The --aux-address entries (name to address), in the order given. */
  public Map<String, String> auxAddresses() {
    return pool.aux();
  }

  /** Whether containers here get IPv6 addresses (EnableIPv6 with an IPv6 subnet). */
  public boolean ipv6() {
    return pool6.enabled() && pool6.subnet() != null;
  }

  /** Whether EnableIPv6 was asked for (inspect shows it). */
  public boolean enableIpv6() {
    return pool6.enabled();
  }

  /** The IPv6 subnet, or null. */
  public Cidr6 subnet6() {
    return pool6.subnet();
  }

  /** The IPv6 gateway (the bridge's address), or null. */
  public BigInteger gateway6() {
    return pool6.gateway();
  }

  /** Whether the IPv6 gateway was given at create (inspect lists it only then). */
  public boolean userGateway6() {
    return pool6.userGateway();
  }

  public boolean internal() {
    return internal;
  }

  public boolean attachable() {
    return attachable;
  }

  public boolean predefined() {
    return predefined;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public Map<String, String> options() {
    return options;
  }

  /** IPAM options as the create request gave them; null when it sent none (Docker echoes both). */
  public Map<String, String> ipamOptions() {
    return ipamOptions;
  }

  public String bridgeName() {
    return bridge.name();
  }

  public String bridgeMac() {
    return bridge.mac();
  }

  public int bridgeIndex() {
    return bridge.index();
  }

  /** The container ids with an active endpoint here, in attach order. */
  public Collection<String> attachedContainerIds() {
    return Collections.unmodifiableCollection(endpoints.keySet());
  }

  /** The active endpoints, in attach order. */
  public Collection<EndpointState> endpoints() {
    return Collections.unmodifiableCollection(endpoints.values());
  }

  /** The active endpoint of a container here, if it has one. */
  public Optional<EndpointState> endpointOf(String containerId) {
    return Optional.ofNullable(endpoints.get(containerId));
  }

  public boolean hasEndpoints() {
    return !endpoints.isEmpty();
  }

  void attach(String containerId, EndpointState e) {
    endpoints.put(containerId, e);
  }

  void detach(EndpointState e) {
    endpoints.values().remove(e);
  }

  /** "swarm" for a Swarm's overlays, "local" for the rest. */
  public String scope() {
    return isOverlay() ? "swarm" : "local";
  }

  public boolean isOverlay() {
    return "overlay".equals(driver);
  }

  /** The Swarm's routing-mesh network. */
  public boolean ingress() {
    return ingress;
  }

  public boolean isBridge() {
    return "bridge".equals(driver);
  }

  /** The default bridge: no embedded DNS, no name resolution. */
  public boolean isDefaultBridge() {
    return predefined && "bridge".equals(name);
  }

  /** A user-defined network: these get the embedded DNS at 127.0.0.11. */
  public boolean isUserDefined() {
    return !predefined;
  }

  public String shortId() {
    return id.substring(0, 12);
  }

  /**
   * The lowest free address of the pool (the IP range if one was given, from its first), or fails.
   */
  int allocate() {
    Cidr subnet = pool.subnet();
    Cidr range = pool.ipRange() != null ? pool.ipRange() : subnet;
    // libnetwork hands out a --ip-range from its first address (the subnet's own address and
    // broadcast excepted): on 172.x.0.128/25 the gateway takes .128, the first container .129
    for (long a = Integer.toUnsignedLong(range.base()) + (pool.ipRange() != null ? 0 : 1);
        a < Integer.toUnsignedLong(range.broadcast());
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
    Cidr subnet = pool.subnet();
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

  /** The lowest free IPv6 address after the gateway, as Docker's IPAM hands them out. */
  BigInteger allocate6() {
    for (long i = 1; i < 1 << 20; i++) {
      BigInteger candidate = pool6.subnet().at(i);
      if (!candidate.equals(pool6.gateway()) && used6.add(candidate)) {
        return candidate;
      }
    }
    throw ApiException.serverError("no available IPv6 addresses on this network's address pools");
  }

  void release6(BigInteger address) {
    used6.remove(address);
  }

  void release(int address) {
    if (address != pool.gateway()) {
      used.remove(address);
    }
  }

  @Override
  public String toString() {
    return "network " + name + " " + driver + (subnet() == null ? "" : " " + subnet());
  }
}
