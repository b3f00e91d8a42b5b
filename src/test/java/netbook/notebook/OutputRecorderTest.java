package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputRecorderTest {

  private static final String DOC =
      "# Title  \n\n"
          + "Prose with trailing spaces   \n"
          + "```java {name=a}\n1 + 1\n```\n"
          + "between\n\n"
          + "```java\nSystem.out.println(\"hi\");\n```\n"
          + "<!-- netbook:output -->\n```output\nold\n```\n"
          + "\n\ttabbed tail without newline";

  @Test
  void insertsAndReplacesOutputsChangingNothingElse() {
    Notebook nb = NotebookParser.parse("r.md", DOC);
    String out = OutputRecorder.apply(nb, Map.of(1, "2\n", 2, "hi\n"));
    assertThat(out)
        .isEqualTo(
            "# Title  \n\n"
                + "Prose with trailing spaces   \n"
                + "```java {name=a}\n1 + 1\n```\n"
                + "<!-- netbook:output -->\n```output\n2\n```\n"
                + "between\n\n"
                + "```java\nSystem.out.println(\"hi\");\n```\n"
                + "<!-- netbook:output -->\n```output\nhi\n```\n"
                + "\n\ttabbed tail without newline");
    Notebook again = NotebookParser.parse("r.md", out);
    assertThat(again.cell(1).recorded().text()).isEqualTo("2\n");
    assertThat(again.cell(2).recorded().text()).isEqualTo("hi\n");
    assertThat(OutputRecorder.apply(again, Map.of(1, "2\n", 2, "hi\n"))).isEqualTo(out);
  }

  @Test
  void emptyOutputRemovesTheOldBlockAndUnlistedCellsKeepTheirs() {
    Notebook nb = NotebookParser.parse("r.md", DOC);
    assertThat(OutputRecorder.apply(nb, Map.of(2, "")))
        .isEqualTo(DOC.replace("<!-- netbook:output -->\n```output\nold\n```\n", ""));
    assertThat(OutputRecorder.apply(nb, Map.of())).isEqualTo(DOC);
  }

  @Test
  void keepsCrlfAndFencesOutputsContainingBackticks() {
    String crlf = "```java\r\nx\r\n```\r\nend\r\n";
    Notebook nb = NotebookParser.parse("c.md", crlf);
    String out = OutputRecorder.apply(nb, Map.of(1, "a ``` b\n"));
    assertThat(out)
        .isEqualTo(
            "```java\r\nx\r\n```\r\n<!-- netbook:output -->\r\n````output\r\na ``` b\r\n````\r\nend\r\n");
    assertThat(NotebookParser.parse("c.md", out).cell(1).recorded().text()).isEqualTo("a ``` b\n");
  }

  @Test
  void cellsInListsGetIndentedOutputs() {
    String md = "1. step\n\n   ```java\n   1\n   ```\n";
    Notebook nb = NotebookParser.parse("l.md", md);
    String out = OutputRecorder.apply(nb, Map.of(1, "1\n"));
    assertThat(out)
        .isEqualTo(
            "1. step\n\n   ```java\n   1\n   ```\n   <!-- netbook:output -->\n   ```output\n   1\n   ```\n");
    assertThat(NotebookParser.parse("l.md", out).cell(1).recorded().text()).isEqualTo("1\n");
  }

  @Test
  void reRecordingKeepsTheBlankLineBetweenACellAndItsOutput() {
    // as :save writes a session: a blank line between the cell and its recorded output
    String saved =
        "# s\n\n```java\nint x = 2\n```\n\n<!-- netbook:output -->\n```output\nx ==> 1\n```\n"
            + "\nProse.\n";
    Notebook nb = NotebookParser.parse("s.md", saved);
    assertThat(OutputRecorder.apply(nb, Map.of(1, "x ==> 2\n")))
        .isEqualTo(saved.replace("x ==> 1", "x ==> 2"));
    assertThat(OutputRecorder.apply(nb, Map.of(1, "")))
        .isEqualTo("# s\n\n```java\nint x = 2\n```\n\nProse.\n");
  }
}
