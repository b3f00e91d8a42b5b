package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manager's part in services: it checks what the client asks, allocates the service's virtual IP
 * on each of its overlays (and on the ingress when it publishes ports) from the swarm-wide pool,
 * and assigns replicas to nodes by slot, round-robin over the swarm's members in joining order
 * (node1, node2, node3, node1…), as the real scheduler spreads them over equal nodes. Scaling down
 * shuts the highest slots down. Errors carry dockerd's and swarmkit's texts.
 */
final class ServiceScheduler {
  private final IdSource ids;
  private final NetworkTable networks;
  private final NodeSwarm swarm;

  ServiceScheduler(IdSource ids, NetworkTable networks, NodeSwarm swarm) {
    this.ids = ids;
    this.networks = networks;
    this.swarm = swarm;
  }

  SwarmServices.Service create(SwarmServices.Definition asked) {
    SwarmCluster c = swarm.managed();
    SwarmServices.Definition d = resolved(c, asked);
    SwarmServices services = c.services();
    services.checkFree(d.name());
    Map<String, Integer> vips = new LinkedHashMap<>();
    if (d.endpointMode().equals("vip")) {
      List<String> nets = new ArrayList<>();
      if (!d.ports().isEmpty()) {
        c.overlay("ingress").ifPresent(o -> nets.add(o.id()));
      }
      nets.addAll(d.networks());
      for (String id : nets) {
        c.overlay(id).ifPresent(o -> vips.put(o.id(), networks.addOverlay(o).allocate()));
      }
    }
    SwarmServices.Service s = services.add(base36(25), d, vips, ids.now());
    schedule(c, s);
    return s;
  }

  void update(String ref, long version, SwarmServices.Definition asked) {
    SwarmCluster c = swarm.managed();
    SwarmServices.Service s = c.services().get(ref);
    SwarmServices.Definition d = resolved(c, asked);
    SwarmServices.Definition before = s.definition();
    if (!d.networks().equals(before.networks())
        || !d.endpointMode().equals(before.endpointMode())
        || !d.ports().equals(before.ports())) {
      throw ApiException.badRequest(
          "changing a service's networks, endpoint mode or ports is not modelled by the embedded"
              + " engine: remove the service and create it again");
    }
    c.services().update(s, version, d, ids.now());
    schedule(c, s);
  }

  void remove(String ref) {
    SwarmCluster c = swarm.managed();
    SwarmServices.Service s = c.services().get(ref);
    s.vips()
        .forEach(
            (net, address) ->
                c.overlay(net).ifPresent(o -> networks.addOverlay(o).release(address)));
    c.services().remove(s);
  }

  /** Tasks for the slots the service lacks, shut down for the slots beyond its replicas. */
  private void schedule(SwarmCluster c, SwarmServices.Service s) {
    int replicas = s.definition().replicas();
    List<SwarmCluster.Member> members = c.members();
    List<SwarmServices.Task> mine = c.services().tasks(s.id());
    for (SwarmServices.Task t : mine) {
      if (t.slot() > replicas && t.desiredState().equals("running")) {
        t.shutdown(ids.now());
      }
    }
    for (int slot = 1; slot <= replicas; slot++) {
      int n = slot;
      boolean has =
          mine.stream().anyMatch(t -> t.slot() == n && t.desiredState().equals("running"));
      if (!has) {
        String node = members.get((slot - 1) % members.size()).nodeId();
        c.services().addTask(new SwarmServices.Task(base36(25), s.id(), slot, node, ids.now()));
      }
    }
  }

  /** The definition with its networks as overlay ids; dockerd's errors for what it refuses. */
  private SwarmServices.Definition resolved(SwarmCluster c, SwarmServices.Definition d) {
    if (d.name().isEmpty()) {
      throw ApiException.badRequest(
          "rpc error: code = InvalidArgument desc = meta: name must be provided");
    }
    if (d.image().isEmpty()) {
      throw ApiException.badRequest(
          "rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be"
              + " provided");
    }
    if (d.replicas() < 0) {
      throw ApiException.badRequest(
          "rpc error: code = InvalidArgument desc = replicas must be zero or more");
    }
    if (d.endpointMode().equals("dnsrr") && !d.ports().isEmpty()) {
      throw ApiException.badRequest(
          "rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress"
              + " mode can't be used with dnsrr mode");
    }
    List<String> ids = new ArrayList<>();
    for (String ref : d.networks()) {
      SwarmCluster.Overlay o =
          c.overlay(ref)
              .orElseThrow(() -> ApiException.serverError("network " + ref + " not found"));
      ids.add(o.id());
    }
    return new SwarmServices.Definition(
        d.name(),
        d.image(),
        d.args(),
        d.replicas(),
        ids,
        d.endpointMode(),
        d.ports(),
        d.labels(),
        d.specJson());
  }

  private String base36(int length) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      sb.append(Character.forDigit(ids.between(0, 36), 36));
    }
    return sb.toString();
  }
}
