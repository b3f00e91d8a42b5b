package netbook.engine.embedded.busybox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.model.Cidr;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.EndpointState;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetInterface;
import netbook.engine.embedded.model.NetworkState;

/**
 * A namespace's IPv4 routes as the kernel keeps them (the ones {@code ip route} lists): the default
 * route through the first non-internal network's gateway, then one link route per subnet.
 */
record RouteTable(List<Route> routes) {
  private static final Cidr ANY = new Cidr(0, 0);

  /** One route: destination, gateway (0 on-link), device and preferred source (0 for none). */
  record Route(Cidr destination, int gateway, String device, int source) {
    int flags() {
      return gateway != 0 ? 3 : 1;
    }

    String flagLetters() {
      return gateway != 0 ? "UG" : "U";
    }
  }

  static RouteTable of(Namespaces namespaces, ContainerState c) {
    List<Route> out = new ArrayList<>();
    if (namespaces.hostMode(c)) {
      out.add(new Route(ANY, DockerModel.HOST_GATEWAY, "eth0", 0));
      List<Route> links = new ArrayList<>();
      for (NetInterface i : namespaces.hostInterfaces()) {
        if (i.kind() != NetInterface.Kind.LOOPBACK && i.hasIpv4()) {
          links.add(new Route(i.net(), 0, i.name(), i.address()));
        }
      }
      links.sort(Comparator.comparingLong(r -> Integer.toUnsignedLong(r.destination().base())));
      out.addAll(links);
      return new RouteTable(out);
    }
    List<Map.Entry<NetworkState, EndpointState>> eps = namespaces.endpoints(c);
    eps.stream()
        .filter(x -> !x.getKey().internal())
        .findFirst()
        .ifPresent(x -> out.add(new Route(ANY, x.getKey().gateway(), x.getValue().ifName(), 0)));
    for (Map.Entry<NetworkState, EndpointState> x : eps) {
      out.add(new Route(x.getKey().subnet(), 0, x.getValue().ifName(), x.getValue().address()));
    }
    return new RouteTable(out);
  }

  /** The route the kernel picks for an address: the longest matching prefix, or null. */
  Route lookup(int address) {
    Route best = null;
    for (Route r : routes) {
      if (r.destination().contains(address)
          && (best == null || r.destination().prefix() > best.destination().prefix())) {
        best = r;
      }
    }
    return best;
  }
}
