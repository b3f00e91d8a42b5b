package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import netbook.engine.embedded.model.ApiException;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.SwarmCluster;

/**
 * /swarm and /nodes: init, inspect (with the join tokens), join, leave, and the node list, as a
 * manager answers them; other nodes get dockerd's errors.
 */
final class SwarmRoutes {
  private final DockerModel model;

  SwarmRoutes(DockerModel model) {
    this.model = model;
  }

  ApiResponse route(ApiRequest req, List<String> seg) {
    String m = req.method();
    if (seg.get(0).equals("nodes")) {
      if (seg.size() == 1 && m.equals("GET")) {
        SwarmCluster c = model.managedSwarm();
        ArrayNode out = DockerJson.array();
        c.members().forEach(n -> out.add(node(c, n)));
        return ApiResponse.json(200, DockerJson.write(out));
      }
      if (seg.size() == 2 && m.equals("GET")) {
        SwarmCluster c = model.managedSwarm();
        return c.members().stream()
            .filter(n -> n.nodeId().equals(seg.get(1)) || n.hostname().equals(seg.get(1)))
            .findFirst()
            .map(n -> ApiResponse.json(200, DockerJson.write(node(c, n))))
            .orElseThrow(() -> ApiException.notFound("node " + seg.get(1) + " not found"));
      }
      return null;
    }
    if (seg.size() == 1 && m.equals("GET")) {
      return ApiResponse.json(200, DockerJson.write(swarm(model.managedSwarm())));
    }
    if (seg.size() == 2 && seg.get(1).equals("init") && m.equals("POST")) {
      JsonNode body = DockerJson.read(req.body());
      String id = model.swarmInit(DockerJson.text(body, "AdvertiseAddr"));
      return ApiResponse.json(200, DockerJson.MAPPER.getNodeFactory().textNode(id).toString());
    }
    if (seg.size() == 2 && seg.get(1).equals("leave") && m.equals("POST")) {
      model.swarmLeave(ContainerRoutes.truthy(req.query().get("force")));
      return ApiResponse.empty(200);
    }
    if (seg.size() == 2 && seg.get(1).equals("join") && m.equals("POST")) {
      JsonNode body = DockerJson.read(req.body());
      model.swarmJoin(
          DockerJson.list(body, "RemoteAddrs"),
          DockerJson.text(body, "JoinToken"),
          DockerJson.text(body, "AdvertiseAddr"));
      return ApiResponse.empty(200);
    }
    return null;
  }

  private ObjectNode swarm(SwarmCluster c) {
    ObjectNode o = DockerJson.object();
    o.put("ID", c.id());
    o.putObject("Version").put("Index", 10);
    o.put("CreatedAt", DockerJson.time(c.created()));
    o.put("UpdatedAt", DockerJson.time(c.created()));
    ObjectNode spec = o.putObject("Spec");
    spec.put("Name", "default");
    spec.putObject("Labels");
    spec.putObject("Orchestration").put("TaskHistoryRetentionLimit", 5);
    spec.putObject("Raft")
        .put("SnapshotInterval", 10000)
        .put("KeepOldSnapshots", 0)
        .put("LogEntriesForSlowFollowers", 500)
        .put("ElectionTick", 10)
        .put("HeartbeatTick", 1);
    spec.putObject("Dispatcher").put("HeartbeatPeriod", 5_000_000_000L);
    spec.putObject("CAConfig").put("NodeCertExpiry", 7_776_000_000_000_000L);
    spec.putObject("TaskDefaults");
    spec.putObject("EncryptionConfig").put("AutoLockManagers", false);
    o.putObject("TLSInfo")
        .put("TrustRoot", "")
        .put("CertIssuerSubject", "")
        .put("CertIssuerPublicKey", "");
    o.put("RootRotationInProgress", false);
    o.putArray("DefaultAddrPool").add("10.0.0.0/8");
    o.put("SubnetSize", 24);
    o.put("DataPathPort", 4789);
    o.putObject("JoinTokens").put("Worker", c.workerToken()).put("Manager", c.managerToken());
    return o;
  }

  private ObjectNode node(SwarmCluster c, SwarmCluster.Member n) {
    ObjectNode o = DockerJson.object();
    o.put("ID", n.nodeId());
    o.putObject("Version").put("Index", 9);
    o.put("CreatedAt", DockerJson.time(n.joined()));
    o.put("UpdatedAt", DockerJson.time(n.joined()));
    ObjectNode spec = o.putObject("Spec");
    spec.putObject("Labels");
    spec.put("Role", n.manager() ? "manager" : "worker");
    spec.put("Availability", "active");
    ObjectNode d = o.putObject("Description");
    d.put("Hostname", n.hostname());
    d.putObject("Platform").put("Architecture", "x86_64").put("OS", "linux");
    d.putObject("Resources").put("NanoCPUs", 2_000_000_000L).put("MemoryBytes", 4_294_967_296L);
    d.putObject("Engine").put("EngineVersion", ApiRouter.SERVER_VERSION);
    o.putObject("Status").put("State", "ready").put("Addr", n.addr());
    if (n.manager()) {
      ObjectNode ms = o.putObject("ManagerStatus");
      if (n.nodeId().equals(c.members().get(0).nodeId())) {
        ms.put("Leader", true);
      }
      ms.put("Reachability", "reachable");
      ms.put("Addr", n.addr() + ":2377");
    }
    return o;
  }
}
