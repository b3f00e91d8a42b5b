package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code present}: the speaker script, the one line off a terminal, where the state file goes. */
class PresentCommandTest {
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
  void notesFileWritesTheSpeakerScript() throws Exception {
    Path nb = dir.resolve("talk.md");
    Files.writeString(
        nb, "# Talk\n\n<!-- notes: greet them -->\n\n```java\nint a = 1;\n```\n\nBye.\n");
    Path script = dir.resolve("script.md");
    int code =
        new Main(app())
            .commandLine()
            .execute("present", "--notes-file", script.toString(), nb.toString());
    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(script))
        .contains("## 1/2 · Talk\n\ngreet them\n")
        .contains("## 2/2 · Bye.\n");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(script + ": the speaker notes of 2 slides\n");
  }

  @Test
  void offATerminalOneLineSaysWhatToUseInstead() throws Exception {
    Path nb = dir.resolve("talk.md");
    Files.writeString(nb, "# Talk\n\n```java\nint a = 1;\n```\n");
    int code = new Main(app()).commandLine().execute("present", nb.toString());
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "netbook: present needs a terminal (it draws one slide per screen and reads keys);"
                + " bin/netbook run "
                + nb
                + " runs the notebook without pauses\n");
  }

  @Test
  void theStateFileIsInTheRuntimeDirectoryElseTheCache() {
    Path home = Path.of("/home/u");
    assertThat(PresentCommand.stateDir(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), home))
        .isEqualTo(Path.of("/run/user/1000/netbook/present"));
    assertThat(PresentCommand.stateDir(Map.of("XDG_CACHE_HOME", "/c"), home))
        .isEqualTo(Path.of("/c/netbook/present"));
    assertThat(PresentCommand.stateDir(Map.of(), home))
        .isEqualTo(Path.of("/home/u/.cache/netbook/present"));
  }
}
