package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.EndpointState;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetworkState;

/**
 * busybox {@code ip neigh} and {@code arp}: the neighbour tables of a namespace's interfaces, which
 * fill as the container exchanges packets (ping, wget, nc, traceroute) with its neighbours, and
 * empty when it stops. Entries stay REACHABLE (the model has no clock to make them STALE).
 */
final class NeighbourCommands {
  private final DockerModel model;
  private final Namespaces namespaces;

  NeighbourCommands(DockerModel model, Namespaces namespaces) {
    this.model = model;
    this.namespaces = namespaces;
  }

  /** {@code ip [-4|-6] neigh [show|list] [dev IFACE]}. */
  ShellResult ipNeigh(ContainerState c, List<String> args, String family) {
    String device = null;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("dev") && i + 1 < args.size()) {
        device = args.get(++i);
      } else if (args.get(i).equals("flush")) {
        boolean empty =
            namespaces.endpoints(c).stream().allMatch(x -> x.getValue().neighbours().isEmpty());
        return empty
            ? ShellResult.ok("Nothing to flush\n")
            : ShellResult.fail("ip: RTNETLINK answers: Operation not permitted\n", 2);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(c)) {
      EndpointState e = x.getValue();
      if (device != null && !device.equals(e.ifName())) {
        continue;
      }
      for (EndpointState.Neighbour n : e.neighbours()) {
        boolean v6 = n.address().contains(":");
        if (family.equals("4") && v6 || family.equals("6") && !v6) {
          continue;
        }
        sb.append(n.address())
            .append(" dev ")
            .append(e.ifName())
            .append(" lladdr ")
            .append(n.mac())
            .append(n.router() ? " router" : "")
            .append(" ref 1 used 0/0/0 probes ")
            .append(n.asked() ? 4 : 1)
            .append(" REACHABLE\n");
      }
    }
    return ShellResult.ok(sb.toString());
  }

  /** {@code arp [-a] [-n] [-i IFACE]}: the IPv4 entries, named by the embedded DNS unless -n. */
  ShellResult arp(ContainerState c, List<String> args) {
    boolean numeric = args.stream().anyMatch(a -> a.startsWith("-") && a.contains("n"));
    String device = null;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-i") && i + 1 < args.size()) {
        device = args.get(++i);
      }
    }
    StringBuilder sb = new StringBuilder();
    int entries = 0;
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(c)) {
      EndpointState e = x.getValue();
      for (EndpointState.Neighbour n : e.neighbours()) {
        if (n.address().contains(":")) {
          continue;
        }
        entries++;
        if (device != null && !device.equals(e.ifName())) {
          continue;
        }
        String name = numeric ? "?" : reverse(c, n.address()).orElse("?");
        sb.append(name)
            .append(" (")
            .append(n.address())
            .append(") at ")
            .append(n.mac())
            .append(" [ether]  on ")
            .append(e.ifName())
            .append('\n');
      }
    }
    if (sb.length() == 0 && device != null) {
      return ShellResult.ok("No match found in " + entries + " entries\n");
    }
    return ShellResult.ok(sb.toString());
  }

  /**
   * What the embedded DNS answers to a reverse (PTR) query from this container: NAME.NETWORK for a
   * container on a user-defined network it shares; nothing for gateways or on the default bridge.
   */
  Optional<String> reverse(ContainerState from, String address) {
    if (!namespaces.embeddedDns(from)) {
      return Optional.empty();
    }
    for (Map.Entry<NetworkState, EndpointState> mine : namespaces.endpoints(from)) {
      NetworkState n = mine.getKey();
      if (!n.isUserDefined()) {
        continue;
      }
      for (String id : n.attachedContainerIds()) {
        EndpointState e = n.endpointOf(id).orElseThrow();
        if (e.active() && (e.ipv4().equals(address) || address.equals(e.ipv6()))) {
          Optional<ContainerState> holder = model.containerById(id);
          if (holder.isPresent()) {
            return Optional.of(holder.get().name() + "." + n.name());
          }
        }
      }
    }
    return Optional.empty();
  }
}
