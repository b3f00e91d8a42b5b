package netbook.engine.embedded.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * How an embedded engine behaves. {@code seed} makes IDs, MACs of bridges and veths, timings and
 * the clock reproducible; {@code upstreamDns} is what the daemon's {@code --dns} would be (what a
 * container on the default bridge finds in /etc/resolv.conf, and where the embedded DNS forwards
 * names it does not know: nothing answers there, as on a host without internet); {@code hostName}
 * is the engine host's name; {@code servePublishedPorts} makes published ports of web containers
 * answer on real loopback sockets; {@code preloadedImages} are present without a pull.
 */
public record EmbeddedOptions(
    OptionalLong seed,
    String upstreamDns,
    String hostName,
    boolean servePublishedPorts,
    List<String> preloadedImages) {

  public EmbeddedOptions {
    seed = seed == null ? OptionalLong.empty() : seed;
    upstreamDns = upstreamDns == null || upstreamDns.isEmpty() ? "127.0.0.1" : upstreamDns;
    hostName = hostName == null || hostName.isEmpty() ? "netbook-host" : hostName;
    preloadedImages = preloadedImages == null ? List.of() : List.copyOf(preloadedImages);
  }

  /** Random IDs, the real clock, published web ports served on loopback, no images. */
  public static EmbeddedOptions defaults() {
    return new EmbeddedOptions(OptionalLong.empty(), "127.0.0.1", "netbook-host", true, List.of());
  }

  /** As {@link #defaults()} but reproducible: the same seed gives the same IDs, MACs and times. */
  public static EmbeddedOptions seeded(long seed) {
    return defaults().withSeed(seed);
  }

  public EmbeddedOptions withSeed(long value) {
    return new EmbeddedOptions(
        OptionalLong.of(value), upstreamDns, hostName, servePublishedPorts, preloadedImages);
  }

  public EmbeddedOptions withUpstreamDns(String value) {
    return new EmbeddedOptions(seed, value, hostName, servePublishedPorts, preloadedImages);
  }

  public EmbeddedOptions withHostName(String value) {
    return new EmbeddedOptions(seed, upstreamDns, value, servePublishedPorts, preloadedImages);
  }

  public EmbeddedOptions withServePublishedPorts(boolean value) {
    return new EmbeddedOptions(seed, upstreamDns, hostName, value, preloadedImages);
  }

  /** Images present from the start, as if pulled before (e.g. "ubuntu", "netbook/web"). */
  public EmbeddedOptions withPreloadedImages(List<String> value) {
    return new EmbeddedOptions(seed, upstreamDns, hostName, servePublishedPorts, value);
  }
}
