package netbook.engine.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import netbook.engine.embedded.EmbeddedDockerApi;
import netbook.engine.embedded.EmbeddedOptions;

/**
 * Opens the docker-java adapter on the embedded engine: the same {@link DockerEngine} as for a real
 * daemon, over {@link EmbeddedHttpClient} instead of a socket.
 */
public final class EmbeddedEngines {
  private EmbeddedEngines() {}

  /** A fresh embedded engine with these options (e.g. {@code EmbeddedOptions.seeded(42)}). */
  public static DockerEngine open(EmbeddedOptions options) {
    return open(new EmbeddedDockerApi(options));
  }

  /**
   * The adapter over an existing embedded engine (which may also be served with {@code
   * EmbeddedServer}). Closing the adapter closes the engine.
   */
  public static DockerEngine open(EmbeddedDockerApi api) {
    DockerClientConfig cfg =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost("tcp://127.0.0.1:2375")
            .build();
    return new DockerEngine(
        cfg, new EmbeddedHttpClient(api), "embedded", "in-process", engine -> api.hostInterfaces());
  }
}
