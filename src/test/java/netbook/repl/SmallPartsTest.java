package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import netbook.notebook.Cell;
import netbook.notebook.NotebookParser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SessionLog, notebook cells, highlighter and history file. */
class SmallPartsTest {
  @Test
  void consecutiveDockerLinesShareAConsoleCellAndFencesOutgrowBackticks() {
    SessionLog t = new SessionLog();
    t.docker("docker network create b", "abc123\n");
    t.docker("docker network ls", "NETWORK ID   NAME\n");
    t.java("String s = \"```\"", "s ==> \"```\"\n");
    assertThat(t.toMarkdown("lab"))
        .isEqualTo(
            "# lab\n\n"
                + "```console\n$ docker network create b\nabc123\n"
                + "$ docker network ls\nNETWORK ID   NAME\n```\n\n"
                + "````java\nString s = \"```\"\n````\n\n"
                + "<!-- netbook:output -->\n````output\ns ==> \"```\"\n````\n");
  }

  @Test
  void notebookCellsAreJavaFencesAndDockerLinesOfConsoleFences() {
    String md =
        "# T\n\nProse `net(\"x\")`.\n\n```java {name=a}\nint a = 1;\n```\n\n"
            + "```output\na ==> 1\n```\n\n```console\n$ docker network ls\nNETWORK ID\n"
            + "$ docker ps\n```\n\n```python\nprint(1)\n```\n\n```jshell\na + 1\n```\n";
    assertThat(NotebookParser.parse("t.md", md).cells())
        .extracting(Cell::kind, Cell::source)
        .containsExactly(
            tuple(Cell.Kind.JAVA, "int a = 1;\n"),
            tuple(Cell.Kind.CONSOLE, "$ docker network ls\nNETWORK ID\n$ docker ps\n"),
            tuple(Cell.Kind.JAVA, "a + 1\n"));
  }

  @Test
  void highlightsKeywordsStringsNumbersAndApiNames() {
    AttributedString a =
        new JavaHighlighter(true).highlight("for (int i = 0; ; ) net(\"b\").ping(\"x\") // c");
    assertThat(a.toString()).isEqualTo("for (int i = 0; ; ) net(\"b\").ping(\"x\") // c");
    assertThat(a.styleAt(0)).isEqualTo(JavaHighlighter.KEYWORD);
    assertThat(a.styleAt(13)).isEqualTo(JavaHighlighter.NUMBER);
    assertThat(a.styleAt(20)).isEqualTo(JavaHighlighter.API);
    assertThat(a.styleAt(24)).isEqualTo(JavaHighlighter.STRING);
    assertThat(a.styleAt(a.length() - 1)).isEqualTo(JavaHighlighter.COMMENT);
    assertThat(new JavaHighlighter(true).highlight(":save x.md").styleAt(1))
        .isEqualTo(JavaHighlighter.COMMAND);
    assertThat(new JavaHighlighter(false).highlight("for").styleAt(0))
        .isEqualTo(AttributedStyle.DEFAULT);
    assertThat(JavaHighlighter.apiNames()).contains("net", "run", "diagram", "docker", "replay");
    assertThat(Evaluator.usesApi("var d = diagram()")).isTrue();
    assertThat(Evaluator.usesApi("int x = 1 + 1")).isFalse();
  }

  @Test
  void historyFileIsTheUsersAlone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".netbook/history");
    assertThat(HistoryFile.prepare(file)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(HistoryFile.prepare(file)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void dockerLinesAndCommandsAreToldFromJava() {
    assertThat(Evaluator.isDockerLine("docker network ls")).isTrue();
    assertThat(Evaluator.isDockerLine("docker(\"network ls\")")).isFalse();
    assertThat(Evaluator.isDockerLine("dockerfile")).isFalse();
    assertThat(Evaluator.isCommand(":help")).isTrue();
    assertThat(Evaluator.isCommand("a ? b : c")).isFalse();
  }
}
