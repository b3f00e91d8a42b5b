package netbook.notebook;

import java.time.Duration;
import java.util.List;
import netbook.NetbookException;
import netbook.console.TranscriptResult;
import netbook.console.TranscriptRunner;
import netbook.console.TranscriptStep;
import netbook.lab.Session;

/**
 * Console cells through the console package's {@link TranscriptRunner}: {@code $ docker …} lines
 * run, lines after {@code docker attach X} with a container prompt run inside X, the rest is the
 * book's output. A command that exits non-zero fails the cell; when checking ({@code strict}), so
 * does live output that differs in substance from the book's; when running, such a cell passes with
 * the difference as its error line, which the run's summary counts apart.
 */
public final class ConsoleTranscript implements TranscriptCells {
  private final TranscriptRunner runner;
  private final boolean strict;

  public ConsoleTranscript(TranscriptRunner runner, boolean strict) {
    this.runner = runner;
    this.strict = strict;
  }

  /** The transcript runner of a session, strict when the mode is check. */
  public static ConsoleTranscript of(Session session, RunOptions.Mode mode) {
    return new ConsoleTranscript(TranscriptRunner.of(session), mode == RunOptions.Mode.CHECK);
  }

  @Override
  public CellRun run(Cell cell, Duration timeout) {
    TranscriptResult r;
    try {
      String script = PromptlessScript.dockerLines(cell.source());
      boolean promptless = PromptlessScript.applies(cell.language(), cell.source());
      r = runner.run(promptless && script != null ? script : cell.source());
    } catch (NetbookException e) {
      return new CellRun(true, e.getMessage() + "\n", e.getMessage());
    }
    StringBuilder out = new StringBuilder();
    for (TranscriptStep s : r.steps()) {
      out.append(s).append('\n');
    }
    if (!r.failures().isEmpty()) {
      TranscriptStep f = r.failures().get(0);
      String why =
          f.exitCode() == 1
                  && f.live().strip().lines().count() == 1
                  && f.live().contains("unclosed ")
              ? f.live().strip()
              : f.promptLine() + " exited with " + f.exitCode();
      return new CellRun(true, out.toString(), at(cell, f) + why);
    }
    if (r.differs()) {
      // check fails on it; run says so and counts it apart ("1 differs from the book")
      TranscriptStep d =
          r.steps().stream().filter(TranscriptStep::differs).findFirst().orElseThrow();
      return new CellRun(
          strict, out.toString(), d.promptLine() + ": the live output differs from the book's");
    }
    return new CellRun(false, out.toString(), "");
  }

  /**
   * "line N: " for the file line of the step's command (the first line of the cell that holds it),
   * which {@link CellExecutor} turns into {@code file:N}; "" when it cannot be found.
   */
  static String at(Cell cell, TranscriptStep step) {
    List<String> lines = cell.source().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!step.command().isEmpty() && lines.get(i).contains(step.command())) {
        return "line " + (cell.line() + 1 + i) + ": ";
      }
    }
    return "";
  }
}
