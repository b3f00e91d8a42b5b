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
    return Chapters.withExercises();
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

  /**
   * Without its solutions an exercise chapter is not done: every verify cell fails, each failed
   * check with its hint and what was observed.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("netbook.notebook.Chapters#exercises")
  void anExerciseWithoutItsSolutionFailsWithHints(Path file) throws IOException {
    try (Engine engine = DockerEngines.embedded(OptionalLong.empty())) {
      Chapters.Result r = Chapters.unsolved(engine, file, "exercises-emb");
      long verifies = r.report().exercises();
      assertThat(verifies).as(r.output()).isGreaterThanOrEqualTo(2);
      assertThat(r.report().exercisesDone()).as(r.output()).isZero();
      assertThat(r.report().failed()).as(r.output()).isEqualTo(verifies);
      assertThat(r.output()).contains("✗ ").contains("\n  observed: ");
      assertThat(r.report().results())
          .filteredOn(c -> c.cell().attributes().verify())
          .allSatisfy(c -> assertThat(c.message()).startsWith("not done yet: "));
    }
  }

  @Test
  void thereAreExerciseChaptersOnePerThreeChapters() {
    assertThat(Chapters.exercises()).hasSizeGreaterThanOrEqualTo(Chapters.files().size() / 3);
  }

  @Test
  void thereAreChapters() {
    assertThat(Chapters.files()).hasSizeGreaterThanOrEqualTo(11);
  }
}
