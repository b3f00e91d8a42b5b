package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import netbook.notebook.NotebookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
  @TempDir Path dir;

  @Test
  void aMissingFolderIsOneLineNamingTheFix() {
    Path bad = dir.resolve("no/such/run.cast");
    assertThatThrownBy(() -> OutputFile.checked("--cast", bad))
        .isInstanceOf(NotebookException.class)
        .hasMessage(
            "--cast "
                + bad
                + ": the folder "
                + bad.getParent()
                + " does not exist; choose a writable place, like --cast /tmp/run.cast");
  }

  @Test
  void aFolderIsNotAFile() {
    assertThatThrownBy(() -> OutputFile.checked("--html", dir))
        .hasMessageStartingWith("--html " + dir + ": that is a folder; choose a writable place")
        .hasMessageNotContaining("\n");
  }

  @Test
  void writesTheTextWhole() throws Exception {
    Path out = dir.resolve("05.html");
    Files.writeString(out, "old, longer text than the new one");
    OutputFile.checked("--html", out).write("<!DOCTYPE html>\n");
    assertThat(Files.readString(out)).isEqualTo("<!DOCTYPE html>\n");
  }
}
