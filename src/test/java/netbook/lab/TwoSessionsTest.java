package netbook.lab;

import java.util.OptionalLong;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.BeforeEach;

/** Two sessions with the same names ({@link TwoSessionsScenarios}) on one embedded engine. */
class TwoSessionsTest extends TwoSessionsScenarios {
  @BeforeEach
  void openEmbedded() {
    open(DockerEngines.embedded(OptionalLong.of(5)));
  }

  @Override
  void closeEngine() {
    engine.close();
  }
}
