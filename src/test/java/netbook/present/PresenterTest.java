package netbook.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netbook.notebook.CellRun;
import netbook.notebook.FileReport;
import netbook.notebook.NoEngine;
import netbook.notebook.NotebookParser;
import netbook.notebook.NotebookRunner;
import netbook.notebook.ReplHandoff;
import netbook.notebook.RunOptions;
import netbook.render.MarkdownRenderer;
import netbook.shell.JavaShell;
import netbook.shell.OutputRouter;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presenter mode on an xterm-like terminal over streams: keys in, screens out. */
class PresenterTest {
  private static final String RIGHT = "\033[C";
  private static final String LEFT = "\033[D";

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final OutputRouter router = new OutputRouter(screen);
  private PrintStream savedOut;

  @BeforeEach
  void routeSnippetOutput() {
    savedOut = System.out;
    System.setOut(router.printStream());
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
  }

  @Test
  void rightRunsTheCellThenMovesLeftShowsItAgainWithoutRunningIt(@TempDir Path dir)
      throws Exception {
    // slide 1: Right runs cell 2 (the hidden cell ran before); Right: slide 2; Right runs cell 3;
    // Left: slide 1 again; Right: slide 2, shown with its output; q
    String keys = RIGHT + " " + "\r" + LEFT + RIGHT + "q";
    FileReport r;
    List<String> screens;
    try (Terminal t = terminal(new java.io.ByteArrayInputStream(bytes(keys)), 80, 24)) {
      r = present(t, TitleStyle.BOLD, new PresenterState(dir.resolve("s.slide")));
      screens = screens(t);
    }
    String all = plain(everything(null));
    assertThat(all)
        .contains("x ==> 42") // the hidden cell set secret
        .contains("n ==> 1")
        .doesNotContain("n ==> 2") // Left and Right again did not run cell 3 again
        .doesNotContain("int secret") // the hidden cell's code is never shown
        .doesNotContain("Say hello")
        .doesNotContain("inline note")
        .doesNotContain("<!-- notes: Say");
    // the first screen: the title, the prose, the code, the counter; no output yet
    assertThat(screens.get(0))
        .contains("Presenting\n  ══════════")
        .contains("Intro prose.")
        .contains("int x = secret + 1;")
        .contains("→ run")
        .doesNotContain("x ==> 42")
        .contains("1/3");
    String afterRun = last(screens, "x ==> 42");
    assertThat(afterRun).contains("── output").contains("│ x ==> 42").contains("1/3");
    assertThat(afterRun).contains("→ next");
    String back = screens.get(screens.size() - 2);
    assertThat(back).contains("1/3").contains("│ x ==> 42");
    assertThat(screens.get(screens.size() - 1)).contains("2/3").contains("│ n ==> 1");
    assertThat(r.summary()).isEqualTo("p.md: 3 passed, 0 failed");
    assertThat(dir.resolve("s.slide")).doesNotExist(); // q ends the presentation
  }

  @Test
  void aLongSlidePagesInsteadOfBeingCut() throws Exception {
    StringBuilder md = new StringBuilder("# Long\n\n");
    for (int i = 1; i <= 30; i++) {
      md.append("Line number ").append(i).append(".\n\n");
    }
    md.append("```java\nint last = 7;\n```\n");
    List<String> screens;
    try (Terminal t = terminal(new java.io.ByteArrayInputStream(bytes(" q")), 60, 12)) {
      present(t, TitleStyle.BOLD, null, md.toString());
      screens = screens(t);
    }
    assertThat(screens.get(0)).contains("Line number 1.").contains("→ more").contains("↓ 1/1");
    assertThat(screens.get(0)).doesNotContain("int last");
    assertThat(screens.get(1)).doesNotContain("Line number 1.").contains("Line number 5.");
    assertThat(plain(everything(null))).doesNotContain("last ==> 7"); // paging ran nothing
  }

  @Test
  void doubleHeightTitlesWhereTheTerminalDrawsThem() throws Exception {
    String raw;
    try (Terminal t = terminal(new java.io.ByteArrayInputStream(bytes("q")), 80, 24)) {
      present(t, TitleStyle.DOUBLE_HEIGHT, null);
      raw = everything(t);
    }
    assertThat(raw).contains("\033#3").contains("\033#4");
    assertThat(AttributedString.fromAnsi(raw).toString()).contains("Presenting");
  }

