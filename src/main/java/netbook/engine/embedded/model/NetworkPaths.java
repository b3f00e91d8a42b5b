package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Name resolution and reachability as a container experiences them: /etc/hosts first, then the
 * embedded DNS (127.0.0.11, user-defined networks only: container names, network aliases, short
 * IDs) or the upstream server (which, like a host without internet, never answers); packets reach
 * only addresses on a network the container shares, the host's bridges and the host itself. On a
 * Swarm overlay the network spans the nodes: names and addresses of containers on other nodes
 * (published to the swarm, see {@link SwarmCluster}) resolve and answer as if they were local.
 */
public final class NetworkPaths {
  private final DockerModel model;
  private final Namespaces namespaces;

  public NetworkPaths(DockerModel model, Namespaces namespaces) {
    this.model = model;
    this.namespaces = namespaces;
  }

  /** What getaddrinfo in the container answers: addresses, or empty when the name is unknown. */
  public List<Integer> resolve(ContainerState from, String name) {
    if (Ipv4.isAddress(name)) {
      return List.of(Ipv4.parse(name));
    }
    List<Integer> hosts = fromHostsFile(from, name);
    if (!hosts.isEmpty()) {
      return hosts;
    }
    return dns(from, name);
  }

  private List<Integer> fromHostsFile(ContainerState from, String name) {
    for (String line : namespaces.hostsFile(from).split("\n")) {
      String[] parts = line.split("\\s+");
      if (parts.length >= 2 && Ipv4.isAddress(parts[0])) {
        for (int i = 1; i < parts.length; i++) {
          if (parts[i].equalsIgnoreCase(name)) {
            return List.of(Ipv4.parse(parts[0]));
          }
        }
      }
    }
    return List.of();
  }

  /**
   * What the embedded DNS answers (empty on the default bridge, where there is none), as
   * libnetwork's resolver does: NAME, then NAME as "name.network" split at each dot from the right;
   * on each network in turn a link alias of the asking endpoint first, then container names and
   * network aliases (the hostname and short ID are aliases too); several answers come shuffled.
   */
  public List<Integer> dns(ContainerState from, String name) {
    List<Integer> out = new ArrayList<>();
    if (!namespaces.embeddedDns(from)) {
      return out;
    }
    String wanted = stripDot(name).toLowerCase(Locale.ROOT);
    List<String[]> tries = new ArrayList<>();
    tries.add(new String[] {wanted, ""});
    for (int dot = wanted.lastIndexOf('.'); dot > 0; dot = wanted.lastIndexOf('.', dot - 1)) {
      tries.add(new String[] {wanted.substring(0, dot), wanted.substring(dot + 1)});
    }
    for (String[] t : tries) {
      out = lookup(from, t[0], t[1]);
      if (!out.isEmpty()) {
        break;
      }
    }
    for (int i = out.size() - 1; i > 0; i--) {
      int r = model.ids().between(0, i + 1);
      out.set(i, out.set(r, out.get(i)));
    }
    return out;
  }

  private List<Integer> lookup(ContainerState from, String req, String networkName) {
    List<Map.Entry<NetworkState, EndpointState>> mine = namespaces.endpoints(from);
    for (Map.Entry<NetworkState, EndpointState> x : mine) {
      NetworkState n = x.getKey();
      if (!n.isUserDefined()
          || !(networkName.isEmpty() || n.name().equalsIgnoreCase(networkName))) {
        continue;
      }
      for (String link : x.getValue().links()) {
        String[] na = Links.parse(link);
        if (na[1].equalsIgnoreCase(req)) {
          List<Integer> hit = onNetwork(n, na[0].toLowerCase(Locale.ROOT));
          if (!hit.isEmpty()) {
            return hit;
          }
        }
      }
    }
    for (Map.Entry<NetworkState, EndpointState> x : mine) {
      NetworkState n = x.getKey();
      if (!n.isUserDefined()
          || !(networkName.isEmpty() || n.name().equalsIgnoreCase(networkName))) {
        continue;
      }
      List<Integer> hit = onNetwork(n, req);
      if (!hit.isEmpty()) {
        return hit;
      }
    }
    return new ArrayList<>();
  }

