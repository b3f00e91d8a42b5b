package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20.5: the learner's progress, kept in a small file; a bad file is one line, never a crash.
 */
class ProgressTest {
  @TempDir Path dir;
  private final List<String> lines = new ArrayList<>();

  private static final Notebook BOOK =
      NotebookParser.parse(
          "05-x.md",
          "# X\n\n```java\n1 + 1\n```\n\n```java {skip}\nslow()\n```\n\n```java\n2\n```\n");

  private static FileReport report(CellResult.Verdict... verdicts) {
    List<CellResult> r = new ArrayList<>();
    for (int i = 0; i < verdicts.length; i++) {
      r.add(new CellResult(BOOK.cells().get(i), verdicts[i], "", "", ""));
    }
    return new FileReport("05-x.md", r, "");
  }

  @Test
  void theDataDirectoryIsXdgDataHomeElseLocalShare() {
    assertThat(Progress.defaultFile("/x/data", Path.of("/home/l")))
        .isEqualTo(Path.of("/x/data/netbook/progress"));
    assertThat(Progress.defaultFile("", Path.of("/home/l")))
        .isEqualTo(Path.of("/home/l/.local/share/netbook/progress"));
  }

  @Test
  void aChapterIsCompletedWhenEveryCellRanAndNoneFailed() {
    var P = CellResult.Verdict.PASSED;
    var S = CellResult.Verdict.SKIPPED;
    var F = CellResult.Verdict.FAILED;
    assertThat(Progress.completes(BOOK, report(P, S, P))).isTrue(); // the book's own {skip}
    assertThat(Progress.completes(BOOK, report(P, S, F))).isFalse();
    assertThat(Progress.completes(BOOK, report(S, S, P))).isFalse(); // the learner skipped one
    assertThat(Progress.completes(BOOK, report(P, S))).isFalse(); // left before the end
    assertThat(
            Progress.completes(BOOK, new FileReport("05-x.md", report(P, S, P).results(), "gone")))
        .isFalse();
  }

  @Test
  void completedChaptersAndPassedExercisesAreKeptAcrossLoads() throws Exception {
    Path file = dir.resolve("data/netbook/progress");
    Progress p = Progress.load(file, lines::add);
    Path chapter = dir.resolve("notebooks/05-user-defined-networks.md");
    Path exercise = dir.resolve("notebooks/exercises/01-reach.md");
    assertThat(p.completed(chapter)).isFalse();
    p.complete(chapter, Instant.parse("2026-12-01T06:00:00Z"), lines::add);
    p.complete(exercise, Instant.parse("2026-12-01T06:30:00Z"), lines::add);
    Progress again = Progress.load(file, lines::add);
    assertThat(again.completed(chapter)).isTrue();
    assertThat(again.completed(exercise)).isTrue();
    assertThat(again.completed(dir.resolve("notebooks/01-reach.md"))).isFalse();
    assertThat(Files.readString(file))
        .contains("05-user-defined-networks.md\t2026-12-01T06:00:00Z\n")
        .contains("exercises/01-reach.md\t2026-12-01T06:30:00Z\n");
    assertThat(lines).isEmpty();
  }

  @Test
  void aBadOrUnreadableFileIsOneLineAndProgressStartsAfresh() throws Exception {
    Path file = dir.resolve("progress");
    Files.writeString(file, "05-x.md\t2026-12-01T06:00:00Z\n\u0000garbage\n");
    Progress p = Progress.load(file, lines::add);
    assertThat(p.count()).isZero();
    assertThat(lines)
        .containsExactly(
            file
                + ":2: not netbook's progress file: progress starts afresh (it is rewritten"
                + " when a chapter is completed)");
    p.complete(Path.of("06-y.md"), Instant.EPOCH, lines::add);
    assertThat(Progress.load(file, lines::add).completed(Path.of("06-y.md"))).isTrue();

    lines.clear();
    Path folder = dir.resolve("adir");
    Files.createDirectories(folder);
    Progress unreadable = Progress.load(folder, lines::add); // a folder where the file should be
    assertThat(unreadable.count()).isZero();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith(folder + ": cannot read your progress (");
    unreadable.complete(Path.of("06-y.md"), Instant.EPOCH, lines::add);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith(folder + ": cannot save your progress (");
  }
}
