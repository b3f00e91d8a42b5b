package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import netbook.lab.Session;
import netbook.shell.JavaShell;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.5: a cell failure never cascades into NullPointerExceptions (or missing symbols) of
 * later cells: a later cell that uses a name a failed cell left unset is skipped, with the reason,
 * and counted as skipped; a cell that declares the name again sets it.
 */
class DependentCellsTest {
  private static final String NB =
      """
      # Dependent cells

      ```java
      String boom(String why) { throw new IllegalStateException(why); }
      ```

      ```java
      var before = "set";
      var a = boom("no network");
      var c = 3;
      ```

      ```java
      a.length()
      ```

      ```java
      var b = a + "!";
      ```

      ```java
      b.length()
      ```

      ```java
      c + 1
      ```

      ```java
      before.length() + "a".length() // a
      ```

      ```java
      var a = "again";
      a.length()
      ```

      ```java
      a.length()
      ```
      """;

  @Test
  void laterCellsThatUseWhatAFailedCellLeftUnsetAreSkippedWithTheReason() {
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      FileReport r =
          h.runner(session, RunOptions.of(RunOptions.Mode.RUN))
              .run(NotebookParser.parse("dep.md", NB));
      String text = h.text();
      assertThat(r.summary()).as(text).isEqualTo("dep.md: 4 passed, 1 failed, 4 skipped");
      assertThat(text)
          .contains("✗ dep.md:7 (cell 2): failed: java.lang.IllegalStateException: no network")
          .contains("── cell 3 (dep.md:13) skipped ──")
          .contains("⤼ skipped: uses `a`, which cell 2 (dep.md:7) failed to set")
          .contains("── cell 4 (dep.md:17) skipped ──")
          .contains("⤼ skipped: uses `b`, which cell 4 (dep.md:17) did not set: it was skipped")
          .contains("⤼ skipped: uses `c`, which cell 2 (dep.md:7) failed to set")
          .doesNotContain("NullPointerException")
          .doesNotContain("cannot find symbol");
      assertThat(r.results())
          .extracting(CellResult::verdict)
          .containsExactly(
              CellResult.Verdict.PASSED,
              CellResult.Verdict.FAILED,
              CellResult.Verdict.SKIPPED,
              CellResult.Verdict.SKIPPED,
              CellResult.Verdict.SKIPPED,
              CellResult.Verdict.SKIPPED,
              CellResult.Verdict.PASSED,
              CellResult.Verdict.PASSED,
              CellResult.Verdict.PASSED);
      assertThat(r.results().get(2).message())
          .isEqualTo("uses `a`, which cell 2 (dep.md:7) failed to set");
    }
  }

  @Test
  void consoleCellsThatAddressAContainerAFailedCellShouldHaveMadeAreSkipped() {
    String md =
        """
        ```java
        var web = run("ubuntu", name("dep_web"));
        ```

        ```console
        $ docker exec dep_web hostname
        dep_web
        ```

        ```console
        $ docker run -d --name dep_web ubuntu
        $ docker exec dep_web hostname
        ```
        """;
    Session session = NoEngine.session();
    try (Harness h = new Harness()) {
      FileReport r =
          h.runner(session, RunOptions.of(RunOptions.Mode.RUN))
              .run(NotebookParser.parse("web.md", md));
      String text = h.text();
      assertThat(r.summary()).as(text).isEqualTo("web.md: 0 passed, 2 failed, 1 skipped");
      assertThat(text)
          .contains("── cell 2 (web.md:5) skipped ──")
          .contains("⤼ skipped: uses container `dep_web`, which cell 1 (web.md:1) failed to make")
          .contains("✗ web.md:10 (cell 3): failed: no console in this test");
    }
  }

  @Test
  void aFailedCellLeavesUnsetWhatItsFailingSnippetAndTheSnippetsAfterItDeclare() {
    try (Harness h = new Harness();
        JavaShell shell = new JavaShell(h.router)) {
      assertThat(
              UnsetNames.declared(
                  shell.analysis(),
                  "var a = net(\"x\").run(\"ubuntu\");\nint n = 1;\nvoid f() {}\n"
                      + "record R(int x) {}\nSystem.out.println(n);\n"))
          .containsExactly("a", "n", "f", "R");
    }
  }

  @Test
  void theUsesOfACellAreItsIdentifiersOutsideStringsCommentsAndMembers() {
    assertThat(
            UnsetNames.used(
                "var r = shop.ping(\"mn_store\", 1); // store\n"
                    + "/* api */ if (!r.ok()) throw new X(r.toString());\n"
                    + "list.forEach(e -> e.run()); String s = \"\"\"\n  web\n  \"\"\";"
                    + " char q = 'a'; return store;"))
        .contains("shop", "list", "X", "store")
        .doesNotContain("r", "ping", "mn_store", "api", "ok", "e", "run", "s", "web", "q", "a");
    assertThat(UnsetNames.used("a.ip()")).containsExactly("a");
    assertThat(Set.copyOf(UnsetNames.used("Container a = b;"))).isEqualTo(Set.of("Container", "b"));
  }
}