  @Test
  void theNotesViewShowsTheNotesOfTheSlideThePresenterIsOn(@TempDir Path dir) throws Exception {
    PresenterState presenting = new PresenterState(dir.resolve("p.slide"));
    PresenterState following = new PresenterState(dir.resolve("p.slide"));
    NotesView notes =
        new NotesView(
            null,
            Slides.of(NotebookParser.parse("p.md", SlidesTest.NB)),
            "Presenting",
            following,
            () -> 65_000,
            w -> new MarkdownRenderer(w, false, null),
            false);
    assertThat(text(notes.screen(following.read(), 65_000, 80)))
        .contains("waiting for the presenter");
    PipedOutputStream keys = new PipedOutputStream();
    try (Terminal t = terminal(new PipedInputStream(keys), 80, 24)) {
      CompletableFuture<FileReport> done =
          CompletableFuture.supplyAsync(() -> present(t, TitleStyle.BOLD, presenting));
      keys.write(bytes(RIGHT + RIGHT));
      keys.flush();
      Optional<PresenterState.Position> at = Optional.empty();
      for (int i = 0; i < 600 && (at.isEmpty() || at.get().slide() != 2); i++) {
        Thread.sleep(50); // (bounded: 30 s for JShell on a busy machine)
        at = following.read();
      }
      String shown = text(notes.screen(at, 65_000 + 0, 80));
      assertThat(shown)
          .contains("slide 2/3")
          .contains("Second")
          .contains("inline note")
          .contains("next: The end.")
          .doesNotContain("Say hello");
      keys.write(bytes("q"));
      keys.close();
      done.get(60, TimeUnit.SECONDS);
    }
    assertThat(following.read()).isEmpty();
  }

  @Test
  void rOpensTheReplAndTheSlideIsDrawnAgainAfter() throws Exception {
    java.util.concurrent.atomic.AtomicInteger visits =
        new java.util.concurrent.atomic.AtomicInteger();
    List<String> screens;
    try (Terminal t = terminal(new java.io.ByteArrayInputStream(bytes("rq")), 80, 24)) {
      present(t, TitleStyle.BOLD, null, SlidesTest.NB, visits::incrementAndGet);
      screens = screens(t);
    }
    assertThat(visits).as(plain(everything(null))).hasValue(1);
    assertThat(plain(everything(null)))
        .contains("the REPL, with everything the cells defined; :continue returns to slide 1/3");
    // the slide, the REPL's screen (its line names the slide), the slide again
    assertThat(screens).hasSize(3);
    assertThat(screens.get(2)).contains("Intro prose.").contains("→ run").endsWith("1/3");
  }

  @Test
  void elapsedTime() {
    assertThat(NotesView.elapsed(65_000)).isEqualTo("01:05");
    assertThat(NotesView.elapsed(3_725_000)).isEqualTo("1:02:05");
  }

  private FileReport present(Terminal t, TitleStyle style, PresenterState state) {
    return present(t, style, state, SlidesTest.NB);
  }

  private FileReport present(Terminal t, TitleStyle style, PresenterState state, String md) {
    return present(t, style, state, md, null);
  }

  private FileReport present(
      Terminal t, TitleStyle style, PresenterState state, String md, ReplHandoff repl) {
    try (JavaShell shell = new JavaShell(router)) {
      NotebookRunner runner =
          new NotebookRunner(
              NoEngine.session(),
              () -> shell,
              s -> (cell, timeout) -> new CellRun(true, "", "no console"),
              t.writer(),
              new MarkdownRenderer(76, false, null),
              RunOptions.of(RunOptions.Mode.RUN));
      return new Presenter(
              t, runner, w -> new MarkdownRenderer(w, false, null), repl, style, state, () -> 1_000)
          .present(NotebookParser.parse("p.md", md), shell);
    }
  }

  private Terminal terminal(InputStream in, int columns, int rows) throws IOException {
    ExternalTerminal t =
        new ExternalTerminal("test", "xterm-256color", in, screen, StandardCharsets.UTF_8);
    t.setSize(new Size(columns, rows));
    return t;
  }

  /**
   * The slides drawn, screen by screen (split where the screen was cleared, kept when they have a
   * counter), without styles.
   */
  private List<String> screens(Terminal t) {
    List<String> out = new ArrayList<>();
    for (String s : everything(t).split("\033\\[2J")) {
      String plain = plain(s);
      if (plain.matches("(?s).*\\d+/\\d+\\s*")) {
        out.add(plain);
      }
    }
    return out;
  }

  private String everything(Terminal t) {
    if (t != null) {
      t.flush();
    }
    return screen.toString(StandardCharsets.UTF_8);
  }

  private static String plain(String ansi) {
    return ansi.replaceAll("\033(\\[[?0-9;]*[A-Za-z]|#[34])", "").replace("\r", "");
  }

  private static String last(List<String> screens, String containing) {
    for (int i = screens.size() - 1; i >= 0; i--) {
      if (screens.get(i).contains(containing)) {
        return screens.get(i);
      }
    }
    return "";
  }

  private static String text(List<AttributedString> lines) {
    return String.join("\n", lines.stream().map(AttributedString::toString).toList());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
