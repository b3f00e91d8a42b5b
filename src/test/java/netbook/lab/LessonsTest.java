package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chapter's lessons ({@link LessonScenarios}) on a fresh embedded engine per test. */
class LessonsTest extends LessonScenarios {
  @BeforeEach
  void openEmbedded() {
    open(DockerEngines.embedded(OptionalLong.of(3)));
  }

  @Override
  void closeEngine() {
    engine.close();
  }

  @Override
  boolean freshEngine() {
    return true;
  }

  @Test
  void theEngineSaysItIsEmbedded() {
    assertThat(Lab.engine().embedded()).isTrue();
    assertThat(Lab.engine().apiVersion()).isEqualTo("1.41");
  }
}
