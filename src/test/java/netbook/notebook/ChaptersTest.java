package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every chapter in notebooks/ passes {@code check} on the embedded engine, offline or not. */
class ChaptersTest {

  static List<Path> chapters() {
    return Chapters.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chapters")
  void checksOnTheEmbeddedEngine(Path file) throws IOException {
    try (Engine engine = DockerEngines.embedded(OptionalLong.empty())) {
      Chapters.Result r = Chapters.check(engine, file, "chapters-emb");
      assertThat(r.report().failed()).as(r.output()).isZero();
      assertThat(r.report().passed()).as(r.output()).isPositive();
    }
  }

  /** With no environment variable (not offline): the embedded engine "pulls" what is asked. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("chapters")
  void checksOnTheEmbeddedEngineOnline(Path file) throws IOException {
    try (Engine engine = DockerEngines.embedded(OptionalLong.empty())) {
      Chapters.Result r = Chapters.check(engine, file, "chapters-emb-online", false, l -> {});
      assertThat(r.report().failed()).as(r.output()).isZero();
      assertThat(r.report().passed()).as(r.output()).isPositive();
    }
  }

  @Test
  void thereAreChapters() {
    assertThat(Chapters.files()).hasSizeGreaterThanOrEqualTo(11);
  }
}
