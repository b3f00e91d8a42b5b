package netbook.notebook;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import netbook.console.Masking;
import netbook.lab.Check;
import netbook.lab.Verification;
import netbook.shell.EvalResult;
import netbook.shell.JavaShell;
import netbook.shell.Outcome;

/**
 * Runs one cell and judges it: java cells snippet by snippet in the JShell session (what snippets
 * print appears live; values and errors after each snippet), console cells through the transcript
 * runner. A cell passes when it failed exactly if it was meant to ({@code expect=fail}), and, when
 * checking, when its masked output equals the masked recorded one.
 */
public final class CellExecutor {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "netbook-cell-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final TranscriptCells transcripts;
  private final PrintWriter out;
  private final RunOptions options;
  private final Verification verification;
  private volatile JavaShell running;
  private volatile Thread runner;
  private volatile boolean busy;
  private volatile boolean interrupted;

  public CellExecutor(TranscriptCells transcripts, PrintWriter out, RunOptions options) {
    this(transcripts, out, options, new Verification());
  }

  /** With the session's {@link Verification}, which {@code {verify}} cells are judged by. */
  public CellExecutor(
      TranscriptCells transcripts, PrintWriter out, RunOptions options, Verification verification) {
    this.transcripts = transcripts;
    this.out = out;
    this.options = options;
    this.verification = verification;
  }

  private static final java.util.regex.Pattern AT_LINE =
      java.util.regex.Pattern.compile("^line (\\d+): ");

  /** An error that starts "line N: " (a console cell's failing line) names {@code file:N}. */
  static String located(String file, String error) {
    java.util.regex.Matcher m = AT_LINE.matcher(error);
    return m.find() ? file + ":" + m.group(1) + ": " + error.substring(m.end()) : error;
  }

  /**
   * Runs a cell (its own source, or {@code source} when the user edited it) and judges it; a Java
   * cell that failed says which names it left unset ({@link CellResult#unset()}).
   */
  public CellResult execute(String file, Cell cell, String source, JavaShell shell) {
    if (!cell.runnable()) {
      return new CellResult(cell, CellResult.Verdict.FAILED, "", cell.problem(), "");
    }
    boolean verify = cell.attributes().verify();
    if (verify) {
      verification.begin();
    }
    CellRun run;
    List<Check> checks = List.of();
    try {
      run = perform(cell, source, shell);
    } finally {
      if (verify) {
        checks = verification.end();
      }
    }
    CellResult r = judge(file, cell, run);
    if (verify && r.passed()) {
      r = exercise(cell, run, checks);
    }
    return run.unrun().isBlank()
        ? r
        : r.withUnset(UnsetNames.declared(shell.analysis(), run.unrun()));
  }

  /** Runs the cell: a Java cell snippet by snippet, a console cell through its transcript. */
  private CellRun perform(Cell cell, String source, JavaShell shell) {
    Duration timeout =
        cell.attributes().timeout() != null ? cell.attributes().timeout() : options.cellTimeout();
    boolean show = !cell.attributes().hidden();
    CellRun run;
    interrupted = false;
    running = shell;
    // JShell stops a Java cell itself; only a console cell's wait on the engine is interrupted
    runner = cell.kind() == Cell.Kind.JAVA ? null : Thread.currentThread();
    busy = true;
    try {
      run =
          cell.kind() == Cell.Kind.JAVA
              ? java(source, shell, timeout, show)
              : console(cell, source, timeout, show);
    } finally {
      busy = false;
      running = null;
      runner = null;
      Thread.interrupted(); // a Ctrl-C that came late must not hit the next cell
    }
    if (interrupted && run.failed() && !run.error().endsWith(JavaShell.STATE_RESET)) {
      run = new CellRun(true, run.output(), "stopped by Ctrl-C", run.unrun());
    }
    return run;
  }

  /**
   * A {@code {verify}} cell that ran: the exercise is done when every check it made passed (each
   * failed one printed its hint and what was observed).
   */
  private static CellResult exercise(Cell cell, CellRun run, List<Check> checks) {
    long failed = checks.stream().filter(c -> !c.passed()).count();
    if (checks.isEmpty()) {
      return new CellResult(
          cell,
          CellResult.Verdict.FAILED,
          run.output(),
          "this verify cell made no check: write checks like expect(reachable(\"b\", \"a\"),"
              + " \"a hint\")",
          "");
    }
    if (failed > 0) {
      return new CellResult(
          cell,
          CellResult.Verdict.FAILED,
          run.output(),
          "not done yet: "
              + failed
              + " of "
              + checks.size()
              + (checks.size() == 1 ? " check" : " checks")
              + " failed ("
              + (failed == 1 ? "the hint above says" : "the hints above say")
              + " what to change)",
          "");
    }
    return new CellResult(
        cell,
        CellResult.Verdict.PASSED,
        run.output(),
        "exercise done: "
            + (checks.size() == 1 ? "its check passes" : "all " + checks.size() + " checks pass"),
        "");
  }

