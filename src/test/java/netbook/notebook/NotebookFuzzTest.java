package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netbook.lab.Session;
import netbook.shell.JavaShell;
import org.junit.jupiter.api.Test;

/**
 * Malformed notebooks: the named bad inputs of issue 9 each give one line naming file:line, and a
 * fuzz of generated Markdown and Java (fixed seed, bounded in count and time) never lets an
 * exception escape: every error is a {@link NotebookException} or a cell problem naming its line.
 */
class NotebookFuzzTest {
  private static final long SEED = 20240909L;
  private static final int DOCUMENTS = 400;
  private static final int RUN_CELLS = 30;
  private static final Duration BUDGET = Duration.ofSeconds(60);

  @Test
  void anUnclosedFenceIsOneLineAndTheCellsBeforeItRun() {
    Notebook nb =
        NotebookParser.parse("open.md", "# t\n\n```java\n1 + 1\n```\n\n```java\nint x = 3;\n");
    assertThat(nb.problems()).hasSize(1);
    assertThat(nb.problems().get(0).toString()).startsWith("open.md:7: ").doesNotContain("\n");
    assertThat(nb.cells().get(0).runnable()).isTrue();
  }

  @Test
  void anUnknownAttributeIsOneLineNamingIt() {
    Notebook nb = NotebookParser.parse("attr.md", "# t\n\n```java {colour=red}\n1\n```\n");
    assertThat(nb.problems()).hasSize(1);
    assertThat(nb.problems().get(0).toString())
        .startsWith("attr.md:3: ")
        .contains("colour")
        .doesNotContain("\n");
  }

  @Test
  void binaryGarbageIsRefusedWithTheLineWhereItStarts() {
    byte[] bytes = "# t\n\nprose\n\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
    assertThat(parseError("bin.md", bytes))
        .startsWith("bin.md:4: not a Markdown notebook: a NUL byte");
    byte[] latin = {'#', ' ', 't', '\n', (byte) 0xff, (byte) 0xfe, '\n'};
    assertThat(parseError("latin.md", latin))
        .startsWith("latin.md:2: not a Markdown notebook: bytes that are not UTF-8");
  }

  @Test
  void aTenMegabyteCellParsesAndRunsWithinItsTimeout() {
    StringBuilder big = new StringBuilder("# big\n\n```java\n");
    String line = "int v%d = %d;\n";
    int i = 0;
    while (big.length() < 10 * 1024 * 1024) {
      big.append(String.format(line, i, i));
      i++;
    }
    big.append("```\n");
    long t0 = System.nanoTime();
    Notebook nb = NotebookParser.parse("big.md", big.toString());
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    assertThat(nb.cells()).hasSize(1);
    assertThat(nb.cells().get(0).source().length()).isGreaterThan(10_000_000);
  }

