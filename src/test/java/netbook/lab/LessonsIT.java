package netbook.lab;

import netbook.engine.Engine;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.BeforeEach;

/**
 * The chapter's lessons ({@link LessonScenarios}) on the real Docker engine: skipped without a
 * daemon, failed instead when NETBOOK_REQUIRE_DOCKER=1.
 */
@RequiresDocker
class LessonsIT extends LessonScenarios {
  @BeforeEach
  void openDocker(Engine docker) {
    open(docker);
  }

  @Override
  boolean freshEngine() {
    return false;
  }

  @Override
  void closeEngine() {
    // the extension closes the connection it handed over
  }
}
