package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive REPL on JLine's dumb terminal over piped streams. */
class ReplTerminalTest {
  ShellFixture fixture;
  Workspace session;
  PipedOutputStream keys;
  Terminal terminal;

  @BeforeEach
  void start() throws IOException {
    fixture = new ShellFixture();
    session = fixture.withoutEngine();
    keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys, 4096);
    terminal =
        TerminalBuilder.builder()
            .system(false)
            .dumb(true)
            .type(Terminal.TYPE_DUMB)
            .streams(in, fixture.buffer)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    terminal.close();
    session.close();
    fixture.close();
  }

  CompletableFuture<Repl.Exit> runRepl(boolean nested) {
    Repl repl = new Repl(terminal, session, new ReplOptions(null, false, false, false));
    return CompletableFuture.supplyAsync(() -> repl.run(nested), r -> new Thread(r).start());
  }

  void type(String s) throws IOException {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  void awaitOutput(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!fixture.output().contains(text)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no \"" + text + "\" in:\n" + fixture.output());
      }
      Thread.sleep(20);
    }
  }

  @Test
  void promptsRunsJavaAndLeavesOnEndOfInput() throws Exception {
    CompletableFuture<Repl.Exit> exit = runRepl(false);
    type("int x = 20\nx + 22\n");
    awaitOutput("42\n", Duration.ofSeconds(30));
    keys.close();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Repl.Exit.QUIT);
    assertThat(fixture.output())
        .contains("netbook — Java with a Docker networking API")
        .contains(Repl.PROMPT)
        .contains("x ==> 20\n");
  }

  @Test
  void ctrlCStopsARunningSnippetAndKeepsTheSession() throws Exception {
    CompletableFuture<Repl.Exit> exit = runRepl(false);
    type("int kept = 7\nSystem.out.println(\"sleeping\"); Thread.sleep(60000);\n");
    awaitOutput("sleeping\n", Duration.ofSeconds(30)); // the snippet runs
    terminal.raise(Terminal.Signal.INT);
    // (how fast is a timing goal for bench/: here only that Ctrl-C stops it, well before 60 s)
    awaitOutput("stopped (Ctrl-C)", Duration.ofSeconds(30));
    type("kept * 6\n");
    awaitOutput("42\n", Duration.ofSeconds(10));
    type(":quit\n");
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Repl.Exit.QUIT);
  }

  @Test
  void errorsAndEmptyLinesKeepTheSession() throws Exception {
    // (Ctrl-C at the prompt needs a real tty: ReplTmuxIT presses it)
    CompletableFuture<Repl.Exit> exit = runRepl(false);
    type("\n:frob\nString s = 1;\ndocker network ls\n2 + 3\n");
    awaitOutput("5\n", Duration.ofSeconds(30));
    assertThat(fixture.output())
        .contains("unknown command :frob")
        .contains("error: incompatible types")
        .contains("no Docker engine at test://none\n");
    assertThat(exit).isNotDone();
    type(":quit\n");
    exit.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aNotebookGetsControlBackOnContinue() throws Exception {
    CompletableFuture<Repl.Exit> exit = runRepl(true);
    type("3 * 3\n:continue\n");
    awaitOutput("9\n", Duration.ofSeconds(30));
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(Repl.Exit.CONTINUE);
    assertThat(fixture.output()).contains("9\n").doesNotContain("netbook — Java");
  }

  @Test
  void multiLineInputContinuesUntilComplete() throws Exception {
    CompletableFuture<Repl.Exit> exit = runRepl(false);
    type("int sum = 0\nfor (int i = 1; i <= 3; i++) {\nsum += i;\n}\nsum\n");
    awaitOutput("6\n", Duration.ofSeconds(30));
    assertThat(fixture.output()).doesNotContain("error");
    keys.close();
    exit.get(10, TimeUnit.SECONDS);
  }

  @Test
  void saveAsksBeforeOverwritingAFileAndANoLeavesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.md");
    Files.writeString(file, "my notes\n");
    CompletableFuture<Repl.Exit> exit = runRepl(false);
    type("int x = 20\n:save " + file + "\n");
    awaitOutput("Overwrite it? [y/N]", Duration.ofSeconds(30));
    type("n\n");
    awaitOutput("not saved: " + file + " left as it was", Duration.ofSeconds(10));
    assertThat(Files.readString(file)).isEqualTo("my notes\n");
    type(":save " + file + "\n");
    awaitOutput("Overwrite it? [y/N] ", Duration.ofSeconds(10));
    type("y\n");
    awaitOutput("saved 1 input to " + file, Duration.ofSeconds(10));
    assertThat(Files.readString(file)).contains("int x = 20");
    keys.close();
    exit.get(10, TimeUnit.SECONDS);
  }
}
