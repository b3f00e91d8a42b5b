package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netbook.notebook.NotebookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17.16: a folder lists its chapters, a number picks one, a chapter names the next. */
class ChapterPickerTest {
  @Test
  void theBooksFolderListsItsChaptersNumberedWithTheirTitles() {
    List<ChapterPicker.Chapter> chapters = ChapterPicker.chapters(Path.of("notebooks"));
    assertThat(chapters).hasSizeGreaterThanOrEqualTo(12); // 00 … 11, not the README
    int n = chapters.size();
    String listing = ChapterPicker.listing(chapters);
    assertThat(listing.lines().toList())
        .contains(
            "  2. 01-publishing-ports.md — Publishing ports",
            "  4. 03-default-networks.md — The default networks");
    assertThat(listing).doesNotContain("README");
    assertThat(ChapterPicker.pick(chapters, "4\n"))
        .contains(Path.of("notebooks/03-default-networks.md"));
    assertThat(ChapterPicker.pick(chapters, "")).isEmpty();
    assertThatThrownBy(() -> ChapterPicker.pick(chapters, String.valueOf(n + 1)))
        .isInstanceOf(NotebookException.class)
        .hasMessage("no chapter " + (n + 1) + ": type a number from 1 to " + n);
  }

  @Test
  void theEndOfAChapterNamesTheNextOne(@TempDir Path dir) throws Exception {
    assertThat(ChapterPicker.nextLine(Path.of("notebooks/03-default-networks.md")))
        .isEqualTo("next: bin/netbook notebooks/04-the-bridge-in-detail.md");
    assertThat(ChapterPicker.nextLine(Path.of("notebooks/10-subnets-and-internal.md")))
        .isEqualTo("next: bin/netbook notebooks/11-overlay-networks.md");
    List<ChapterPicker.Chapter> all = ChapterPicker.chapters(Path.of("notebooks"));
    Path last = all.get(all.size() - 1).file();
    assertThat(ChapterPicker.nextLine(last)).as(last.toString()).isEmpty();
    Files.writeString(dir.resolve("a.md"), "# A\n");
    assertThat(ChapterPicker.nextLine(dir.resolve("a.md"))).isEmpty();
  }

  @Test
  void aFolderTakesTheFastPathAsAFileDoes() {
    assertThat(Main.plain(new String[] {"notebooks/"}).file).isEqualTo("notebooks/");
  }
}
