package netbook.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerContexts;
import netbook.engine.docker.DockerEngines;

/** Opens the engine the user chose: docker, embedded, or auto (docker when a daemon answers). */
final class Engines {
  private Engines() {}

  static Engine open(EngineChoice choice, Settings settings, Consumer<String> notice) {
    Duration timeout = Duration.ofSeconds(choice == EngineChoice.AUTO ? 2 : 5);
    Optional<DockerContexts.Endpoint> context = Optional.empty();
    if (choice != EngineChoice.EMBEDDED) {
      // DOCKER_CONTEXT wins over DOCKER_HOST, as in the docker CLI; a missing context is an error
      // in every mode (auto would otherwise quietly fall back to the embedded engine)
      context = DockerContexts.resolve(settings.dockerContext(), settings.dockerConfig());
      DockerEngines.securityWarning(settings.dockerHost(), context).ifPresent(notice);
    }
    switch (choice) {
      case DOCKER -> {
        return DockerEngines.connect(settings.dockerHost(), context, timeout);
      }
      case EMBEDDED -> {
        return embedded(settings);
      }
      default -> {
        try {
          return DockerEngines.connect(settings.dockerHost(), context, timeout);
        } catch (EngineException e) {
          if (settings.requireDocker()) {
            throw new NetbookException(
                e.getMessage()
                    + " and NETBOOK_REQUIRE_DOCKER=1 forbids the embedded"
                    + " engine: start dockerd, or set DOCKER_HOST");
          }
          notice.accept(
              e.getMessage() + " — using the embedded engine; results are modelled, not live");
          return embedded(settings);
        }
      }
    }
  }

  /** The Docker daemon if one answers within {@code timeout}, else null (no notice). */
  static Engine dockerQuietly(Settings settings, Duration timeout) {
    try {
      return DockerEngines.connect(settings.dockerHost(), timeout);
    } catch (EngineException e) {
      return null;
    }
  }

  static Engine embedded(Settings settings) {
    return DockerEngines.embedded(settings.seed());
  }
}
