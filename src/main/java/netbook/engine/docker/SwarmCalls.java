package netbook.engine.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.SwarmNode;

/**
 * The Swarm calls of the adapter — init, join, leave, this engine's address, {@code node ls} — and
 * the image copy a node gets its images by ({@code docker save | docker -H node load}).
 */
final class SwarmCalls {
  private final DockerClient client;
  private final DockerClient streams;
  private final String endpoint;

  SwarmCalls(DockerClient client, DockerClient streams, String endpoint) {
    this.client = client;
    this.streams = streams;
    this.endpoint = endpoint;
  }

  /** {@code docker save REF | docker -H TO load}. */
  void copyImage(String ref, Engine to, Duration timeout) {
    String what = "copy of image " + ref;
    java.util.concurrent.CompletableFuture<Void> load;
    try (InputStream tar = call("save image " + ref, () -> streams.saveImageCmd(ref).exec())) {
      load = java.util.concurrent.CompletableFuture.runAsync(() -> to.loadImages(tar, timeout));
      load.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof EngineException ee) {
        throw ee;
      }
      throw new EngineException(EngineException.UNREACHABLE, what + ": " + e.getCause(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new EngineException(
          EngineException.TIMEOUT, what + " did not finish within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(EngineException.CANCELLED, what + " was interrupted", e);
    } catch (IOException e) {
      throw new EngineException(EngineException.UNREACHABLE, what + ": " + e.getMessage(), e);
    }
  }

  void loadImages(InputStream tar) {
    call("load images", () -> streams.loadImageCmd(tar).exec());
  }

  String init(String advertiseAddr) {
    call(
        "swarm init",
        () -> {
          var cmd =
              client
                  .initializeSwarmCmd(new com.github.dockerjava.api.model.SwarmSpec())
                  .withListenAddr("0.0.0.0:2377");
          if (!advertiseAddr.isEmpty()) {
            cmd.withAdvertiseAddr(advertiseAddr);
          }
          return cmd.exec();
        });
    return call("swarm inspect", () -> client.inspectSwarmCmd().exec()).getJoinTokens().getWorker();
  }

  void join(String managerAddr, String token) {
    call(
        "swarm join",
        () ->
            client
                .joinSwarmCmd()
                .withRemoteAddrs(List.of(managerAddr))
                .withJoinToken(token)
                .withListenAddr("0.0.0.0:2377")
                .exec());
  }

  Optional<String> address() {
    var swarm = call("info", () -> client.infoCmd().exec()).getSwarm();
    if (swarm == null
        || swarm.getLocalNodeState() == null
        || swarm.getLocalNodeState() == com.github.dockerjava.api.model.LocalNodeState.INACTIVE
        || swarm.getNodeAddr() == null
        || swarm.getNodeAddr().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(swarm.getNodeAddr());
  }

  void leave() {
    call("swarm leave", () -> client.leaveSwarmCmd().withForceEnabled(true).exec());
  }

  List<SwarmNode> nodes() {
    return call("node ls", () -> client.listSwarmNodesCmd().exec()).stream()
        .map(
            n ->
                new SwarmNode(
                    n.getId(),
                    n.getDescription() == null ? "" : n.getDescription().getHostname(),
                    n.getStatus() == null || n.getStatus().getState() == null
                        ? ""
                        : n.getStatus().getState().name().toLowerCase(java.util.Locale.ROOT),
                    n.getSpec() == null || n.getSpec().getAvailability() == null
                        ? ""
                        : n.getSpec().getAvailability().name().toLowerCase(java.util.Locale.ROOT),
                    n.getManagerStatus() == null
                        ? ""
                        : Boolean.TRUE.equals(n.getManagerStatus().isLeader())
                            ? "Leader"
                            : "Reachable",
                    n.getDescription() == null || n.getDescription().getEngine() == null
                        ? ""
                        : String.valueOf(n.getDescription().getEngine().getEngineVersion())))
        .toList();
  }

  private <T> T call(String what, Supplier<T> action) {
    return Conversions.call(what, endpoint, action);
  }
}
