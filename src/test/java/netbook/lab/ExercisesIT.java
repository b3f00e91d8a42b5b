package netbook.lab;

import netbook.engine.Engine;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.BeforeEach;

/**
 * The exercises' checks ({@link ExerciseScenarios}) on the real Docker engine: skipped without a
 * daemon, failed instead when NETBOOK_REQUIRE_DOCKER=1.
 */
@RequiresDocker
class ExercisesIT extends ExerciseScenarios {
  @BeforeEach
  void openDocker(Engine docker) {
    open(docker);
  }

  @Override
  void closeEngine() {
    // the extension closes the connection it handed over
  }
}