  private static String parseError(String file, byte[] bytes) {
    try {
      NotebookParser.parse(file, bytes);
    } catch (NotebookException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError(file + " was accepted");
  }

  @Test
  void generatedMalformedNotebooksNeverEscapeAsExceptions() {
    Random rnd = new Random(SEED);
    long deadline = System.nanoTime() + BUDGET.toNanos();
    List<Notebook> withJava = new ArrayList<>();
    for (int d = 0; d < DOCUMENTS && System.nanoTime() < deadline; d++) {
      String file = "fuzz" + d + ".md";
      byte[] bytes = document(rnd).getBytes(StandardCharsets.UTF_8);
      if (rnd.nextInt(10) == 0) {
        bytes[rnd.nextInt(bytes.length)] = (byte) (rnd.nextBoolean() ? 0 : 0xC3);
      }
      Notebook nb;
      try {
        nb = NotebookParser.parse(file, bytes);
      } catch (NotebookException e) {
        assertThat(e.getMessage()).matches(file.replace(".", "\\.") + ":\\d+: [^\\n]+");
        continue;
      }
      long lines = new String(bytes, StandardCharsets.UTF_8).lines().count() + 1;
      for (NotebookProblem p : nb.problems()) {
        assertThat(p.line()).as(p.toString()).isBetween(1, (int) lines);
        assertThat(p.toString()).doesNotContain("\n");
      }
      if (nb.cells().stream().anyMatch(c -> c.kind() == Cell.Kind.JAVA)) {
        withJava.add(nb);
      }
    }
    Session session = NoEngine.session();
    RunOptions options =
        new RunOptions(RunOptions.Mode.RUN, 0, 0, false, false, Duration.ofSeconds(5));
    int ran = 0;
    try (Harness h = new Harness();
        JavaShell shell = new JavaShell(h.router)) {
      NotebookRunner runner = h.runner(session, options);
      for (Notebook nb : withJava) {
        for (Cell cell : nb.cells()) {
          if (cell.kind() != Cell.Kind.JAVA || ran >= RUN_CELLS || System.nanoTime() > deadline) {
            continue;
          }
          ran++;
          CellResult r = runner.runCell(nb, cell, cell.source(), shell);
          if (r.failed()) {
            assertThat(r.message()).as(cell.where(nb.file())).doesNotContain("\n");
          }
        }
      }
      assertThat(h.text()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }
    assertThat(ran).isPositive();
  }

  private static final String[] LANGS = {"java", "jshell", "console", "sh", "text", "", "JAVA"};
  private static final String[] ATTRS = {
    "",
    "{name=a}",
    "{expect=fail}",
    "{timeout=2s}",
    "{timeout=-3}",
    "{timeout=forever}",
    "{hidden",
    "{=}",
    "{name=}",
    "{skip colour=red}",
    "{{}}",
    "{expect=maybe}",
    "{timeout=1h2q}"
  };
  private static final String[] JAVA = {
    "1 + 1",
    "int x = ;",
    "throw new RuntimeException(\"x\\ny\")",
    "class {",
    "\"unterminated",
    "for (;;",
    "List.of(1).get(5)",
    "Object o = null; o.hashCode()",
    "/* open comment",
    "}}}",
    "import nope.Nothing;",
    "var s = \"ü\";",
    "int[] a = new int[-1];",
    "record R(int a) {}",
    "System.out.println(\"out\");",
    "new int[1][]",
    "@interface A {}",
    "enum E { A, }",
    "\u00a0"
  };
  private static final String[] PROSE = {
    "# Title",
    "Some *prose* with `code`.",
    "<!-- netbook:output -->",
    "```output\nstale\n```",
    "---\ntitle: [unclosed\n---",
    "| a | b |\n|---|",
    "> quote",
    "    indented code",
    "~~~java\n1\n~~~",
    "````java\n```\n````",
    "- item\n  ```java\n  2\n  ```",
    "\t\t",
    "<div>\n```java\n</div>"
  };

  static String document(Random rnd) {
    StringBuilder sb = new StringBuilder();
    if (rnd.nextInt(5) == 0) {
      sb.append("---\n").append(rnd.nextBoolean() ? "title: x\ncleanup: perhaps\n" : "bad: : :\n");
      if (rnd.nextBoolean()) {
        sb.append("---\n");
      }
    }
    int parts = 1 + rnd.nextInt(6);
    for (int i = 0; i < parts; i++) {
      switch (rnd.nextInt(3)) {
        case 0 -> sb.append(PROSE[rnd.nextInt(PROSE.length)]).append("\n\n");
        default -> {
          String fence = rnd.nextInt(6) == 0 ? "~~~" : "```";
          sb.append(fence)
              .append(LANGS[rnd.nextInt(LANGS.length)])
              .append(' ')
              .append(ATTRS[rnd.nextInt(ATTRS.length)])
              .append('\n');
          int lines = 1 + rnd.nextInt(3);
          for (int l = 0; l < lines; l++) {
            sb.append(JAVA[rnd.nextInt(JAVA.length)]).append('\n');
          }
          if (rnd.nextInt(5) != 0) {
            sb.append(fence).append("\n\n");
          }
        }
      }
    }
    return sb.toString();
  }
}
