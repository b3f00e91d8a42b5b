package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netbook.engine.Engine;
import netbook.notebook.NotebookParser;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exercise chapters through {@code bin/netbook} as CI and a learner use it: {@code check
 * --solutions} passes every exercise on real Docker; {@code run} without the solutions passes none,
 * says so in its summary line, and records no progress.
 */
class ExerciseCheckIT {
  private static final Path EXERCISES = Path.of("notebooks/exercises");

  @TempDir Path dir;

  @Test
  @RequiresDocker
  void checkWithTheSolutionsPassesEveryExerciseOnRealDocker(Engine engine) throws Exception {
    List<String> args = new ArrayList<>(List.of("check", "--engine", "docker", "--solutions"));
    args.add(EXERCISES.resolve("solutions").toString());
    List<Path> files = exercises();
    files.forEach(f -> args.add(f.toString()));
    Run r = netbook(args);
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("exercises: " + verifyCells(files) + " of " + verifyCells(files) + " done\n")
        .endsWith(" passed, 0 failed\n");
    assertThat(engine.findContainer("client")).as("cleaned up").isEmpty();
    assertThat(progress()).as("a run with the solutions is not the learner's progress").isEmpty();
  }

  @Test
  void runWithoutTheSolutionsPassesNoExerciseAndRecordsNoProgress() throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--engine", "embedded"));
    List<Path> files = exercises();
    files.forEach(f -> args.add(f.toString()));
    Run r = netbook(args);
    assertThat(r.code()).as(r.output()).isEqualTo(1);
    assertThat(r.output())
        .contains("exercises: 0 of " + verifyCells(files) + " done\n")
        .contains("\n  observed: ");
    assertThat(progress()).isEmpty();
  }

  private record Run(int code, String output) {}

  private Run netbook(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of("bin/netbook").toAbsolutePath().toString());
    cmd.addAll(args);
    Path log = dir.resolve("out.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    Process p = pb.start();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("bin/netbook finished").isTrue();
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private String progress() throws IOException {
    Path f = dir.resolve("data/netbook/progress");
    if (!Files.exists(f)) {
      return "";
    }
    return Files.readAllLines(f).stream()
        .filter(l -> !l.startsWith("#"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  private static List<Path> exercises() throws IOException {
    try (Stream<Path> s = Files.list(EXERCISES)) {
      return s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList();
    }
  }

  private static long verifyCells(List<Path> files) {
    return files.stream()
        .mapToLong(
            f -> {
              try {
                return NotebookParser.parse(f.getFileName().toString(), Files.readAllBytes(f))
                    .cells()
                    .stream()
                    .filter(c -> c.attributes().verify())
                    .count();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .sum();
  }
}
