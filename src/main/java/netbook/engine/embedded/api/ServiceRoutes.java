package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.model.ApiException;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.SwarmCluster;
import netbook.engine.embedded.model.SwarmServices;

/**
 * /services and /tasks on a manager: create (replicated mode), list and inspect (Spec as sent,
 * Version.Index, Endpoint with its VirtualIPs and Ports), update (replicas, at the version read),
 * remove; tasks with their slot, node, state and network attachments. Other nodes get dockerd's
 * errors.
 */
final class ServiceRoutes {
  private final DockerModel model;

  ServiceRoutes(DockerModel model) {
    this.model = model;
  }

  ApiResponse route(ApiRequest req, List<String> seg) {
    String m = req.method();
    SwarmCluster c = model.managedSwarm();
    if (seg.get(0).equals("tasks")) {
      if (seg.size() == 1 && m.equals("GET")) {
        Filters f = Filters.parse(req.query().get("filters"));
        f.accept("service", "desired-state", "node", "id", "name", "label", "_up-to-date");
        ArrayNode out = DockerJson.array();
        for (SwarmServices.Task t : c.services().tasks()) {
          SwarmServices.Service s = c.services().find(t.serviceId()).orElse(null);
          if (s != null && accepts(f, c, s, t)) {
            out.add(task(c, s, t));
          }
        }
        return ApiResponse.json(200, DockerJson.write(out));
      }
      if (seg.size() == 2 && m.equals("GET")) {
        for (SwarmServices.Task t : c.services().tasks()) {
          if (t.id().equals(seg.get(1))) {
            return ApiResponse.json(
                200, DockerJson.write(task(c, c.services().get(t.serviceId()), t)));
          }
        }
        throw ApiException.notFound("task " + seg.get(1) + " not found");
      }
      return null;
    }
    if (seg.size() == 1 && m.equals("GET")) {
      Filters f = Filters.parse(req.query().get("filters"));
      f.accept("name", "id", "label", "mode");
      ArrayNode out = DockerJson.array();
      for (SwarmServices.Service s : c.services().all()) {
        if (f.any("name", n -> s.name().startsWith(n))
            && f.any("id", i -> s.id().startsWith(i))
            && f.labels(s.definition().labels())
            && f.any("mode", x -> x.equals("replicated"))) {
          out.add(service(c, s));
        }
      }
      return ApiResponse.json(200, DockerJson.write(out));
    }
    if (seg.size() == 2 && seg.get(1).equals("create") && m.equals("POST")) {
      SwarmServices.Service s = model.createService(definition(req.body()));
      ObjectNode o = DockerJson.object();
      o.put("ID", s.id());
      return ApiResponse.json(201, DockerJson.write(o));
    }
    if (seg.size() == 2 && m.equals("GET")) {
      return ApiResponse.json(200, DockerJson.write(service(c, c.services().get(seg.get(1)))));
    }
    if (seg.size() == 2 && m.equals("DELETE")) {
      model.removeService(seg.get(1));
      return ApiResponse.empty(200);
    }
    if (seg.size() == 3 && seg.get(2).equals("update") && m.equals("POST")) {
      String v = req.query().getOrDefault("version", "");
      long version;
      try {
        version = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid service version '" + v + "': strconv.ParseUint");
      }
      model.updateService(seg.get(1), version, definition(req.body()));
      ObjectNode o = DockerJson.object();
      o.putNull("Warnings");
      return ApiResponse.json(200, DockerJson.write(o));
    }
    return null;
  }

  private static boolean accepts(
      Filters f, SwarmCluster c, SwarmServices.Service s, SwarmServices.Task t) {
    String node =
        c.members().stream()
            .filter(n -> n.nodeId().equals(t.nodeId()))
            .map(SwarmCluster.Member::hostname)
            .findFirst()
            .orElse("");
    return f.any("service", x -> x.equals(s.name()) || s.id().startsWith(x))
        && f.any("desired-state", x -> x.equals(t.desiredState()))
        && f.any("node", x -> x.equals(t.nodeId()) || x.equals(node))
        && f.any("id", x -> t.id().startsWith(x))
        && f.any("name", x -> (s.name() + "." + t.slot()).startsWith(x))
        // the CLI's progress asks for the tasks of the current spec: here, those meant to run
        && f.any("_up-to-date", x -> t.desiredState().equals("running"));
  }

