package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netbook.lab.Session;
import netbook.shell.JavaShell;
import org.junit.jupiter.api.Test;

/** run/check/record on cells that need no Docker (the engine is empty). */
class NotebookRunnerTest {
  private static final String NB =
      """
      # Round trip

      ```java
      record P(String host, String ip) {}
      System.out.println(new P("a", "172.18.0.2"));
      ```

      Then:

      ```java {name=sum}
      int x = 20;
      x + 22
      ```

      ```java {expect=fail}
      int y = "not an int";
      ```
      """;

  @Test
  void recordThenCheckPassesThenAnEditedOutputFailsWithADiff() {
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      Notebook nb = NotebookParser.parse("rt.md", NB);
      FileReport recorded = h.runner(session, RunOptions.of(RunOptions.Mode.RECORD)).run(nb);
      assertThat(recorded.failed()).isZero();
      assertThat(recorded.outputs()).containsKeys(1, 2, 3);
      String withOutputs = OutputRecorder.apply(nb, recorded.outputs());
      assertThat(withOutputs)
          .contains(
              "<!-- netbook:output -->\n```output\ncreated type P\nP[host=a, ip=172.18.0.2]\n```");
      assertThat(withOutputs).contains("x ==> 20\n42\n```");

      Notebook again = NotebookParser.parse("rt.md", withOutputs);
      FileReport checked = h.runner(session, RunOptions.of(RunOptions.Mode.CHECK)).run(again);
      assertThat(checked.summary()).isEqualTo("rt.md: 3 passed, 0 failed");

      // an IP that differs only by address is masked; a changed value is not
      String edited =
          withOutputs.replace("ip=172.18.0.2", "ip=172.19.0.9").replace("\n42\n", "\n43\n");
      FileReport broken =
          h.runner(session, RunOptions.of(RunOptions.Mode.CHECK))
              .run(NotebookParser.parse("rt.md", edited));
      assertThat(broken.summary()).isEqualTo("rt.md: 2 passed, 1 failed");
      assertThat(h.text())
          .contains("✗ rt.md:15 (cell 2): the output differs from the recorded one")
          .contains("--- recorded (line 19)\n+++ this run\n@@ -1,2 +1,2 @@\n x ==> 20\n-43\n+42\n");
      assertThat(NotebookRunner.total(List.of(recorded, checked, broken)))
          .isEqualTo("8 passed, 1 failed");
    }
  }

  @Test
  void failuresAreNamedByFileAndLineAndTheRunGoesOn() {
    String md =
        """
        ```java
        int a = undefinedThing;
        ```

        ```java {expect=fail}
        1 + 1
        ```

        ```java {timeout=300ms}
        while (true) { }
        ```

        ```java {nonsense}
        1
        ```

        ```java
        "still " + "running"
        ```

        ```java
        unclosed(
        """;
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      FileReport r =
          h.runner(session, RunOptions.of(RunOptions.Mode.RUN))
              .run(NotebookParser.parse("bad.md", md));
      String text = h.text();
      assertThat(text)
          .contains("✗ bad.md:1 (cell 1): failed: error: cannot find symbol")
          .contains("✗ bad.md:5 (cell 2): it was expected to fail (expect=fail), but it succeeded")
          .contains("✗ bad.md:9 (cell 3): failed: stopped: it ran longer than its timeout of 300ms")
          .contains("bad.md:13: note: cell attribute 'nonsense' not netbook's")
          .doesNotContain("✗ bad.md:13")
          .contains("\"still running\"")
          .contains("✗ bad.md:21 (cell 6): unclosed code fence")
          .contains("bad.md: 2 passed, 4 failed");
      assertThat(r.failed()).isEqualTo(4);
    }
  }

  @Test
  void aRunCountsConsoleCellsThatDifferFromTheBookApart() {
    String md =
        "```console\n$ docker ps\nCONTAINER ID   IMAGE     NAMES\n0123456789ab   busybox   web\n```\n\n"
            + "```java\n1 + 1\n```\n";
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      NotebookRunner runner =
          new NotebookRunner(
              session,
              () -> new JavaShell(h.router),
              s -> ConsoleTranscript.of(s, RunOptions.Mode.RUN),
              h.out,
              h.renderer,
              RunOptions.of(RunOptions.Mode.RUN));
      FileReport r = runner.run(NotebookParser.parse("diff.md", md));
      assertThat(h.text()).contains("! differs from the book");
      assertThat(r.summary())
          .as(h.text())
          .isEqualTo("diff.md: 2 passed, 0 failed; 1 differs from the book (check fails on that)");
      assertThat(NotebookRunner.total(List.of(r))).isEqualTo("2 passed, 0 failed");
    }
  }

  @Test
  void promptlessDockerScriptsRunAndOtherScriptsAreSkippedNotPassed() {
    String md = "```bash\ndocker ps\n```\n\n```sh\nexport X=1\nmake all\n```\n";
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      NotebookRunner runner =
          new NotebookRunner(
              session,
              () -> new JavaShell(h.router),
              s -> ConsoleTranscript.of(s, RunOptions.Mode.RUN),
              h.out,
              h.renderer,
              RunOptions.of(RunOptions.Mode.RUN));
      FileReport r = runner.run(NotebookParser.parse("sh.md", md));
      assertThat(h.text())
          .contains("$ docker ps\nCONTAINER ID")
          .contains("sh.md:5: warning: this sh block has no '$ ' prompts");
      assertThat(r.summary()).as(h.text()).isEqualTo("sh.md: 1 passed, 0 failed, 1 skipped");
    }
  }

  @Test
  void fromAndToSkipTheRest() {
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      FileReport r =
          h.runner(session, new RunOptions(RunOptions.Mode.RUN, 3, 3, false, false, null))
              .run(NotebookParser.parse("rt.md", NB));
      assertThat(r.summary()).isEqualTo("rt.md: 1 passed, 0 failed, 2 skipped");
      assertThat(h.text())
          .contains("── cell 3")
          .doesNotContain("── cell 1")
          .doesNotContain("── cell 2");
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 60,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // it hung before
  void aCellThatIgnoresItsTimeoutFailsAndLaterCellsRunInAFreshShell() {
    String md =
        """
        ```java
        int kept = 5;
        ```

        ```java {timeout=1s}
        while (true) { try { Thread.sleep(100); } catch (Throwable e) {} }
        ```

        ```java
        kept + 1
        ```

        ```java
        "fresh " + "shell"
        ```
        """;
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      long start = System.nanoTime();
      FileReport r =
          h.runner(session, RunOptions.of(RunOptions.Mode.RUN))
              .run(NotebookParser.parse("runaway.md", md));
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(java.time.Duration.ofSeconds(20));
      assertThat(h.text())
          .contains(
              "✗ runaway.md:5 (cell 2): failed: it ran longer than its timeout of 1s and ignored"
                  + " its stop: the Java state was reset (variables are gone); your containers and"
                  + " networks are still there")
          .contains("✗ runaway.md:9 (cell 3): failed: error: cannot find symbol")
          .contains("\"fresh shell\"")
          .contains("runaway.md: 2 passed, 2 failed");
      assertThat(r.failed()).isEqualTo(2);
    }
  }
}
