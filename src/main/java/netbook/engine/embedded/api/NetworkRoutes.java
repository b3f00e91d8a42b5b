package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.EndpointSpec;
import netbook.engine.embedded.model.NetworkSpec;
import netbook.engine.embedded.model.NetworkState;

/** /networks: list, inspect, create, remove, connect, disconnect, prune. */
final class NetworkRoutes {
  private final DockerModel model;
  private final NetworkJson json;

  NetworkRoutes(DockerModel model) {
    this.model = model;
    this.json = new NetworkJson(model);
  }

  /** Answers a /networks request, or null when the path is not one of these. */
  ApiResponse route(ApiRequest req, List<String> seg) {
    String m = req.method();
    if (seg.size() == 1 && m.equals("GET")) {
      return list(Filters.parse(req.query().get("filters")));
    }
    if (seg.size() == 2 && seg.get(1).equals("create") && m.equals("POST")) {
      return create(DockerJson.read(req.body()));
    }
    if (seg.size() == 2 && seg.get(1).equals("prune") && m.equals("POST")) {
      return prune(Filters.parse(req.query().get("filters")));
    }
    if (seg.size() == 2 && m.equals("GET")) {
      return ApiResponse.json(200, DockerJson.write(json.network(model.network(seg.get(1)), true)));
    }
    if (seg.size() == 2 && m.equals("DELETE")) {
      model.removeNetwork(seg.get(1));
      return ApiResponse.empty(204);
    }
    if (seg.size() == 3 && seg.get(2).equals("connect") && m.equals("POST")) {
      JsonNode body = DockerJson.read(req.body());
      JsonNode ep = DockerJson.child(body, "EndpointConfig");
      List<String> aliases = DockerJson.list(ep, "Aliases");
      String ip = DockerJson.text(DockerJson.child(ep, "IPAMConfig"), "IPv4Address");
      model.connect(seg.get(1), DockerJson.text(body, "Container"), new EndpointSpec(aliases, ip));
      return ApiResponse.empty(200);
    }
    if (seg.size() == 3 && seg.get(2).equals("disconnect") && m.equals("POST")) {
      JsonNode body = DockerJson.read(req.body());
      model.disconnect(seg.get(1), DockerJson.text(body, "Container"));
      return ApiResponse.empty(200);
    }
    return null;
  }

  private ApiResponse list(Filters f) {
    f.accept("dangling", "driver", "id", "label", "name", "scope", "type");
    ArrayNode out = DockerJson.array();
    for (NetworkState n : model.networks()) {
      boolean ok =
          f.any("name", v -> n.name().contains(v))
              && f.any("id", v -> n.id().startsWith(v))
              && f.any("driver", v -> n.driver().equals(v))
              && f.any("scope", v -> v.equals(n.scope()))
              && f.any("type", v -> v.equals(n.predefined() ? "builtin" : "custom"))
              && f.labels(n.labels());
      if (ok) {
        out.add(json.network(n, false));
      }
    }
    return ApiResponse.json(200, DockerJson.write(out));
  }

  private ApiResponse create(JsonNode body) {
    JsonNode ipam = DockerJson.child(body, "IPAM");
    JsonNode config = DockerJson.child(ipam, "Config");
    JsonNode pool = DockerJson.object();
    JsonNode pool6 = DockerJson.object();
    for (JsonNode p : config.isArray() ? config : DockerJson.object()) {
      boolean v6 = DockerJson.text(p, "Subnet").contains(":");
      if (v6 && pool6.isEmpty()) {
        pool6 = p;
      } else if (!v6 && pool.isEmpty()) {
        pool = p;
      }
    }
    JsonNode ipamOptions = ipam.get("Options");
    NetworkSpec spec =
        NetworkSpec.builder(DockerJson.text(body, "Name"))
            .driver(DockerJson.text(body, "Driver"))
            .ipam(
                new NetworkSpec.Ipam(
                    DockerJson.text(pool, "Subnet"),
                    DockerJson.text(pool, "Gateway"),
                    DockerJson.text(pool, "IPRange"),
                    ipamOptions != null && ipamOptions.isObject()
                        ? DockerJson.map(ipam, "Options")
                        : null,
                    DockerJson.map(pool, "AuxiliaryAddresses")))
            .enableIpv6(body.path("EnableIPv6").asBoolean(false))
            .ipam6(
                new NetworkSpec.Ipam(
                    DockerJson.text(pool6, "Subnet"), DockerJson.text(pool6, "Gateway"), "", null))
            .internal(body.path("Internal").asBoolean(false))
            .attachable(body.path("Attachable").asBoolean(false))
            .labels(DockerJson.map(body, "Labels"))
            .options(DockerJson.map(body, "Options"))
            .build();
    NetworkState n = model.createNetwork(spec);
    ObjectNode out = DockerJson.object();
    out.put("Id", n.id());
    out.put("Warning", "");
    return ApiResponse.json(201, DockerJson.write(out));
  }

  private ApiResponse prune(Filters f) {
    List<String> removed = model.pruneNetworks(n -> f.labels(n.labels()));
    ObjectNode out = DockerJson.object();
    if (removed.isEmpty()) {
      out.putNull("NetworksDeleted");
    } else {
      out.set("NetworksDeleted", DockerJson.strings(removed));
    }
    return ApiResponse.json(200, DockerJson.write(out));
  }
}
