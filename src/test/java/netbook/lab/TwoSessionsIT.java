package netbook.lab;

import netbook.engine.Engine;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.BeforeEach;

/** Two sessions with the same names ({@link TwoSessionsScenarios}) on the real Docker daemon. */
@RequiresDocker
class TwoSessionsIT extends TwoSessionsScenarios {
  @BeforeEach
  void openDocker(Engine docker) {
    open(docker);
  }

  @Override
  void closeEngine() {
    // the extension closes the connection it handed over
  }
}
