package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import netbook.shell.EvalResult;
import netbook.shell.Outcome;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {
  final StringWriter sw = new StringWriter();

  ResultPrinter printer(boolean color) {
    return new ResultPrinter(new PrintWriter(sw), color);
  }

  static Outcome o(Outcome.Kind k, String output, String display, String detail) {
    return new Outcome("src", k, output, display, detail);
  }

  @Test
  void showsValuesDeclarationsAndErrorsWithoutRepeatingPrintedOutput() {
    printer(false)
        .result(
            new EvalResult(
                List.of(
                    o(Outcome.Kind.VALUE, "printed\n", "x ==> 1", ""),
                    o(Outcome.Kind.DONE, "", "created method f()", ""),
                    o(Outcome.Kind.REJECTED, "", "error: boom", "    1 +\n      ^")),
                ""),
            false);
    assertThat(sw.toString())
        .isEqualTo("x ==> 1\ncreated method f()\nerror: boom\n    1 +\n      ^\n");
  }

  @Test
  void tracesOnlyWhenVerboseAndANewlineAfterUnfinishedPrintedLines() {
    EvalResult r =
        new EvalResult(
            List.of(o(Outcome.Kind.EXCEPTION, "partial", "java.lang.X: y", "      at f (#3:1)\n")),
            "");
    printer(false).result(r, false);
    assertThat(sw.toString()).isEqualTo("\njava.lang.X: y\n");
    sw.getBuffer().setLength(0);
    printer(false).result(r, true);
    assertThat(sw.toString()).isEqualTo("\njava.lang.X: y\n      at f (#3:1)\n");
  }

  @Test
  void colourOnlyWhenAskedFor() {
    printer(false).error("bad");
    assertThat(sw.toString()).isEqualTo("bad\n");
    sw.getBuffer().setLength(0);
    printer(true).error("bad");
    assertThat(sw.toString()).contains("\u001b[").contains("bad");
  }

  @Test
  void textEndsInANewline() {
    printer(false).text("NETWORK ID   NAME");
    printer(false).text("");
    assertThat(sw.toString()).isEqualTo("NETWORK ID   NAME\n");
  }

  @Test
  void messagesWrapAtWordsToTheWidth() {
    ResultPrinter p = printer(false);
    p.width(30);
    p.error("cannot read notes.md: there is no such file or directory; check the path");
    assertThat(sw.toString())
        .isEqualTo("cannot read notes.md: there is\nno such file or directory;\ncheck the path\n");
  }

  @Test
  void helpRowsLineUpAndWrapUnderTheirColumn() {
    List<String> rows = ReplCommands.helpRows();
    for (String row : rows) {
      // the description starts in one column, at least two spaces after the command
      assertThat(row.substring(ReplCommands.HELP_COLUMN - 2, ReplCommands.HELP_COLUMN))
          .as(row)
          .isEqualTo("  ");
      assertThat(row.charAt(ReplCommands.HELP_COLUMN)).as(row).isNotEqualTo(' ');
    }
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .matches("  :diagram \\[--svg FILE\\] {2,}the network as a diagram.*"));
    ResultPrinter p = printer(false);
    p.width(50);
    p.rows(rows, ReplCommands.HELP_COLUMN);
    assertThat(sw.toString().lines())
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(50))
        .anySatisfy(l -> assertThat(l).matches("  :reset {2,}remove this session's.*"))
        // a description's next line continues under its column
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(" ".repeat(ReplCommands.HELP_COLUMN))
                    .doesNotStartWith(" ".repeat(ReplCommands.HELP_COLUMN + 1)));
  }

  @Test
  void longOutputGoesToThePagerAndOnlyWhenItIsLongerThanTheScreen() {
    String json = "[\n" + "    {}\n".repeat(240) + "]\n";
    assertThat(Paging.tooLong(json, 40)).isTrue();
    assertThat(Paging.tooLong("a\nb\n", 40)).isFalse();
    assertThat(Paging.tooLong(json, 0)).as("no screen: never paged").isFalse();

    List<String> paged = new java.util.ArrayList<>();
    ResultPrinter p = printer(false);
    p.pager(
        t -> {
          paged.add(t);
          return true;
        });
    p.result(new EvalResult(List.of(o(Outcome.Kind.VALUE, "", json.strip(), "")), ""), false);
    p.text("short\n");
    assertThat(paged).containsExactly(json.strip(), "short\n");
    assertThat(sw.toString()).isEmpty();
  }

  @Test
  void withoutAPagerLongOutputIsPrintedAsItIs() {
    String json = "[\n" + "    {}\n".repeat(240) + "]";
    ResultPrinter p = printer(false);
    p.width(20);
    p.result(new EvalResult(List.of(o(Outcome.Kind.VALUE, "", json, "")), ""), false);
    assertThat(sw.toString()).isEqualTo(json + "\n");
  }
}
