package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.EndpointState;
import netbook.engine.embedded.model.ImageCatalog;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Ipv6;
import netbook.engine.embedded.model.NetworkState;
import netbook.engine.embedded.model.NodeSwarm;

/** Networks as Docker's JSON: GET /networks and GET /networks/{id}. */
final class NetworkJson {
  private final DockerModel model;

  NetworkJson(DockerModel model) {
    this.model = model;
  }

  ObjectNode network(NetworkState n, boolean withContainers) {
    ObjectNode o = DockerJson.object();
    o.put("Name", n.name());
    o.put("Id", n.id());
    o.put("Created", DockerJson.time(n.created()));
    o.put("Scope", n.scope());
    o.put("Driver", n.driver());
    o.put("EnableIPv6", n.enableIpv6());
    ObjectNode ipam = o.putObject("IPAM");
    ipam.put("Driver", "default");
    if (n.ipamOptions() == null) {
      ipam.putNull("Options");
    } else {
      ipam.set("Options", DockerJson.strings(n.ipamOptions()));
    }
    ArrayNode config = ipam.putArray("Config");
    if (n.subnet() != null) {
      ObjectNode pool = config.addObject();
      pool.put("Subnet", n.subnet().toString());
      if (n.ipRange() != null) {
        pool.put("IPRange", n.ipRange().toString());
      }
      if (n.gatewayShown()) {
        pool.put("Gateway", Ipv4.format(n.gateway()));
      }
      if (!n.auxAddresses().isEmpty()) {
        pool.set("AuxiliaryAddresses", DockerJson.strings(n.auxAddresses()));
      }
    }
    if (n.subnet6() != null) {
      ObjectNode pool = config.addObject();
      pool.put("Subnet", n.subnet6().toString());
      if (n.userGateway6()) {
        pool.put("Gateway", Ipv6.format(n.gateway6()));
      }
    }
    o.put("Internal", n.internal());
    o.put("Attachable", n.attachable());
    o.put("Ingress", n.ingress());
    o.putObject("ConfigFrom").put("Network", "");
    o.put("ConfigOnly", false);
    ObjectNode containers = o.putObject("Containers");
    if (withContainers) {
      for (String containerId : n.attachedContainerIds()) {
        ContainerState c = model.containerById(containerId).orElse(null);
        if (c == null) {
          continue;
        }
        EndpointState ep = n.endpointOf(containerId).orElseThrow();
        ObjectNode x = containers.putObject(c.id());
        x.put("Name", c.name());
        x.put("EndpointID", ep.endpointId());
        x.put("MacAddress", ep.mac());
        x.put("IPv4Address", ep.address() == 0 ? "" : ep.ipv4() + "/" + n.subnet().prefix());
        x.put(
            "IPv6Address", ep.ipv6Address() == null ? "" : ep.ipv6() + "/" + n.subnet6().prefix());
      }
    }
    if (withContainers) {
      model
          .swarm()
          .loadBalancer(n)
          .ifPresent(
              lb -> {
                // the node's own endpoint on an overlay, as dockerd lists it
                ObjectNode x = containers.putObject("lb-" + n.name());
                x.put("Name", n.name() + "-endpoint");
                x.put("EndpointID", ImageCatalog.sha256(n.id() + model.swarm().nodeId()));
                x.put("MacAddress", NodeSwarm.mac(lb));
                x.put("IPv4Address", Ipv4.format(lb) + "/" + n.subnet().prefix());
                x.put("IPv6Address", "");
              });
    }
    o.set("Containers", DockerJson.sorted(containers));
    o.set("Options", DockerJson.strings(n.options()));
    o.set("Labels", DockerJson.strings(n.labels()));
    return o;
  }
}
