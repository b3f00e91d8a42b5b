package netbook.notebook;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netbook.console.TranscriptRunner;
import netbook.render.MarkdownRenderer;
import netbook.shell.JavaShell;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.MaskingCallback;
import org.jline.reader.UserInterruptException;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Interactive step mode: the prose before a cell, then the cell with a prompt — Enter runs it,
 * {@code s} skips, {@code e} edits it in the line editor before running, {@code b} goes back,
 * {@code g N} jumps to cell N, {@code r} drops into the REPL ({@code :continue} returns), {@code q}
 * quits (with cleanup). Hidden cells run without a prompt. A {@code {verify}} cell that fails keeps
 * the learner there: {@code r} to fix it in the REPL, Enter to verify again.
 */
public final class StepRunner {
  static final String PROMPT =
      "[Enter] run · s skip · e edit · b back · g N jump · r REPL · q quit > ";

  /** After a verify cell failed: fix it in the REPL, then verify again. */
  static final String VERIFY_PROMPT =
      "[Enter] verify again · r REPL to fix it · s skip · b back · q quit > ";

  private final LineReader reader;
  private final PrintWriter out;
  private final NotebookRunner runner;
  private final MarkdownRenderer renderer;
  private final ReplHandoff repl;
  private CellCreations creations;

  public StepRunner(
      LineReader reader, NotebookRunner runner, MarkdownRenderer renderer, ReplHandoff repl) {
    this.reader = reader;
    this.out = reader.getTerminal().writer();
    this.runner = runner;
    this.renderer = renderer;
    this.repl = repl;
  }

  /** Steps through a notebook in this JShell session; cleans up at the end unless {@code keep}. */
  public FileReport step(Notebook nb, JavaShell shell) {
    return step(nb, shell, false);
  }

  /**
   * Shows a notebook's title and the prose before its first cell in range — what the reader sees
   * first — before anything else is ready: {@code bin/netbook FILE.md} prints it while JShell and
   * the engine are still starting, then calls {@link #step(Notebook, JavaShell, boolean)} with
   * {@code previewed}.
   */
  public static void preview(
      PrintWriter out, MarkdownRenderer renderer, Notebook nb, RunOptions options) {
    out.println(
        renderer.toText(
            new AttributedString("▶ " + nb.file() + " — " + nb.title(), AttributedStyle.BOLD)));
    int first = firstInRange(nb, options);
    String prose = proseBeforeCells(nb).get(first);
    if (!prose.isBlank()) {
      out.print(renderer.toText(renderer.render(prose)));
    }
    out.flush();
    options.marks().first("prose");
  }

  private static int firstInRange(Notebook nb, RunOptions options) {
    for (int p = 0; p < nb.cells().size(); p++) {
      if (options.inRange(nb.cells().get(p).index())) {
        return p;
      }
    }
    return nb.cells().size();
  }

  /**
   * Steps through a notebook; {@code previewed}: {@link #preview} has shown its title and first
   * prose already.
   */
  public FileReport step(Notebook nb, JavaShell shell, boolean previewed) {
    runner.bind(shell);
    List<String> proseBefore = proseBeforeCells(nb);
    Map<Integer, CellResult> results = new LinkedHashMap<>();
    if (!previewed) {
      runner.println(
          new AttributedString("▶ " + nb.file() + " — " + nb.title(), AttributedStyle.BOLD));
    }
    runner.begin(nb);
    creations = new CellCreations(runner.session());
    try {
      int pos = 0;
      boolean quit = false;
      int unverified = -1; // the verify cell that failed and waits for the learner's fix
      int shownProse = previewed ? firstInRange(nb, runner.options()) : -1;
      while (pos < nb.cells().size() && !quit) {
        Cell cell = nb.cells().get(pos);
        if (!runner.options().inRange(cell.index())) {
          pos++;
          continue;
        }
        if (shownProse != pos) {
          prose(proseBefore.get(pos));
          shownProse = pos;
        }
        if (cell.attributes().hidden() || cell.attributes().skip()) {
          Set<String> before = again(cell);
          results.put(cell.index(), runner.runCell(nb, cell, cell.source(), shell));
          creations.record(cell.index(), before);
          pos++;
          continue;
        }
        boolean again = unverified == pos;
        if (!again) {
          runner.println(runner.header(nb, cell, ""));
          runner.showCode(cell.language(), shown(cell));
        }
        String answer;
        try {
          answer = reader.readLine(again ? VERIFY_PROMPT : PROMPT).strip();
        } catch (UserInterruptException | EndOfFileException e) {
          answer = "q";
        }
        switch (answer.isEmpty() ? "" : answer.substring(0, 1)) {
          case "" -> {
            CellResult r = run(nb, cell, cell.source(), shell);
            results.put(cell.index(), r);
            if (cell.attributes().verify() && r.failed()) {
              unverified = pos; // the learner fixes it (r) and verifies again (Enter)
            } else {
              unverified = -1;
              pos++;
            }
          }
          case "s" -> {
            if (unverified != pos) {
              results.put(cell.index(), skipped(cell, "skipped at the prompt"));
            }
            unverified = -1;
            pos++;
          }
          case "e" -> {
            String edited = edit(cell.source());
            if (edited != null) {
              results.put(cell.index(), run(nb, cell, edited, shell));
              pos++;
            }
          }
          case "b" -> {
            pos = previous(nb, pos);
            unverified = -1;
          }
          case "g" -> {
            pos = jump(nb, answer, pos);
            unverified = -1;
          }
          case "r" -> enterRepl();
          case "q" -> quit = true;
          default ->
              say(
                  "unknown answer '"
                      + answer
                      + "': press Enter to run the cell, or s, e, b, g N, r, q");
        }
      }
      if (!quit) {
        prose(proseBefore.get(nb.cells().size()));
      }
    } finally {
      runner.end(nb, runner.options().keep());
    }
    List<CellResult> all = new ArrayList<>();
    for (Cell c : nb.cells()) {
      all.add(results.getOrDefault(c.index(), skipped(c, "not run")));
    }
    FileReport report = new FileReport(nb.file(), all, "");
    runner.println(runner.summaryLine(report));
    NotebookRunner.exercises(List.of(report)).ifPresent(this::say);
    return report;
  }

