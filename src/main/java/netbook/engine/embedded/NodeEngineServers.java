package netbook.engine.embedded;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.engine.embedded.model.EndpointState;
import netbook.engine.embedded.model.NodeEngines;
import netbook.engine.embedded.model.SwarmClusters;

/**
 * The engines of one embedded engine's node containers: each an {@link EmbeddedDockerApi} of its
 * own (its containers, its networks; the container's hostname as its name), served on the node's
 * published loopback port by {@link EmbeddedServer}, and able to join the swarms of its sibling
 * nodes. Stopping or removing the node container, or closing the outer engine, stops it.
 */
final class NodeEngineServers implements NodeEngines {
  private final EmbeddedOptions parent;
  private final SwarmClusters swarms = new SwarmClusters();
  private final Map<String, Running> running = new LinkedHashMap<>();

  private record Running(EmbeddedDockerApi api, EmbeddedServer server) {}

  NodeEngineServers(EmbeddedOptions parent) {
    this.parent = parent;
  }

  @Override
  public synchronized int serve(ContainerState node, int port) {
    String hostname = node.config().hostname();
    EmbeddedOptions o =
        new EmbeddedOptions(
            parent.seed().isPresent()
                ? java.util.OptionalLong.of(parent.seed().getAsLong() * 31 + hostname.hashCode())
                : java.util.OptionalLong.empty(),
            parent.upstreamDns(),
            hostname,
            parent.servePublishedPorts(),
            List.of());
    EmbeddedDockerApi api = new EmbeddedDockerApi(o);
    String address =
        node.endpoints().values().stream()
            .filter(e -> e.active() && e.address() != 0)
            .map(EndpointState::ipv4)
            .findFirst()
            .orElse("");
    api.joinable(swarms, address);
    try {
      EmbeddedServer server = EmbeddedServer.start(api, port);
      running.put(node.id(), new Running(api, server));
      return server.port();
    } catch (IOException e) {
      api.close();
      return -1;
    }
  }

  @Override
  public synchronized void stop(String containerId) {
    Running r = running.remove(containerId);
    if (r != null) {
      r.server().close();
      r.api().close();
    }
  }
}
