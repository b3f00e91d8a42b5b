package netbook.engine.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import netbook.engine.Engine;
import netbook.engine.embedded.EmbeddedDockerApi;

/** Test access to the docker-java adapter over the embedded engine's in-process transport. */
public final class TestEngines {
  private TestEngines() {}

  /** A fresh embedded engine behind the same adapter the real daemon uses. */
  public static Engine embedded() {
    return new DockerEngine(
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost("tcp://127.0.0.1:2375")
            .build(),
        new EmbeddedHttpClient(new EmbeddedDockerApi()),
        "embedded",
        "in-process",
        new DerivedHostInterfaces());
  }
}
