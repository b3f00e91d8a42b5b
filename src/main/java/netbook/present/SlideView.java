package netbook.present;

import java.util.ArrayList;
import java.util.List;
import netbook.console.TranscriptRunner;
import netbook.notebook.Cell;
import netbook.notebook.CellResult;
import netbook.render.CodeHighlighter;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * A slide as rows of the screen, before scrolling: the title (large), the prose as the renderer
 * draws it, the cell's code (a console cell's commands), and, once the cell ran, its output set
 * apart under a dim {@code ── output} rule with a bar before each line. A row is normal, or the top
 * or bottom half of a double-height line.
 */
final class SlideView {
  static final int MARGIN = 2;
  static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle TITLE = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
  static final AttributedStyle BAD = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
  static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);

  /** A screen row: {@code half} 0 for a normal line, 3 or 4 for a double-height line's halves. */
  record Row(AttributedString text, int half) {
    static Row of(AttributedString text) {
      return new Row(text, 0);
    }

    @Override
    public String toString() {
      return (half == 0 ? "" : "#" + half + " ") + text;
    }
  }

  /** Where a slide's parts start among its rows: the code's first row, the output's first row. */
  record Layout(List<Row> rows, int code, int output) {}

  private SlideView() {}

  /**
   * The rows of {@code slide} at {@code columns}: {@code prose} already rendered; {@code result}
   * null while the cell has not run; {@code running} while it runs.
   */
  static Layout layout(
      Slide slide,
      List<AttributedString> prose,
      CellResult result,
      boolean running,
      int columns,
      TitleStyle style) {
    int width = Math.max(10, columns - 2 * MARGIN);
    List<Row> rows = new ArrayList<>();
    title(slide.title(), width, style, rows);
    int from = 0;
    int to = prose.size();
    while (from < to && prose.get(from).length() == 0) {
      from++;
    }
    while (to > from && prose.get(to - 1).length() == 0) {
      to--;
    }
    for (AttributedString line : prose.subList(from, to)) {
      wrap(line, width, rows);
    }
    int code = -1;
    int output = -1;
    Cell cell = slide.cell();
    if (cell != null) {
      if (!rows.isEmpty()) {
        rows.add(Row.of(AttributedString.EMPTY));
      }
      code = rows.size();
      for (String line : lines(shown(cell))) {
        AttributedString text =
            new AttributedStringBuilder()
                .append("  ")
                .append(CodeHighlighter.line(cell.language(), line))
                .toAttributedString();
        wrap(text, width, rows);
      }
      if (running || result != null) {
        rows.add(Row.of(AttributedString.EMPTY));
        output = rows.size();
        output(result, running, width, rows);
      }
    }
    return new Layout(indent(rows), code, output);
  }

  private static void title(String title, int width, TitleStyle style, List<Row> rows) {
    if (title.isEmpty()) {
      return;
    }
    if (style == TitleStyle.DOUBLE_HEIGHT && title.length() <= width) {
      // a double-width character takes two columns: wrap at half the width
      for (AttributedString part : words(new AttributedString(title, TITLE), width / 2)) {
        rows.add(new Row(part, 3));
        rows.add(new Row(part, 4));
      }
    } else {
      AttributedStyle s = style == TitleStyle.PLAIN ? AttributedStyle.DEFAULT : TITLE;
      List<AttributedString> parts = words(new AttributedString(title, s), width);
      rows.addAll(parts.stream().map(Row::of).toList());
      int len = parts.stream().mapToInt(AttributedString::columnLength).max().orElse(0);
      rows.add(Row.of(new AttributedString("═".repeat(len), s)));
    }
    rows.add(Row.of(AttributedString.EMPTY));
  }

  /**
   * A line cut at spaces into lines of at most {@code width} characters (a word longer than that is
   * cut where it must be).
   */
  static List<AttributedString> words(AttributedString text, int width) {
    List<AttributedString> out = new ArrayList<>();
    String s = text.toString();
    if (s.isEmpty()) {
      out.add(text);
    }
    int start = 0;
    while (start < s.length()) {
      int end = Math.min(s.length(), start + Math.max(1, width));
      if (end < s.length()) {
        int space = s.lastIndexOf(' ', end);
        if (space > start) {
          end = space;
        }
      }
      out.add(text.subSequence(start, end));
      start = end;
      while (start < s.length() && s.charAt(start) == ' ') {
        start++;
      }
    }
    return out;
  }

  private static void output(CellResult r, boolean running, int width, List<Row> rows) {
    String label = running ? "── running… (Ctrl-C stops it) " : "── output ";
    rows.add(
        Row.of(
            new AttributedString(
                label + "─".repeat(Math.max(3, Math.min(width, 60) - label.length())), DIM)));
    if (running) {
      return;
    }
    AttributedString bar = new AttributedString("│ ", DIM);
    String text = r.output();
    if (text.isBlank() && r.message().isEmpty() && r.passed()) {
      rows.add(Row.of(new AttributedString("│ (no output)", DIM)));
    }
    if (!text.isBlank()) {
      for (String line : lines(text.stripTrailing())) {
        for (AttributedString part :
            words(new AttributedString(line.replace("\t", "    ")), width - 2)) {
          rows.add(
              Row.of(new AttributedStringBuilder().append(bar).append(part).toAttributedString()));
        }
      }
    }
    if (r.verdict() == CellResult.Verdict.SKIPPED) {
      wrap(new AttributedString("⤼ " + r.message(), DIM), width, rows);
    } else if (r.failed()) {
      wrap(new AttributedString("✗ " + r.message(), BAD), width, rows);
    } else if (!r.message().isEmpty()) {
      wrap(new AttributedString("✓ " + r.message(), GOOD), width, rows);
    }
  }

  /** What a cell shows: a console cell's commands, not the book's output under them. */
  static String shown(Cell cell) {
    if (cell.kind() != Cell.Kind.CONSOLE) {
      return cell.source();
    }
    String commands = TranscriptRunner.commands(cell.source());
    return commands.isBlank() ? cell.source() : commands;
  }

  private static List<String> lines(String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }

  private static void wrap(AttributedString line, int width, List<Row> rows) {
    if (line.columnLength() <= width) {
      rows.add(Row.of(line));
      return;
    }
    for (AttributedString part : line.columnSplitLength(width)) {
      rows.add(Row.of(part));
    }
  }

  private static List<Row> indent(List<Row> rows) {
    AttributedString margin = new AttributedString(" ".repeat(MARGIN));
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          r.text().length() == 0
              ? r
              : new Row(
                  new AttributedStringBuilder()
                      .append(margin)
                      .append(r.text())
                      .toAttributedString(),
                  r.half()));
    }
    return out;
  }
}
