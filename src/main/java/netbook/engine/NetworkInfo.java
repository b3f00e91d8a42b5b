package netbook.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A network as the engine reports it ({@code docker network inspect}), in our own terms. */
public record NetworkInfo(
    String id,
    String name,
    String driver,
    String scope,
    boolean internal,
    List<IpamConfig> ipam,
    Map<String, String> options,
    Map<String, String> labels,
    List<Endpoint> endpoints,
    Instant created) {

  public NetworkInfo {
    ipam = ipam == null ? List.of() : List.copyOf(ipam);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  /** The names Docker gives its three built-in networks. */
  public static final List<String> DEFAULT_NAMES = List.of("bridge", "host", "none");

  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  public boolean isDefault() {
    return DEFAULT_NAMES.contains(name);
  }

  /** The first IPAM subnet, or "" for host and none. */
  public String subnet() {
    return ipam.isEmpty() ? "" : ipam.get(0).subnet();
  }

  /** The first IPAM gateway, or "" when there is none. */
  public String gateway() {
    return ipam.isEmpty() || ipam.get(0).gateway() == null ? "" : ipam.get(0).gateway();
  }

  /**
   * The Linux bridge behind a bridge network: {@code docker0} for the default one, the bridge.name
   * option when given, else {@code br-<first 12 of the id>}; "" for other drivers.
   */
  public String bridgeName() {
    if (!"bridge".equals(driver)) {
      return "";
    }
    String named = options.get("com.docker.network.bridge.name");
    if (named != null && !named.isEmpty()) {
      return named;
    }
    return "bridge".equals(name) ? "docker0" : "br-" + shortId();
  }

  @Override
  public String toString() {
    String sub = subnet().isEmpty() ? "" : " " + subnet();
    return "network " + name + " (" + driver + sub + ", " + endpoints.size() + " containers)";
  }
}
