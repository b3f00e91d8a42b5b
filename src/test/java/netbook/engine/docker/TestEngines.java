package netbook.engine.docker;

import java.util.OptionalLong;
import netbook.engine.Engine;

/** Test access to the docker-java adapter over the embedded engine's in-process transport. */
public final class TestEngines {
  private TestEngines() {}

  /** A fresh embedded engine (lab images present) behind the adapter the real daemon uses. */
  public static Engine embedded() {
    return DockerEngines.embedded(OptionalLong.empty());
  }
}
