package netbook.engine.embedded.model;

import java.util.Map;

/**
 * What POST /networks/create asks for, already read out of Docker's JSON. Empty strings mean "not
 * given" (driver: bridge; subnet: the next of Docker's default pools); {@code ipamOptions} is null
 * when the request sent none; {@code ipam6} is the IPv6 pool (given or not, it is used only with
 * {@code enableIpv6}, as in Docker). Build one with {@link #builder(String)}.
 */
public record NetworkSpec(
    String name,
    String driver,
    Ipam ipam,
    boolean internal,
    boolean attachable,
    Map<String, String> labels,
    Map<String, String> options,
    boolean enableIpv6,
    Ipam ipam6) {

  /**
   * The IPAM part: the first pool's subnet, gateway, IP range and auxiliary (reserved) addresses,
   * and the IPAM options.
   */
  public record Ipam(
      String subnet,
      String gateway,
      String ipRange,
      Map<String, String> options,
      Map<String, String> auxAddresses) {
    static final Ipam NONE = new Ipam("", "", "", null);

    public Ipam {
      subnet = subnet == null ? "" : subnet;
      gateway = gateway == null ? "" : gateway;
      ipRange = ipRange == null ? "" : ipRange;
      auxAddresses =
          auxAddresses == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(auxAddresses));
    }

    public Ipam(String subnet, String gateway, String ipRange, Map<String, String> options) {
      this(subnet, gateway, ipRange, options, Map.of());
    }
  }

  public NetworkSpec {
    driver = driver == null || driver.isEmpty() ? "bridge" : driver;
    ipam = ipam == null ? Ipam.NONE : ipam;
    labels = labels == null ? Map.of() : labels;
    options = options == null ? Map.of() : options;
    ipam6 = ipam6 == null ? Ipam.NONE : ipam6;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The parts of a network request, named. */
  public static final class Builder {
    private final String name;
    private String driver = "";
    private Ipam ipam = Ipam.NONE;
    private boolean internal;
    private boolean attachable;
    private Map<String, String> labels = Map.of();
    private Map<String, String> options = Map.of();
    private boolean enableIpv6;
    private Ipam ipam6 = Ipam.NONE;

    private Builder(String name) {
      this.name = name;
    }

    public Builder driver(String value) {
      this.driver = value;
      return this;
    }

    public Builder ipam(Ipam value) {
      this.ipam = value;
      return this;
    }

    public Builder internal(boolean value) {
      this.internal = value;
      return this;
    }

    public Builder attachable(boolean value) {
      this.attachable = value;
      return this;
    }

    public Builder labels(Map<String, String> value) {
      this.labels = value;
      return this;
    }

    public Builder options(Map<String, String> value) {
      this.options = value;
      return this;
    }

    /** EnableIPv6, as {@code docker network create --ipv6} sends it. */
    public Builder enableIpv6(boolean value) {
      this.enableIpv6 = value;
      return this;
    }

    /** The IPv6 pool of IPAM.Config (its subnet and gateway), as --subnet fd00::/64 gives it. */
    public Builder ipam6(Ipam value) {
      this.ipam6 = value;
      return this;
    }

    public NetworkSpec build() {
      return new NetworkSpec(
          name, driver, ipam, internal, attachable, labels, options, enableIpv6, ipam6);
    }
  }
}
