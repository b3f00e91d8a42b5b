package netbook.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netbook.engine.NetworkInfo;
import netbook.engine.embedded.model.Cidr;
import netbook.json.JsonText;

/**
 * Whether the subnets the chapters ask for, and Docker's default address pools, are free: not the
 * host's own networks (an interface, a route: a VPN shows there) and, for the chapters' subnets,
 * not a Docker network that already exists (Docker refuses a second network on an overlapping
 * subnet).
 */
public final class SubnetCheck {
  /** A default address pool: subnets of {@code size} bits cut from {@code base}. */
  public record Pool(String base, int size) {
    @Override
    public String toString() {
      return base + " in /" + size + "s";
    }
  }

  /** dockerd's default pools when daemon.json sets none: 172.17-31.0.0/16, 192.168.0.0/16 /20s. */
  public static final List<Pool> DOCKER_DEFAULT_POOLS =
      List.of(
          new Pool("172.17.0.0/16", 16),
          new Pool("172.18.0.0/15", 16),
          new Pool("172.20.0.0/14", 16),
          new Pool("172.24.0.0/13", 16),
          new Pool("192.168.0.0/16", 20));

  private SubnetCheck() {}

  /**
   * The findings: a line for the chapters' subnets, a line for the pools; a problem (or a warning,
   * for a pool) per clash, naming both and the fix. {@code host} empty: the engine is not on this
   * machine (or is embedded), so only its own networks count. {@code pools} null: not checked.
   */
  public static List<Finding> check(
      ChapterNeeds needs,
      List<HostNetwork> host,
      List<NetworkInfo> networks,
      List<Pool> pools,
      String poolSource) {
    List<Finding> out = new ArrayList<>();
    Map<String, String> wanted = new TreeMap<>(needs.subnets());
    int clashes = 0;
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      Cidr want = parse(w.getKey());
      if (want == null) {
        continue;
      }
      String what = w.getKey() + " (" + w.getValue() + ")";
      for (HostNetwork h : host) {
        Cidr hc = parse(h.cidr());
        if (hc != null && hc.overlaps(want)) {
          clashes++;
          out.add(
              Finding.problem(
                  "subnets",
                  what + " overlaps this host's " + h,
                  "leave that network (a VPN: disconnect it for class), or change the subnet in"
                      + " the chapter"));
        }
      }
      for (NetworkInfo n : networks) {
        for (var ipam : n.ipam()) {
          Cidr nc = parse(ipam.subnet());
          if (nc != null && nc.overlaps(want)) {
            clashes++;
            boolean ours = n.labels().keySet().stream().anyMatch(k -> k.startsWith("netbook"));
            out.add(
                Finding.problem(
                    "subnets",
                    what + " overlaps Docker network " + n.name() + " (" + ipam.subnet() + ")",
                    ours
                        ? "a netbook session left it: bin/netbook cleanup"
                        : "docker network rm "
                            + n.name()
                            + " (if nothing uses it), or use"
                            + " another subnet"));
          }
        }
      }
    }
    if (clashes == 0 && !wanted.isEmpty()) {
      out.add(
          Finding.ok(
              "subnets",
              String.join(", ", wanted.keySet())
                  + " free"
                  + (host.isEmpty() ? " among the engine's networks" : "")));
    }
    if (pools != null) {
      out.add(pools(host, pools, poolSource));
    }
    return out;
  }

  private static Finding pools(List<HostNetwork> host, List<Pool> pools, String source) {
    List<String> clashes = new ArrayList<>();
    for (Pool p : pools) {
      Cidr pc = parse(p.base());
      for (HostNetwork h : host) {
        Cidr hc = parse(h.cidr());
        if (pc != null && hc != null && pc.overlaps(hc)) {
          clashes.add(h + " is in the pool " + p.base());
        }
      }
    }
    if (host.isEmpty()) {
      return Finding.info("pools", "Docker's address pools: not checked (the engine is elsewhere)");
    }
    if (clashes.isEmpty()) {
      return Finding.ok("pools", "Docker's address pools (" + source + ") clash with nothing here");
    }
    return Finding.warn(
        "pools",
        String.join("; ", clashes) + ": a new network may hide those addresses",
        "set default-address-pools in /etc/docker/daemon.json to a range this host does not use,"
            + " then restart dockerd");
  }

  /** The pools daemon.json sets (default-address-pools), else dockerd's defaults. */
  public static List<Pool> pools(Path daemonJson) {
    try {
      JsonNode root = JsonText.parse(Files.readString(daemonJson));
      JsonNode p = root.path("default-address-pools");
      if (p.isArray() && !p.isEmpty()) {
        List<Pool> out = new ArrayList<>();
        for (JsonNode n : p) {
          out.add(new Pool(n.path("base").asText(), n.path("size").asInt()));
        }
        return out;
      }
    } catch (IOException | RuntimeException e) {
      // no daemon.json (or not one to read): dockerd's defaults
    }
    return DOCKER_DEFAULT_POOLS;
  }

  private static Cidr parse(String s) {
    try {
      return s == null || s.isBlank() || s.contains(":") ? null : Cidr.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
