package netbook.render.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two snapshots, one line each, in the order a learner reads cause and effect:
 * networks created, containers joining (or moving to a new address), ports published, ports
 * withdrawn, containers leaving, networks removed.
 *
 * <pre>
 * + network my_bridge 172.18.0.0/16
 * + container_a joined my_bridge as 172.18.0.2
 * + published host:8080 → web:80
 * - container_2 left bridge
 * - network my_bridge
 * </pre>
 */
public record TopologyDiff(List<String> lines) {
  public TopologyDiff {
    lines = List.copyOf(lines);
  }

  public static TopologyDiff between(Topology before, Topology after) {
    List<String> out = new ArrayList<>();
    for (Topology.Bridge b : after.bridges()) {
      if (before.bridge(b.network()).isEmpty()) {
        out.add(("+ network " + b.network() + " " + b.subnet()).strip());
      }
    }
    for (Topology.Node n : after.containers()) {
      Topology.Node was = before.container(n.name()).orElse(null);
      for (Topology.Link l : n.links()) {
        Topology.Link old = was == null ? null : was.link(l.network()).orElse(null);
        if (old == null) {
          out.add("+ " + n.name() + " joined " + l.network() + " as " + l.ip());
        } else if (!Objects.equals(old.ip(), l.ip())) {
          out.add(
              "~ "
                  + n.name()
                  + " on "
                  + l.network()
                  + " is now "
                  + l.ip()
                  + " (was "
                  + old.ip()
                  + ")");
        }
      }
      if (n.links().isEmpty() && (n.onHost() || n.isolated()) && n.running()) {
        if (was == null || !was.running()) {
          out.add("+ " + n.name() + " runs on network " + n.mode());
        }
      }
    }
    for (Topology.Port p : after.ports()) {
      if (!before.ports().contains(p)) {
        out.add("+ published " + p);
      }
    }
    for (Topology.Port p : before.ports()) {
      if (!after.ports().contains(p)) {
        out.add("- unpublished " + p);
      }
    }
    for (Topology.Node was : before.containers()) {
      Topology.Node n = after.container(was.name()).orElse(null);
      for (Topology.Link l : was.links()) {
        if (n == null || n.link(l.network()).isEmpty()) {
          String why = n == null ? " (removed)" : n.running() ? "" : " (" + n.state() + ")";
          out.add("- " + was.name() + " left " + l.network() + why);
        }
      }
      if (was.links().isEmpty() && (was.onHost() || was.isolated()) && was.running()) {
        if (n == null || !n.running()) {
          out.add("- " + was.name() + " no longer runs on network " + was.mode());
        }
      }
    }
    for (Topology.Bridge b : before.bridges()) {
      if (after.bridge(b.network()).isEmpty()) {
        out.add("- network " + b.network());
      }
    }
    return new TopologyDiff(out);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}