  /** The addresses on one network of the running containers named or aliased {@code req}. */
  private List<Integer> onNetwork(NetworkState n, String req) {
    List<Integer> out = services(n, req);
    for (String containerId : n.attachedContainerIds()) {
      ContainerState c = model.containerById(containerId).orElse(null);
      EndpointState e = n.endpointOf(containerId).orElseThrow();
      if (c == null || !e.active()) {
        continue;
      }
      boolean match =
          c.name().equalsIgnoreCase(req)
              || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(req));
      if (match && !out.contains(e.address())) {
        out.add(e.address());
      }
    }
    for (SwarmCluster.Remote r : remote(n)) {
      if (r.answers(req) && !out.contains(r.address())) {
        out.add(r.address());
      }
    }
    return out;
  }

  /**
   * What the swarm's DNS answers for a service on an overlay: {@code tasks.NAME} its running tasks'
   * addresses, {@code NAME} its virtual IP (or, in dnsrr mode, its tasks' addresses).
   */
  private List<Integer> services(NetworkState n, String req) {
    List<Integer> out = new ArrayList<>();
    Optional<SwarmCluster> c = n.isOverlay() ? model.swarm().cluster() : Optional.empty();
    if (c.isEmpty()) {
      return out;
    }
    SwarmServices services = c.get().services();
    for (SwarmServices.Service s : services.all()) {
      SwarmServices.Definition d = s.definition();
      boolean tasks = req.equalsIgnoreCase("tasks." + d.name());
      if (!d.networks().contains(n.id()) || !(tasks || req.equalsIgnoreCase(d.name()))) {
        continue;
      }
      Integer vip = s.vips().get(n.id());
      if (!tasks && vip != null) {
        out.add(vip);
        continue;
      }
      for (SwarmServices.Task t : services.tasks(s.id())) {
        Integer a = t.addresses().get(n.id());
        if (a != null && t.state().equals("running") && t.desiredState().equals("running")) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /** The endpoints other nodes of the swarm hold on an overlay (none on other networks). */
  private List<SwarmCluster.Remote> remote(NetworkState n) {
    if (!n.isOverlay()) {
      return List.of();
    }
    NodeSwarm swarm = model.swarm();
    return swarm.cluster().map(c -> c.remote(n.id(), swarm.nodeId())).orElse(List.of());
  }

  /** The endpoint another node holds at this address on an overlay the container is on. */
  private Optional<SwarmCluster.Remote> remoteHolder(ContainerState from, int address) {
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(from)) {
      for (SwarmCluster.Remote r : remote(x.getKey())) {
        if (r.address() == address) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What the embedded DNS answers to a reverse (PTR) query: "name.network" of the container holding
   * the address on one of the asker's user-defined networks, or empty (the query goes upstream).
   */
  public Optional<String> reverse(ContainerState from, int address) {
    if (!namespaces.embeddedDns(from)) {
      return Optional.empty();
    }
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(from)) {
      NetworkState n = x.getKey();
      if (!n.isUserDefined()) {
        continue;
      }
      for (String containerId : n.attachedContainerIds()) {
        EndpointState e = n.endpointOf(containerId).orElseThrow();
        if (e.active() && e.address() == address) {
          Optional<ContainerState> c = model.containerById(containerId);
          if (c.isPresent()) {
            return Optional.of(c.get().name() + "." + n.name());
          }
        }
      }
      for (SwarmCluster.Remote r : remote(n)) {
        if (r.address() == address) {
          return Optional.of(r.name() + "." + n.name());
        }
      }
    }
    return Optional.empty();
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** Whether the namespace has any route towards the address (else: Network is unreachable). */
  public boolean routable(ContainerState from, int address) {
    if (Ipv4.isLoopback(address)) {
      return true;
    }
    if (namespaces.hostMode(from)) {
      return true;
    }
    if (namespaces.defaultGateway(from) != 0) {
      return true;
    }
    return namespaces.endpoints(from).stream().anyMatch(x -> x.getKey().subnet().contains(address));
  }

  /** Whether a packet from the container reaches the address and comes back. */
  public boolean reaches(ContainerState from, int address) {
    if (Ipv4.isLoopback(address) || !routable(from, address)) {
      return Ipv4.isLoopback(address);
    }
    List<Map.Entry<NetworkState, EndpointState>> mine = namespaces.endpoints(from);
    boolean host = namespaces.hostMode(from);
    if (mine.stream().anyMatch(x -> x.getValue().address() == address)) {
      return true;
    }
    Optional<ContainerState> holder = model.holder(address);
    if (holder.isPresent()) {
      if (host) {
        return true;
      }
      for (Map.Entry<NetworkState, EndpointState> x : mine) {
        EndpointState theirs = x.getKey().endpointOf(holder.get().namespace().id()).orElse(null);
        if (theirs != null && theirs.active() && theirs.address() == address) {
          return true;
        }
      }
      return false;
    }
    if (remoteHolder(from, address).isPresent()) {
      return !host;
    }
    boolean hostAddress =
        address == DockerModel.HOST_ADDRESS
            || address == DockerModel.HOST_GATEWAY
            || model.networks().stream()
                .anyMatch(n -> n.subnet() != null && n.gateway() == address);
    if (hostAddress) {
      return host
          || namespaces.defaultGateway(from) != 0
          || mine.stream().anyMatch(x -> x.getKey().gateway() == address);
    }
    return false;
  }

  /** The container serving the address on a shared network (for wget), if reachable. */
  public Optional<ContainerState> target(ContainerState from, int address) {
    if (!reaches(from, address)) {
      return Optional.empty();
    }
    Optional<ContainerState> local = model.holder(address);
    return local.isPresent()
        ? local
        : remoteHolder(from, address).map(SwarmCluster.Remote::container);
  }

  /** Counts a round trip on both ends' interfaces (what ifconfig's counters show). */
  public void count(ContainerState from, int address, int packets, int size) {
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(from)) {
      if (x.getKey().subnet().contains(address) || x.getKey().gateway() == address) {
        x.getValue().count(packets, (long) packets * size);
        return;
      }
    }
  }

  /**
   * A first exchange with the address fills the neighbour tables as ARP does: the sender learns the
   * next hop (the address itself on a shared subnet, else the default gateway's bridge) and a
   * container it reached learns the sender back.
   */
  public void learn(ContainerState from, int address) {
    if (namespaces.hostMode(from) || Ipv4.isLoopback(address)) {
      return;
    }
    List<Map.Entry<NetworkState, EndpointState>> mine = namespaces.endpoints(from);
    for (Map.Entry<NetworkState, EndpointState> x : mine) {
      NetworkState n = x.getKey();
      EndpointState e = x.getValue();
      if (!n.subnet().contains(address) || e.address() == address) {
        continue;
      }
      if (address == n.gateway()) {
        e.learn(new EndpointState.Neighbour(Ipv4.format(address), n.bridgeMac(), false, true));
        return;
      }
      for (EndpointState theirs : n.endpoints()) {
        if (theirs.active() && theirs.address() == address) {
          e.learn(new EndpointState.Neighbour(Ipv4.format(address), theirs.mac(), false, true));
          theirs.learn(new EndpointState.Neighbour(e.ipv4(), e.mac(), false, false));
        }
      }
      for (SwarmCluster.Remote r : remote(n)) {
        if (r.address() == address) {
          // the overlay's VXLAN driver fills the neighbour table from the swarm, not by ARP
          e.learn(new EndpointState.Neighbour(Ipv4.format(address), r.mac(), false, true));
        }
      }
      return;
    }
    if (mine.stream().anyMatch(x -> x.getValue().address() == address)) {
      return;
    }
    for (Map.Entry<NetworkState, EndpointState> x : mine) {
      NetworkState n = x.getKey();
      if (!n.internal()) {
        x.getValue()
            .learn(
                new EndpointState.Neighbour(Ipv4.format(n.gateway()), n.bridgeMac(), false, true));
        return;
      }
    }
  }

  /**
   * The first hop towards an address: the address itself when it is on a shared subnet or owned by
   * the host (its gateways, its own address), else the default gateway (0 when there is none).
   */
  public int nextHop(ContainerState from, int address) {
    boolean hostOwned =
        address == DockerModel.HOST_ADDRESS
            || model.networks().stream()
                .anyMatch(n -> n.subnet() != null && n.gateway() == address);
    if (Ipv4.isLoopback(address) || namespaces.hostMode(from) || hostOwned) {
      return address;
    }
    for (Map.Entry<NetworkState, EndpointState> x : namespaces.endpoints(from)) {
      if (x.getKey().subnet().contains(address)) {
        return address;
      }
    }
    return namespaces.defaultGateway(from);
  }
}
