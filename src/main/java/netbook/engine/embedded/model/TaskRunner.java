package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's part in services, as its dockerd's executor plays it: each task the scheduler gave the
 * node becomes a container named {@code web.1.<task id>} with swarm's labels, on the service's
 * overlays, started at once; its state (running, or rejected without the image) and its addresses
 * go back to the swarm. A container whose task was shut down (scaled away) or whose service was
 * removed is removed.
 */
final class TaskRunner {
  static final String TASK_LABEL = "com.docker.swarm.task.id";

  private final DockerModel model;
  private final NetworkTable networks;
  private final NodeSwarm swarm;
  private final IdSource ids;

  TaskRunner(DockerModel model, NetworkTable networks, NodeSwarm swarm, IdSource ids) {
    this.model = model;
    this.networks = networks;
    this.swarm = swarm;
    this.ids = ids;
  }

  /** Brings this node's task containers in step with the swarm's tasks. */
  void run() {
    Optional<SwarmCluster> cluster = swarm.cluster();
    if (cluster.isEmpty()) {
      return;
    }
    SwarmServices services = cluster.get().services();
    List<SwarmServices.Task> mine = services.tasksOn(swarm.nodeId());
    for (ContainerState c : List.copyOf(model.containers())) {
      String taskId = c.config().labels().get(TASK_LABEL);
      if (taskId == null) {
        continue;
      }
      Optional<SwarmServices.Task> t = mine.stream().filter(x -> x.id().equals(taskId)).findFirst();
      if (t.isEmpty() || !t.get().desiredState().equals("running")) {
        model.remove(c, true);
        t.ifPresent(x -> x.ran(x.containerId(), "shutdown", "", ids.now()));
      }
    }
    for (SwarmServices.Task t : mine) {
      if (t.desiredState().equals("running") && t.state().equals("assigned")) {
        services.find(t.serviceId()).ifPresent(s -> start(cluster.get(), s, t));
      }
    }
  }

  private void start(SwarmCluster cluster, SwarmServices.Service s, SwarmServices.Task t) {
    SwarmServices.Definition d = s.definition();
    List<NetworkState> nets = new ArrayList<>();
    for (String id : d.networks()) {
      cluster.overlay(id).ifPresent(o -> nets.add(networks.addOverlay(o)));
    }
    Map<String, String> labels = new LinkedHashMap<>(d.labels());
    labels.put("com.docker.swarm.node.id", t.nodeId());
    labels.put("com.docker.swarm.service.id", s.id());
    labels.put("com.docker.swarm.service.name", d.name());
    labels.put("com.docker.swarm.task", "");
    labels.put(TASK_LABEL, t.id());
    labels.put("com.docker.swarm.task.name", d.name() + "." + t.slot() + "." + t.id());
    ContainerConfig.Builder b =
        ContainerConfig.builder(d.image())
            .labels(labels)
            .networkMode(nets.isEmpty() ? "default" : nets.get(0).name());
    if (!d.args().isEmpty()) {
      b.cmd(d.args());
    }
    try {
      ContainerState c =
          model.createContainer(
              new CreateRequest(d.name() + "." + t.slot() + "." + t.id(), b.build(), null));
      for (NetworkState n : nets.subList(Math.min(1, nets.size()), nets.size())) {
        model.connect(n.id(), c.id(), EndpointSpec.NONE);
      }
      model.start(c);
      for (NetworkState n : nets) {
        EndpointState e = c.endpoints().get(n.id());
        if (e != null && e.address() != 0) {
          t.address(n.id(), e.address());
        }
      }
      t.ran(c.id(), "running", "", ids.now());
    } catch (ApiException e) {
      t.ran("", "rejected", e.getMessage(), ids.now());
    }
  }
}
