package netbook.lab;

import java.util.OptionalLong;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.BeforeEach;

/** The exercises' checks ({@link ExerciseScenarios}) on a fresh embedded engine per test. */
class ExercisesTest extends ExerciseScenarios {
  private Engine engine;

  @BeforeEach
  void openEmbedded() {
    engine = DockerEngines.embedded(OptionalLong.of(3));
    open(engine);
  }

  @Override
  void closeEngine() {
    engine.close();
  }
}
