package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.shell.JavaShell;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** Step mode driven through JLine's dumb terminal over piped streams. */
class StepRunnerTest {
  private static final String NB =
      """
      # Stepping

      First some *prose*.

      ```java
      int x = 1;
      ```

      ```java
      int z = 99;
      ```

      ```java
      int y = 2;
      ```

      Now the sum.

      ```java
      System.out.println("sum " + (x + y));
      ```

      ```java
      int never = 0;
      ```
      """;

  @Test
  void enterSkipEditReplAndQuit() throws Exception {
    String keys =
        "\n" // run cell 1
            + "s\n" // skip cell 2
            + "e\n y = 40;\n" // edit cell 3: the dumb terminal appends to the cell
            + "r\n" // the REPL at cell 4
            + "\n" // run cell 4
            + "q\n"; // quit at cell 5
    AtomicInteger replVisits = new AtomicInteger();
    try (Harness h = new Harness()) {
      FileReport r = step(h, keys, replVisits::incrementAndGet);
      String text = h.text();
      assertThat(text)
          .contains("Stepping\n════════")
          .contains("First some prose.")
          .contains("Now the sum.")
          .contains("x ==> 1")
          .doesNotContain("z ==> 99")
          .contains("y ==> 2\n40\n")
          .contains("sum 41")
          .contains(":continue returns to the notebook")
          .doesNotContain("never ==>");
      assertThat(replVisits).hasValue(1);
      assertThat(r.summary()).isEqualTo("step.md: 3 passed, 0 failed, 2 skipped");
    }
  }

  @Test
  void backAndJump() throws Exception {
    try (Harness h = new Harness()) {
      FileReport r = step(h, "g 3\n\nb\ng x\nq\n", null);
      assertThat(h.text())
          .contains("y ==> 2")
          .contains("g needs a cell number from 1 to 5, like g 3")
          .doesNotContain("x ==> 1");
      assertThat(r.summary()).isEqualTo("step.md: 1 passed, 0 failed, 4 skipped");
    }
  }

  @Test
  void backReRunsACellThatCreatesAfterRemovingWhatItCreated() throws Exception {
    String md =
        """
        # Back

        ```java
        var n = net("step17_bridge");
        var a = n.run("netbook/toolbox", name("step17_c1"));
        ```

        ```java
        int k = 1;
        ```
        """;
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(1));
        Harness h = new Harness()) {
      Session session =
          new Session(
              engine,
              new SessionConfig("stp", true, ProcessHandle.current().pid(), "", l -> {}, null));
      FileReport r = step(h, "\nb\n\nq\n", null, session, md);
      assertThat(h.text())
          .contains("re-running cell 1: replacing step17_c1 and step17_bridge it created")
          .doesNotContain("already exists");
      assertThat(r.summary()).as(h.text()).isEqualTo("step.md: 1 passed, 0 failed, 1 skipped");
    }
  }

  @Test
  void javaCellsAreComparedWithTheBookMaskedEqualIsEqual() throws Exception {
    String md =
        """
        # Book

        ```java
        System.out.println("id 5400f00b0ff6 at 2024-01-02T03:04:05Z");
        ```
        <!-- netbook:output -->
        ```output
        id 064c66f6e0d1 at 2026-12-01T01:02:03Z
        ```

        ```java
        System.out.println("3 containers");
        ```
        <!-- netbook:output -->
        ```output
        2 containers
        ```
        """;
    try (Harness h = new Harness()) {
      FileReport r = step(h, "\n\n", null, NoEngine.session(), md);
      String text = h.text();
      assertThat(text)
          .contains("✓ as in the book")
          .contains("≠ differs from the book (ids, addresses, MACs and times aside):")
          .contains("-2 containers")
          .contains("+3 containers");
      assertThat(text.split("≠ differs", -1)).hasSize(2);
      assertThat(r.summary()).isEqualTo("step.md: 2 passed, 0 failed");
    }
  }

  @Test
  void consoleCellsShowTheirCommandsNotTheBooksOutputTwice() {
    Notebook nb =
        NotebookParser.parse(
            "c.md",
            "```console\n$ docker network create \\\n  my_bridge\n"
                + "5400f00b0ff6aaaa\n$ docker ps\nCONTAINER ID   IMAGE\n```\n");
    assertThat(StepRunner.shown(nb.cell(1)))
        .isEqualTo("$ docker network create \\\n  my_bridge\n$ docker ps\n");
    Notebook output = NotebookParser.parse("o.md", "```console\nonly output\n```\n");
    assertThat(StepRunner.shown(output.cell(1))).isEqualTo("only output\n");
  }

  /** Steps through {@link #NB} on a dumb terminal that reads {@code keys}, with no engine. */
  private static FileReport step(Harness h, String keys, ReplHandoff repl) throws Exception {
    return step(h, keys, repl, NoEngine.session(), NB);
  }

  /** Steps through {@code md} on a dumb terminal that reads {@code keys}. */
  static FileReport step(Harness h, String keys, ReplHandoff repl, Session session, String md)
      throws Exception {
    try (Terminal terminal =
            new DumbTerminal(
                "test",
                "dumb",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                h.buffer,
                StandardCharsets.UTF_8);
        JavaShell shell = new JavaShell(h.router)) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      NotebookRunner runner =
          new NotebookRunner(
              session,
              () -> shell,
              s -> (cell, timeout) -> new CellRun(true, "", "no console"),
              terminal.writer(),
              h.renderer,
              RunOptions.of(RunOptions.Mode.RUN));
      return new StepRunner(reader, runner, h.renderer, repl)
          .step(NotebookParser.parse("step.md", md), shell);
    }
  }
}
