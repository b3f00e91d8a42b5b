package netbook.repl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import netbook.render.Wrap;
import netbook.shell.EvalResult;
import netbook.shell.Outcome;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Prints what the REPL shows after an input: values, "created …" lines, errors with their caret,
 * one-line exceptions (traces when verbose), docker output, notices. Colour only when asked for (a
 * terminal, and no NO_COLOR); piped output is plain text.
 */
public final class ResultPrinter {
  static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle HEADING = AttributedStyle.BOLD;

  private final PrintWriter out;
  private final boolean color;
  private int width;
  private Pager pager = text -> false;

  /**
   * Shows text longer than the screen page by page; false when it did not (the text is printed).
   */
  @FunctionalInterface
  public interface Pager {
    boolean page(String text);
  }

  public ResultPrinter(PrintWriter out, boolean color) {
    this.out = out;
    this.color = color;
  }

  public boolean color() {
    return color;
  }

  /**
   * The terminal's width: messages, notices and help wrap at word boundaries to it. 0 (no terminal,
   * a pipe, a notebook) leaves lines as they are.
   */
  public void width(int columns) {
    width = Math.max(0, columns);
  }

  public int width() {
    return width;
  }

  /** Where long output goes: the REPL's {@link Paging} on a terminal; none by default. */
  public void pager(Pager p) {
    pager = p == null ? text -> false : p;
  }

  /**
   * Prints the result of a Java input. What snippets printed has already been echoed as they ran;
   * this adds the value, the declaration or the error of each snippet.
   */
  public void result(EvalResult r, boolean verbose) {
    for (Outcome o : r.outcomes()) {
      if (!o.output().isEmpty() && !o.output().endsWith("\n")) {
        out.println();
      }
      AttributedStyle style =
          switch (o.kind()) {
            case VALUE -> AttributedStyle.DEFAULT;
            case DONE -> FAINT;
            case REJECTED, EXCEPTION, STOPPED -> ERROR;
          };
      if (o.kind() == Outcome.Kind.VALUE && o.display().contains("\n")) {
        text(o.display()); // a Text value (inspect JSON, a table): as it is, paged when long
      } else if (!o.display().isEmpty()) {
        line(o.display(), style);
      }
      boolean showDetail = o.kind() == Outcome.Kind.REJECTED || verbose;
      if (showDetail && !o.detail().isBlank()) {
        for (String l : o.detail().stripTrailing().split("\n", -1)) {
          line(l, o.kind() == Outcome.Kind.REJECTED ? AttributedStyle.DEFAULT : FAINT);
        }
      }
    }
    if (!r.incomplete().isBlank()) {
      error("incomplete input: " + r.incomplete().strip().lines().findFirst().orElse(""));
    }
    out.flush();
  }

  /** Text as it is (docker output, tables), ending in a newline. */
  public void text(String s) {
    if (s.isEmpty()) {
      return;
    }
    out.flush();
    if (pager.page(s)) {
      return;
    }
    out.print(s);
    if (!s.endsWith("\n")) {
      out.println();
    }
    out.flush();
  }

  /** Output as it comes (a command running live): printed at once, no paging, no newline added. */
  public void stream(String s) {
    out.print(s);
    out.flush();
  }

  /** One error line. */
  public void error(String message) {
    line(message, ERROR);
    out.flush();
  }

  /** A trace under an error, shown only when verbose. */
  public void trace(Throwable t) {
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    for (String l : sw.toString().stripTrailing().split("\n")) {
      line(l.stripTrailing(), FAINT);
    }
    out.flush();
  }

  /** A one-line notice (engine state, hints). */
  public void notice(String message) {
    line(message, NOTICE);
    out.flush();
  }

  /** A line in a style (plain without colour), wrapped at word boundaries to the width. */
  public void line(String s, AttributedStyle style) {
    for (String l : Wrap.words(s, width).split("\n", -1)) {
      out.println(styled(l, style));
    }
    out.flush();
  }

  /**
   * Lines that wrap with a hanging indent: {@code :help}'s rows, descriptions under their column.
   */
  public void rows(List<String> lines, int hang) {
    for (String line : lines) {
      for (String l : Wrap.hanging(line, hang, width)) {
        out.println(l);
      }
    }
    out.flush();
  }

  /** The string with ANSI styling when colour is on, else as it is. */
  public String styled(String s, AttributedStyle style) {
    return color ? new AttributedString(s, style).toAnsi() : s;
  }

  public void flush() {
    out.flush();
  }
}