  /** Whether the run is what the cell expected (failure, recorded output). */
  private CellResult judge(String file, Cell cell, CellRun run) {
    boolean show = !cell.attributes().hidden();
    if (!show && run.failed() != cell.attributes().expectFail()) {
      out.print(run.output());
    }
    out.flush();
    if (run.failed() && !cell.attributes().expectFail()) {
      return new CellResult(
          cell,
          CellResult.Verdict.FAILED,
          run.output(),
          "failed: " + located(file, run.error()),
          "");
    }
    if (!run.failed() && cell.attributes().expectFail()) {
      return new CellResult(
          cell,
          CellResult.Verdict.FAILED,
          run.output(),
          "it was expected to fail (expect=fail), but it succeeded",
          "");
    }
    if (options.mode() == RunOptions.Mode.CHECK
        && cell.recorded() != null
        && !cell.attributes().verify()) {
      String diff =
          UnifiedDiff.of(
              "recorded (line " + cell.recorded().line() + ")",
              "this run",
              normalize(cell.recorded().text()),
              normalize(OutputCap.cap(run.output())));
      if (!diff.isEmpty()) {
        return new CellResult(
            cell,
            CellResult.Verdict.FAILED,
            run.output(),
            "the output differs from the recorded one (after masking); bin/netbook record "
                + file
                + " records it anew",
            diff);
      }
    }
    // a run that did not fail but names an error differs from the book (run mode, not check)
    return new CellResult(
        cell,
        CellResult.Verdict.PASSED,
        run.output(),
        run.failed() ? "failed as expected: " + run.error() : "",
        run.failed() ? "" : run.error());
  }

  /**
   * Ctrl-C: stops the cell that runs now (a Java snippet through JShell's stop, a console cell by
   * interrupting its wait on the engine); the session and the rest of the notebook go on. False
   * when no cell was running.
   */
  public boolean interrupt() {
    if (!busy) {
      return false;
    }
    interrupted = true;
    JavaShell shell = running;
    Thread t = runner;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    } else if (shell != null) {
      shell.stop();
      // a stop that lands while javac still compiles the snippet is ignored: repeat it a little
      for (int i = 1; i <= 8; i++) {
        WATCHDOG.schedule(
            () -> {
              if (busy && interrupted && running == shell) {
                shell.stop();
              }
            },
            250L * i,
            TimeUnit.MILLISECONDS);
      }
    }
    return true;
  }

  /** Masked, with trailing blanks and blank last lines dropped: what check compares. */
  static String normalize(String output) {
    StringBuilder sb = new StringBuilder();
    for (String line : Masking.mask(output).split("\n")) {
      sb.append(line.stripTrailing()).append('\n');
    }
    String s = sb.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.equals("\n") ? "" : s;
  }

  private CellRun java(String source, JavaShell shell, Duration timeout, boolean show) {
    long deadline = System.nanoTime() + timeout.toNanos();
    StringBuilder text = new StringBuilder();
    String rest = source;
    while (!rest.isBlank()) {
      if (interrupted) {
        return new CellRun(true, text.toString(), "stopped by Ctrl-C", rest);
      }
      SourceCodeAnalysis.CompletionInfo ci = shell.analysis().analyzeCompletion(rest);
      if (ci.completeness() == Completeness.EMPTY) {
        break;
      }
      if (!ci.completeness().isComplete()) {
        String first = rest.strip().lines().findFirst().orElse("");
        String line = "incomplete input: " + first;
        text.append(line).append('\n');
        if (show) {
          out.println(line);
        }
        return new CellRun(true, text.toString(), line + " (a missing ';', ')' or '}'?)", rest);
      }
      Duration left = Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
      out.flush();
      EvalResult r;
      // JShell ignores a stop() that lands while javac still compiles the snippet: keep stopping
      // after the deadline until the snippet gives up
      ScheduledFuture<?> watchdog =
          WATCHDOG.scheduleAtFixedRate(
              shell::stop, left.toMillis() + 250, 250, TimeUnit.MILLISECONDS);
      try {
        r = shell.eval(ci.source(), left, show);
      } finally {
        watchdog.cancel(false);
      }
      text.append(r.text(false));
      if (show) {
        for (Outcome o : r.outcomes()) {
          if (!o.output().isEmpty() && !o.output().endsWith("\n")) {
            out.println();
          }
          if (!o.display().isEmpty()) {
            out.println(o.display());
          }
          boolean detail = o.kind() == Outcome.Kind.REJECTED || options.verbose();
          if (detail && !o.detail().isEmpty()) {
            out.println(o.detail().stripTrailing());
          }
        }
        out.flush();
      }
      if (r.failed()) {
        String unrun = ci.source() + ci.remaining();
        Outcome last = r.outcomes().isEmpty() ? null : r.outcomes().get(r.outcomes().size() - 1);
        if (last != null && last.stateReset()) {
          // the shell's line names what it waited (the time left); the cell's names its timeout
          String why =
              interrupted
                  ? last.display()
                  : "it ran longer than its timeout of "
                      + human(timeout)
                      + " and ignored its stop: "
                      + JavaShell.STATE_RESET;
          return new CellRun(true, text.toString(), why);
        }
        if (last != null && last.kind() == Outcome.Kind.STOPPED) {
          return new CellRun(
              true,
              text.toString(),
              "stopped: it ran longer than its timeout of "
                  + human(timeout)
                  + "; give it more with ```java {timeout=2m}",
              unrun);
        }
        return new CellRun(true, text.toString(), last == null ? "failed" : last.display(), unrun);
      }
      rest = ci.remaining();
    }
    return new CellRun(false, text.toString(), "");
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private CellRun console(Cell cell, String source, Duration timeout, boolean show) {
    Cell toRun =
        source.equals(cell.source())
            ? cell
            : new Cell(
                cell.index(),
                cell.line(),
                cell.kind(),
                cell.language(),
                source,
                cell.attributes(),
                cell.start(),
                cell.end(),
                cell.recorded(),
                cell.problem());
    CellRun run = transcripts.run(toRun, timeout);
    if (show) {
      out.print(run.output());
    }
    return run;
  }
}
