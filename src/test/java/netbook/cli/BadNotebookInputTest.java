package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netbook.Marks;
import netbook.shell.OutputRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input in a notebook is one line naming file:line, and the run goes on to its summary. */
class BadNotebookInputTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private App app() {
    return new App(
        Settings.from(Map.of()),
        dir,
        out,
        out,
        new OutputRouter(out),
        new Lifecycle(out),
        "testhost",
        Marks.NONE,
        new CommonOptions());
  }

  @Test
  void anUnbalancedQuoteInAConsoleCellIsOneLineAndLaterCellsAndNotebooksStillRun()
      throws Exception {
    Path bad = dir.resolve("bad.md");
    Files.writeString(
        bad,
        "# bad\n\n```console\n$ docker network ls\n$ docker network create 'oops\n```\n\n"
            + "```java\nint fortyTwo = 6 * 7;\nfortyTwo\n```\n\n"
            + "```console\n$ docker network create qnet_later\n```\n");
    Path good = dir.resolve("good.md");
    Files.writeString(good, "# good\n\n```java\n\"second notebook ran\"\n```\n");

    int code =
        new Main(app())
            .commandLine()
            .execute("run", "--engine", "embedded", "--no-color", bad.toString(), good.toString());

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(ExitCode.FAILED);
    assertThat(text).doesNotContain("NullPointerException").doesNotContain("unexpected");
    assertThat(text.lines().filter(l -> l.startsWith("✗ ")))
        .containsExactly(
            "✗ bad.md:3 (cell 1): failed: bad.md:5: unclosed ' in: docker network create 'oops:"
                + " close the quote, or escape it (\\' or \\\")");
    assertThat(text).contains("42").contains("qnet_later").contains("second notebook ran");
    assertThat(text).contains("bad.md: 2 passed, 1 failed").contains("good.md: 1 passed, 0 failed");
    assertThat(text.strip()).endsWith("3 passed, 1 failed");
  }

  @Test
  void aNotebookThatCannotBeReadIsSaidInWords() {
    Path missing = dir.resolve("missing.md");
    assertThatThrownBy(() -> NotebookCommands.read(missing))
        .hasMessage(
            missing + ": cannot read it: there is no such file or directory; check the path");
    assertThatThrownBy(() -> NotebookCommands.read(dir))
        .hasMessage(dir + ": cannot read it: it is a directory, not a file; check the path");
  }
}
