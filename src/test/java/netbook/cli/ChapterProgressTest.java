package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import netbook.notebook.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20.5: the picker shows ✓ beside what is done and offers the next chapter first. */
class ChapterProgressTest {
  @TempDir Path dir;

  @Test
  void doneChaptersAndExercisesHaveATickAndTheNextAnArrow() throws Exception {
    Path book = dir.resolve("book");
    Files.createDirectories(book.resolve("exercises"));
    Files.writeString(book.resolve("01-a.md"), "# A\n");
    Files.writeString(book.resolve("02-b.md"), "# B\n");
    Files.writeString(book.resolve("03-c.md"), "# C\n");
    Files.writeString(book.resolve("README.md"), "# the book\n");
    Files.writeString(book.resolve("exercises/01-reach.md"), "# Reach\n");
    Progress p = Progress.load(dir.resolve("progress"), line -> {});
    p.complete(book.resolve("01-a.md"), Instant.EPOCH, line -> {});
    p.complete(book.resolve("exercises/01-reach.md"), Instant.EPOCH, line -> {});

    List<ChapterPicker.Chapter> all = ChapterPicker.withExercises(book);
    assertThat(ChapterPicker.next(all, p)).isEqualTo(1);
    assertThat(ChapterPicker.listing(all, p).lines().toList())
        .containsExactly(
            "  1. ✓ 01-a.md — A",
            "  2. → 02-b.md — B",
            "  3.   03-c.md — C",
            "     exercises (" + book.resolve("exercises") + "):",
            "  4. ✓ 01-reach.md — Reach");

    p.complete(book.resolve("02-b.md"), Instant.EPOCH, line -> {});
    p.complete(book.resolve("03-c.md"), Instant.EPOCH, line -> {});
    assertThat(ChapterPicker.next(all, p)).isEqualTo(-1);
    assertThat(ChapterPicker.listing(all, p)).doesNotContain("→");
    assertThat(ChapterPicker.pick(all, "q")).isEmpty();
  }

  @Test
  void learnIsASubcommandAndTheBooksFolderIsFound() {
    assertThat(Main.plain(new String[] {"learn"})).isNull();
    assertThat(Installation.notebooks()).contains(Path.of("notebooks"));
  }
}