  private CellResult run(Notebook nb, Cell cell, String source, JavaShell shell) {
    Set<String> before = again(cell);
    CellResult r = runner.executor().execute(nb.file(), cell, source, shell);
    creations.record(cell.index(), before);
    runner.report(nb, r);
    compare(r, source.equals(cell.source()));
    return r;
  }

  /**
   * A Java cell that ran as written next to the output the book recorded after it: a quiet ✓ when
   * they are equal once ids, addresses, MACs and times are masked, else one compact diff. (Check
   * mode compares every cell itself; console cells mark their differences line by line.)
   */
  private void compare(CellResult r, boolean asWritten) {
    Cell cell = r.cell();
    if (cell.kind() != Cell.Kind.JAVA
        || cell.recorded() == null
        || !asWritten
        || !r.passed()
        || runner.options().mode() == RunOptions.Mode.CHECK) {
      return;
    }
    String diff =
        UnifiedDiff.of(
            "the book (line " + cell.recorded().line() + ")",
            "live",
            CellExecutor.normalize(cell.recorded().text()),
            CellExecutor.normalize(OutputCap.cap(r.output())));
    if (diff.isEmpty()) {
      say("✓ as in the book");
      return;
    }
    say("≠ differs from the book (ids, addresses, MACs and times aside):");
    for (String line : diff.split("\n")) {
      say(line);
    }
  }

  /**
   * Before a cell runs: what it created when it ran before is removed (one line says so); returns
   * what this session has now, to tell what the run creates.
   */
  private Set<String> again(Cell cell) {
    String replaced = creations.replace(cell.index());
    if (!replaced.isEmpty()) {
      say(replaced);
    }
    return creations.snapshot();
  }

  /**
   * What the prompt shows of a cell: a console cell's commands without the book's output under them
   * (the live output follows when it runs, and where it differs in substance the book's lines are
   * marked beside it), unless the cell is nothing but output.
   */
  static String shown(Cell cell) {
    if (cell.kind() != Cell.Kind.CONSOLE) {
      return cell.source();
    }
    String commands = TranscriptRunner.commands(cell.source());
    return commands.isBlank() ? cell.source() : commands;
  }

  private static CellResult skipped(Cell cell, String why) {
    return new CellResult(cell, CellResult.Verdict.SKIPPED, "", why, "");
  }

  private String edit(String source) {
    String buffer = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
    try {
      return reader.readLine("edit> ", null, (MaskingCallback) null, buffer);
    } catch (UserInterruptException | EndOfFileException e) {
      say("edit cancelled");
      return null;
    }
  }

  private int previous(Notebook nb, int pos) {
    for (int p = pos - 1; p >= 0; p--) {
      Cell c = nb.cells().get(p);
      if (runner.options().inRange(c.index()) && !c.attributes().hidden()) {
        return p;
      }
    }
    say("this is the first cell");
    return pos;
  }

  private int jump(Notebook nb, String answer, int pos) {
    String arg = answer.substring(1).strip();
    try {
      int n = Integer.parseInt(arg);
      if (n >= 1 && n <= nb.cells().size()) {
        return n - 1;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    say("g needs a cell number from 1 to " + nb.cells().size() + ", like g 3");
    return pos;
  }

  private void enterRepl() {
    if (repl == null) {
      say("the REPL is not available here");
      return;
    }
    say("the REPL, with everything the cells defined; :continue returns to the notebook");
    repl.enter();
  }

  private void prose(String markdown) {
    if (!markdown.isBlank()) {
      out.print(renderer.toText(renderer.render(markdown)));
      out.flush();
      runner.options().marks().first("prose");
    }
  }

  private void say(String line) {
    runner.println(new AttributedString(line, AttributedStyle.DEFAULT.faint()));
  }

  /** For each cell, the prose just before it; the last entry is the prose after the last cell. */
  static List<String> proseBeforeCells(Notebook nb) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (Part p : nb.parts()) {
      if (p instanceof Part.Prose prose) {
        cur.append(prose.markdown());
      } else {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
