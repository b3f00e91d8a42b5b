package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import netbook.engine.Engine;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chapter in notebooks/ passes {@code check} on the real Docker daemon (offline: the lab
 * images stand in for ubuntu and nginx). Skipped without a daemon, failed instead when
 * NETBOOK_REQUIRE_DOCKER=1.
 */
@RequiresDocker
class ChaptersIT {

  static List<Path> chapters() {
    return Chapters.withExercises();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chapters")
  void checksOnRealDocker(Path file, Engine engine) throws IOException {
    String id = "chapters-it-" + Long.toHexString(System.nanoTime() & 0xffffff);
    Chapters.Result r = Chapters.check(engine, file, id);
    assertThat(r.report().failed()).as(r.output()).isZero();
    assertThat(r.report().passed()).as(r.output()).isPositive();
  }
}
