package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chapter in notebooks/ passes {@code check} on the real Docker daemon (offline: the lab
 * images stand in for ubuntu and nginx). Skipped without a daemon, failed instead when
 * NETBOOK_REQUIRE_DOCKER=1.
 */
class ChaptersIT {

  static List<Path> chapters() {
    return Chapters.files();
  }

  private static Engine docker() {
    try {
      return DockerEngines.connect(null, Duration.ofSeconds(5));
    } catch (EngineException e) {
      if ("1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"))) {
        Assertions.fail("NETBOOK_REQUIRE_DOCKER=1 but no Docker daemon answers: " + e.getMessage());
      }
      Assumptions.abort("no Docker daemon: " + e.getMessage());
      return null;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chapters")
  void checksOnRealDocker(Path file) throws IOException {
    try (Engine engine = docker()) {
      String id = "chapters-it-" + Long.toHexString(System.nanoTime() & 0xffffff);
      Chapters.Result r = Chapters.check(engine, file, id);
      assertThat(r.report().failed()).as(r.output()).isZero();
      assertThat(r.report().passed()).as(r.output()).isPositive();
    }
  }
}
