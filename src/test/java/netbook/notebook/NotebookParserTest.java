package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookParserTest {

  private static Notebook parse(String text) {
    return NotebookParser.parse("05-nets.md", text);
  }

  @Test
  void javaAndConsoleCellsWithLinesAndProseBetween() {
    Notebook nb =
        parse(
            """
            # User-defined networks

            Some prose.

            ```java
            var n = net("my_bridge");
            ```

            ```json
            {"not": "a cell"}
            ```

            ```console
            $ docker network ls
            ```
            Closing words.
            """);
    assertThat(nb.title()).isEqualTo("User-defined networks");
    assertThat(nb.name()).isEqualTo("05-nets");
    assertThat(nb.cells()).hasSize(2);
    Cell java = nb.cell(1);
    assertThat(java.kind()).isEqualTo(Cell.Kind.JAVA);
    assertThat(java.line()).isEqualTo(5);
    assertThat(java.source()).isEqualTo("var n = net(\"my_bridge\");\n");
    assertThat(java.where(nb.file())).isEqualTo("05-nets.md:5 (cell 1)");
    Cell console = nb.cell(2);
    assertThat(console.kind()).isEqualTo(Cell.Kind.CONSOLE);
    assertThat(console.line()).isEqualTo(13);
    assertThat(nb.parts())
        .extracting(p -> p.getClass().getSimpleName())
        .containsExactly("Prose", "Code", "Prose", "Code", "Prose");
    assertThat(((Part.Prose) nb.parts().get(2)).markdown()).contains("{\"not\": \"a cell\"}");
    assertThat(nb.problems()).isEmpty();
  }

  @Test
  void attributesRunmeStyle() {
    Notebook nb =
        parse(
            """
            ```java {name=dns expect=fail timeout=20s hidden skip}
            ping("x");
            ```
            """);
    CellAttributes a = nb.cell(1).attributes();
    assertThat(a.name()).isEqualTo("dns");
    assertThat(a.expectFail()).isTrue();
    assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(a.hidden()).isTrue();
    assertThat(a.skip()).isTrue();
  }

  @Test
  void unknownAttributesAreOneNoteAndIgnored() {
    Notebook nb =
        parse(
            "text\n\n```sh {interactive=false name=ok closeTerminalOnSuccess}\n$ docker ps\n```\n");
    assertThat(nb.cell(1).runnable()).isTrue();
    assertThat(nb.cell(1).attributes().name()).isEqualTo("ok");
    assertThat(nb.problems()).hasSize(1);
    assertThat(nb.problems().get(0).toString())
        .isEqualTo(
            "05-nets.md:3: note: cell attributes 'interactive', 'closeTerminalOnSuccess' not"
                + " netbook's (another tool's?): ignored; netbook reads name=, expect=fail,"
                + " timeout=, hidden and skip");
  }

  @Test
  void promptlessDockerScriptRunsAsConsoleLinesAndOtherScriptsAreSkippedWithAWarning() {
    Notebook nb =
        parse(
            "```bash\n# make it\ndocker network create \\\n  my_bridge\ndocker ps\n```\n\n"
                + "```sh\nexport X=1\ndocker ps\n```\n\n```console\nsome output\n```\n\n"
                + "```bash\nPING 172.17.0.3 (172.17.0.4): 56 data bytes\n```\n\n"
                + "```bash\nroot@cf2d53fead42:/# ping -c 2 container_2\n```\n");
    assertThat(PromptlessScript.dockerLines(nb.cell(1).source()))
        .isEqualTo("$ docker network create \\\nmy_bridge\n$ docker ps\n");
    assertThat(nb.cell(1).attributes().skip()).isFalse();
    assertThat(nb.cell(2).attributes().skip()).isTrue();
    assertThat(nb.cell(3).attributes().skip()).isFalse();
    assertThat(nb.cell(4).attributes().skip()).isFalse();
    assertThat(nb.cell(5).attributes().skip()).isFalse();
    assertThat(nb.problems())
        .singleElement()
        .hasToString(
            "05-nets.md:8: warning: this sh block has no '$ ' prompts and is not only docker"
                + " lines: not run (skipped); write its commands as '$ docker …' lines to run"
                + " them");
  }

  @Test
  void badTimeoutValue() {
    Notebook nb = parse("```java {timeout=soon}\n1\n```\n");
    assertThat(nb.problems().get(0).toString())
        .startsWith("05-nets.md:1: bad value timeout=soon: write a duration like timeout=20s");
  }

  @Test
  void aTimeoutTooLongForANumberOrADurationIsOneLineWithFileAndLine() {
    for (String t : List.of("99999999999999999999s", "9223372036854775807m", "1441m", "86401s")) {
      Notebook nb = parse("# T\n\n```java {timeout=" + t + "}\n1\n```\n");
      assertThat(nb.problems()).hasSize(1);
      assertThat(nb.problems().get(0).toString())
          .as(t)
          .isEqualTo(
              "05-nets.md:3: timeout="
                  + t
                  + " is longer than a day: use at most timeout=1440m (or leave it out for the"
                  + " default) (cell 1)");
    }
    assertThat(parse("```java {timeout=1440m}\n1\n```\n").problems()).isEmpty();
  }

  @Test
  void unclosedFenceReportsItsOpeningLine() {
    Notebook nb = parse("# T\n\n```java\nint x = 1;\n\nmore prose that is now code\n");
    assertThat(nb.cell(1).runnable()).isFalse();
    assertThat(nb.problems().get(0).toString())
        .startsWith("05-nets.md:3: unclosed code fence: the cell runs to the end of the file");
  }

  @Test
  void unclosedProseFenceIsReportedToo() {
    Notebook nb = parse("# T\n\n````text\nabc\n");
    assertThat(nb.cells()).isEmpty();
    assertThat(nb.problems().get(0).toString())
        .isEqualTo(
            "05-nets.md:3: unclosed code fence: everything after it is code; close it with a ````"
                + " line");
  }

  @Test
  void frontMatterTitleImagesCleanup() {
    Notebook nb =
        parse(
            """
            ---
            title: Bridges
            images:
              - netbook/toolbox
              - netbook/web
            cleanup: false
            ---
            # Heading

            ```jshell
            1 + 1
            ```
            """);
    assertThat(nb.title()).isEqualTo("Bridges");
    assertThat(nb.images()).containsExactly("netbook/toolbox", "netbook/web");
    assertThat(nb.cleanup()).isFalse();
    assertThat(nb.cell(1).line()).isEqualTo(10);
    assertThat(((Part.Prose) nb.parts().get(0)).markdown()).isEqualTo("# Heading\n\n");
  }

  @Test
  void unknownFrontMatterKey() {
    Notebook nb = parse("---\ntitle: T\ncolour: red\n---\ntext\n");
    assertThat(nb.problems().get(0).toString())
        .isEqualTo(
            "05-nets.md:3: note: front matter key 'colour' is not netbook's (another tool's?):"
                + " ignored; netbook reads title, images and cleanup");
  }

  @Test
  void nestedListWithCode() {
    Notebook nb =
        parse(
            """
            1. Create the network:

               ```java
               net("a");
               ```

               It is a bridge.
            2. Next step
               - nested

                 ```console
                 $ docker network ls
                 ```
            """);
    assertThat(nb.cells()).hasSize(2);
    assertThat(nb.cell(1).source()).isEqualTo("net(\"a\");\n");
    assertThat(nb.cell(1).line()).isEqualTo(3);
    assertThat(nb.cell(2).line()).isEqualTo(11);
    assertThat(nb.cell(2).source()).isEqualTo("$ docker network ls\n");
    Part.Prose after = (Part.Prose) nb.parts().get(2);
    assertThat(after.markdown()).isEqualTo("\n\nIt is a bridge.\n2. Next step\n   - nested\n\n");
  }

  @Test
  void recordedOutputBelongsToTheCellAbove() {
    Notebook nb =
        parse("```java\n1 + 1\n```\n<!-- netbook:output -->\n```output\n2\n```\n\nAfter.\n");
    Cell c = nb.cell(1);
    assertThat(c.recorded()).isNotNull();
    assertThat(c.recorded().text()).isEqualTo("2\n");
    assertThat(c.recorded().line()).isEqualTo(4);
    assertThat(nb.parts()).hasSize(2);
    assertThat(((Part.Prose) nb.parts().get(1)).markdown()).isEqualTo("\n\nAfter.\n");
  }

  @Test
  void crlfLinesAreCountedAlike() {
    Notebook nb = parse("# T\r\n\r\n```java\r\n1\r\n```\r\n");
    assertThat(nb.cell(1).line()).isEqualTo(3);
    assertThat(nb.text().substring(nb.cell(1).start(), nb.cell(1).end()))
        .isEqualTo("```java\r\n1\r\n```");
  }

  @Test
  void binaryGarbageIsRefusedWithALine() {
    byte[] bytes = "# T\n\nok\n\u0000\u0001".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> NotebookParser.parse("x.md", bytes))
        .hasMessage(
            "x.md:4: not a Markdown notebook: a NUL byte at byte 8; a notebook is UTF-8 text");
    byte[] latin = {'a', '\n', (byte) 0xff, 'b'};
    assertThatThrownBy(() -> NotebookParser.parse("y.md", latin))
        .hasMessageStartingWith(
            "y.md:2: not a Markdown notebook: bytes that are not UTF-8 at byte 2");
  }
}