  /** What a ServiceSpec asks, read out of Docker's JSON. */
  static SwarmServices.Definition definition(byte[] body) {
    JsonNode spec = DockerJson.read(body);
    JsonNode template = DockerJson.child(spec, "TaskTemplate");
    JsonNode container = DockerJson.child(template, "ContainerSpec");
    JsonNode mode = DockerJson.child(spec, "Mode");
    if (mode.has("Global") && !mode.get("Global").isNull()) {
      throw ApiException.badRequest(
          "global services are not modelled by the embedded engine: use a replicated service"
              + " (--replicas N)");
    }
    JsonNode replicated = DockerJson.child(mode, "Replicated");
    int replicas = replicated.has("Replicas") ? replicated.get("Replicas").asInt() : 1;
    List<String> networks = new ArrayList<>();
    JsonNode nets = template.has("Networks") ? template.get("Networks") : spec.get("Networks");
    if (nets != null && nets.isArray()) {
      nets.forEach(n -> networks.add(DockerJson.text(n, "Target")));
    }
    JsonNode endpoint = DockerJson.child(spec, "EndpointSpec");
    String endpointMode = DockerJson.text(endpoint, "Mode").toLowerCase(java.util.Locale.ROOT);
    if (endpointMode.isEmpty()) {
      endpointMode = "vip";
    }
    if (!endpointMode.equals("vip") && !endpointMode.equals("dnsrr")) {
      throw ApiException.badRequest(
          "rpc error: code = InvalidArgument desc = EndpointSpec: unknown resolution mode "
              + endpointMode);
    }
    List<SwarmServices.Port> ports = new ArrayList<>();
    JsonNode ps = endpoint.get("Ports");
    if (ps != null && ps.isArray()) {
      for (JsonNode p : ps) {
        String proto = DockerJson.text(p, "Protocol").toLowerCase(java.util.Locale.ROOT);
        ports.add(
            new SwarmServices.Port(
                proto.isEmpty() ? "tcp" : proto,
                p.path("TargetPort").asInt(),
                p.path("PublishedPort").asInt()));
      }
    }
    List<String> args = new ArrayList<>();
    List<String> command = DockerJson.list(container, "Command");
    List<String> more = DockerJson.list(container, "Args");
    if (command != null) {
      args.addAll(command);
    }
    if (more != null) {
      args.addAll(more);
    }
    return new SwarmServices.Definition(
        DockerJson.text(spec, "Name"),
        DockerJson.text(container, "Image"),
        args,
        replicas,
        networks,
        endpointMode,
        ports,
        DockerJson.map(spec, "Labels"),
        DockerJson.write(spec));
  }

  private static ObjectNode service(SwarmCluster c, SwarmServices.Service s) {
    SwarmServices.Definition d = s.definition();
    ObjectNode o = DockerJson.object();
    o.put("ID", s.id());
    o.putObject("Version").put("Index", s.version());
    o.put("CreatedAt", DockerJson.time(s.created()));
    o.put("UpdatedAt", DockerJson.time(s.updated()));
    ObjectNode spec = (ObjectNode) DockerJson.read(d.specJson().getBytes());
    spec.put("Name", d.name());
    ArrayNode nets = DockerJson.array();
    d.networks().forEach(n -> nets.addObject().put("Target", n));
    ((ObjectNode) spec.path("TaskTemplate")).set("Networks", nets);
    ObjectNode es = DockerJson.object().put("Mode", d.endpointMode());
    spec.set("EndpointSpec", es);
    o.set("Spec", spec);
    ObjectNode endpoint = o.putObject("Endpoint");
    endpoint.set("Spec", es);
    if (!d.ports().isEmpty()) {
      ArrayNode ports = DockerJson.array();
      for (SwarmServices.Port p : d.ports()) {
        ports
            .addObject()
            .put("Protocol", p.protocol())
            .put("TargetPort", p.targetPort())
            .put("PublishedPort", p.publishedPort())
            .put("PublishMode", "ingress");
      }
      es.set("Ports", ports);
      endpoint.set("Ports", ports.deepCopy());
    }
    if (!s.vips().isEmpty()) {
      ArrayNode vips = endpoint.putArray("VirtualIPs");
      s.vips()
          .forEach(
              (net, address) ->
                  vips.addObject()
                      .put("NetworkID", net)
                      .put("Addr", Ipv4.format(address) + "/" + prefix(c, net)));
    }
    return o;
  }

  private static ObjectNode task(SwarmCluster c, SwarmServices.Service s, SwarmServices.Task t) {
    SwarmServices.Definition d = s.definition();
    ObjectNode o = DockerJson.object();
    o.put("ID", t.id());
    o.putObject("Version").put("Index", s.version() + 1);
    o.put("CreatedAt", DockerJson.time(t.created()));
    o.put("UpdatedAt", DockerJson.time(t.updated()));
    o.putObject("Labels");
    ObjectNode spec = o.putObject("Spec");
    ObjectNode cs = spec.putObject("ContainerSpec").put("Image", d.image());
    if (!d.args().isEmpty()) {
      cs.set("Args", DockerJson.strings(d.args()));
    }
    ArrayNode nets = spec.putArray("Networks");
    d.networks().forEach(n -> nets.addObject().put("Target", n));
    spec.put("ForceUpdate", 0);
    o.put("ServiceID", s.id());
    o.put("Slot", t.slot());
    o.put("NodeID", t.nodeId());
    ObjectNode status = o.putObject("Status");
    status.put("Timestamp", DockerJson.time(t.updated()));
    status.put("State", t.state());
    status.put("Message", t.state().equals("running") ? "started" : t.state());
    if (!t.err().isEmpty()) {
      status.put("Err", t.err());
    }
    if (!t.containerId().isEmpty()) {
      status.putObject("ContainerStatus").put("ContainerID", t.containerId()).put("ExitCode", 0);
    }
    o.put("DesiredState", t.desiredState());
    ArrayNode atts = o.putArray("NetworksAttachments");
    t.addresses()
        .forEach(
            (net, address) -> {
              ObjectNode a = atts.addObject();
              ObjectNode n = a.putObject("Network").put("ID", net);
              ObjectNode ns = n.putObject("Spec");
              c.overlay(net).ifPresent(ov -> ns.put("Name", ov.name()));
              ns.putObject("DriverConfiguration").put("Name", "overlay");
              a.putArray("Addresses").add(Ipv4.format(address) + "/" + prefix(c, net));
            });
    return o;
  }

  private static int prefix(SwarmCluster c, String net) {
    return c.overlay(net).map(o -> o.subnet().prefix()).orElse(24);
  }
}
