package netbook.engine.embedded.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IPv6 as a container experiences it on networks created with {@code --ipv6}: names resolve to the
 * global addresses of containers sharing such a network (AAAA answers of the embedded DNS, and
 * /etc/hosts), and packets reach those addresses, the network's gateway and ::1. Other containers
 * have IPv6 turned off, as Docker does.
 */
public final class Ipv6Paths {
  public static final BigInteger LOOPBACK = BigInteger.ONE;

  private final DockerModel model;
  private final Namespaces namespaces;

  public Ipv6Paths(DockerModel model, Namespaces namespaces) {
    this.model = model;
    this.namespaces = namespaces;
  }

  /** The IPv6 addresses getaddrinfo gives for a name or literal (empty: none). */
  public List<BigInteger> resolve(ContainerState from, String name) {
    if (Ipv6.isAddress(name)) {
      return List.of(Ipv6.parse(name));
    }
    for (String line : namespaces.hostsFile(from).split("\n")) {
      String[] parts = line.split("\\s+");
      if (parts.length >= 2 && Ipv6.isAddress(parts[0])) {
        for (int i = 1; i < parts.length; i++) {
          if (parts[i].equalsIgnoreCase(name)) {
            return List.of(Ipv6.parse(parts[0]));
          }
        }
      }
    }
    return dns(from, name);
  }

  /** The AAAA answers of the embedded DNS: containers on shared user-defined IPv6 networks. */
  public List<BigInteger> dns(ContainerState from, String name) {
    List<BigInteger> out = new ArrayList<>();
    if (!namespaces.embeddedDns(from)) {
      return out;
    }
    String wanted = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    for (Map.Entry<NetworkState, EndpointState> mine : namespaces.endpoints(from)) {
      NetworkState n = mine.getKey();
      if (!n.isUserDefined() || !n.ipv6()) {
        continue;
      }
      for (String id : n.attachedContainerIds()) {
        ContainerState c = model.containerById(id).orElse(null);
        EndpointState e = n.endpointOf(id).orElseThrow();
        boolean match =
            c != null
                && (c.name().equalsIgnoreCase(wanted)
                    || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(wanted)));
        if (match && e.ipv6Address() != null && !out.contains(e.ipv6Address())) {
          out.add(e.ipv6Address());
        }
      }
    }
    return out;
  }

  /** Whether the namespace can send IPv6 at all (else: Cannot assign requested address). */
  public boolean enabled(ContainerState from) {
    return namespaces.ipv6(from);
  }

  /** Whether an IPv6 packet from the container reaches the address and comes back. */
  public boolean reaches(ContainerState from, BigInteger address) {
    if (!enabled(from)) {
      return false;
    }
    if (address.equals(LOOPBACK)) {
      return true;
    }
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(from)) {
      NetworkState n = x.getKey();
      if (x.getValue().ipv6Address() == null) {
        continue;
      }
      if (address.equals(n.gateway6()) || address.equals(x.getValue().ipv6Address())) {
        return true;
      }
      for (EndpointState e : n.endpoints()) {
        if (e.active() && address.equals(e.ipv6Address())) {
          return true;
        }
      }
    }
    return false;
  }

  /** NDP fills the neighbour tables as ARP does for IPv4 (gateways are marked as routers). */
  public void learn(ContainerState from, BigInteger address) {
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(from)) {
      NetworkState n = x.getKey();
      EndpointState mine = x.getValue();
      if (mine.ipv6Address() == null || !n.subnet6().contains(address)) {
        continue;
      }
      String text = Ipv6.format(address);
      if (address.equals(n.gateway6())) {
        mine.learn(new EndpointState.Neighbour(text, n.bridgeMac(), true, true));
        return;
      }
      for (EndpointState e : n.endpoints()) {
        if (e.active() && address.equals(e.ipv6Address()) && e != mine) {
          mine.learn(new EndpointState.Neighbour(text, e.mac(), false, true));
          e.learn(new EndpointState.Neighbour(mine.ipv6(), mine.mac(), false, false));
        }
      }
      return;
    }
  }

  /** Counts a round trip on the sender's interface towards the address (ifconfig's counters). */
  public void count(ContainerState from, BigInteger address, int packets, int size) {
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(from)) {
      if (x.getValue().ipv6Address() != null && x.getKey().subnet6().contains(address)) {
        x.getValue().count(packets, (long) packets * size);
        return;
      }
    }
  }
}
