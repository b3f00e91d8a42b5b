package netbook.engine;

import java.util.Map;

/** What to create: the subset of {@code docker network create} lessons use. */
public record NetworkSpec(
    String name,
    String driver,
    String subnet,
    String gateway,
    String ipRange,
    boolean internal,
    Map<String, String> labels,
    Map<String, String> options) {

  public NetworkSpec {
    driver = driver == null || driver.isEmpty() ? "bridge" : driver;
    subnet = subnet == null ? "" : subnet;
    gateway = gateway == null ? "" : gateway;
    ipRange = ipRange == null ? "" : ipRange;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A plain user-defined bridge with the given labels. */
  public static NetworkSpec bridge(String name, Map<String, String> labels) {
    return new NetworkSpec(name, "bridge", "", "", "", false, labels, Map.of());
  }
}
