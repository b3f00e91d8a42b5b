package netbook.notebook;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import netbook.NetbookException;
import netbook.lab.CleanupReport;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.lab.Verification;
import netbook.render.CodeHighlighter;
import netbook.render.MarkdownRenderer;
import netbook.shell.JavaShell;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Runs notebooks without pauses ({@code run}, {@code check}, {@code record}): per notebook, it
 * reaps what an aborted earlier run left, labels what the notebook creates with its name, runs
 * every cell in a fresh JShell session (printing a header, the cell and its live output), and
 * removes what the notebook created unless asked to keep it. {@link #replay} runs a notebook's
 * cells into a session that already exists (the REPL's {@code :open}).
 */
public final class NotebookRunner {
  private static final System.Logger LOG = System.getLogger(NotebookRunner.class.getName());

  static final AttributedStyle HEADER = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
  static final AttributedStyle BAD = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
  static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);

  private final Session session;
  private final Supplier<JavaShell> shells;
  private final Function<Session, TranscriptCells> transcripts;
  private final PrintWriter out;
  private final MarkdownRenderer renderer;
  private final RunOptions options;
  private final CellExecutor executor;
  private boolean showChanges = true;
  private boolean changesStarted;
  private volatile boolean aborted;
  private volatile boolean cleaning;
  private volatile Runnable beforeCleanup = () -> {};
  private volatile Runnable afterCleanup = () -> {};
  private volatile Consumer<CellResult> afterCell = r -> {};

  public NotebookRunner(
      Session session,
      Supplier<JavaShell> shells,
      Function<Session, TranscriptCells> transcripts,
      PrintWriter out,
      MarkdownRenderer renderer,
      RunOptions options) {
    this.session = session;
    this.shells = shells;
    this.transcripts = transcripts;
    this.out = out;
    this.renderer = renderer;
    this.options = options;
    this.executor =
        new CellExecutor(transcripts.apply(session), out, options, Verification.of(session));
  }

  /** Whether a line per topology change follows each cell (+ container_a joined my_bridge …). */
  public NotebookRunner showChanges(boolean on) {
    this.showChanges = on;
    return this;
  }

  /** The session the notebooks run in. */
  public Session session() {
    return session;
  }

  public RunOptions options() {
    return options;
  }

  public CellExecutor executor() {
    return executor;
  }

  /** Ctrl-C: cancels a pull in progress, stops the running cell; the notebook goes on. */
  public boolean interrupt() {
    session.cancelPulls();
    return executor.interrupt();
  }

  /**
   * The process is being terminated: stops the running cell and runs no further cell (they are
   * reported as skipped).
   */
  public void abort() {
    aborted = true;
    session.cancelPulls();
    executor.interrupt();
  }

  /**
   * What the process does around a notebook's own cleanup: the CLI's {@code before} does not return
   * while a termination's shutdown hook cleans the session up (the two must not race on the session
   * and its engine).
   */
  public void aroundCleanup(Runnable before, Runnable after) {
    beforeCleanup = before;
    afterCleanup = after;
  }

  /**
   * Called after each cell of {@link #replay} ran (or was skipped), before the next: {@code export}
   * draws the network there.
   */
  public NotebookRunner afterEachCell(Consumer<CellResult> listener) {
    this.afterCell = listener;
    return this;
  }

  /** Whether a notebook's end is removing what it created right now. */
  public boolean cleaning() {
    return cleaning;
  }

  /** Runs a whole notebook with its own JShell session, cleaning up after it. */
  public FileReport run(Notebook nb) {
    println(
        new AttributedStringBuilder()
            .styled(AttributedStyle.BOLD, "▶ " + nb.file() + " — " + nb.title())
            .toAttributedString());
    begin(nb);
    try (JavaShell shell = shells.get()) {
      shell.foldVariables(); // its own shell, closed after: a long notebook stays linear
      return replay(nb, bind(shell));
    } catch (NetbookException e) {
      return FileReport.broken(nb.file(), e.getMessage());
    } finally {
      end(nb, options.keep());
    }
  }

  /**
   * Prepares a notebook's run: reports its problems, reaps stale resources of an aborted earlier
   * run, and labels what it creates from now on with its name.
   */
  public void begin(Notebook nb) {
    for (NotebookProblem p : nb.problems()) {
      // a cell that cannot run says its problem when it fails; notes and warnings show here
      if (nb.cells().stream().noneMatch(c -> c.line() == p.line() && !c.runnable())) {
        println(new AttributedString(p.toString(), BAD));
      }
    }
    String reaped =
        StaleResources.reap(
            session.engine(),
            nb.name(),
            pid -> pid == session.config().pid() || StaleResources.alive(pid),
            session.kept().ids());
    if (!reaped.isEmpty()) {
      println(new AttributedString(reaped));
    }
    session.notebook(nb.name());
    if (showChanges) {
      try {
        session.changes().restart(session.engine());
        changesStarted = true;
      } catch (NetbookException e) {
        changesStarted = false;
      }
    }
  }

  /** Makes the shell's snippets work on this runner's session (the lab API's binding). */
  public JavaShell bind(JavaShell shell) {
    shell.scope(Lab.scope(session));
    return shell;
  }

  /** Ends a notebook's run: removes what it created (unless kept), and stops labelling. */
  public void end(Notebook nb, boolean keep) {
    beforeCleanup.run();
    cleaning = true;
    try {
      if (!keep && nb.cleanup()) {
        CleanupReport r = session.cleanup();
        if (!r.nothing()) {
          println(new AttributedString(nb.file() + ": " + r, AttributedStyle.DEFAULT.faint()));
        }
      } else {
        session.keep();
        println(
            new AttributedString(
                nb.file()
                    + ": kept what it created (--keep): the next start lists it, cleanup()"
                    + " removes it"));
      }
    } catch (NetbookException e) {
      println(new AttributedString(nb.file() + ": cleanup failed: " + e.getMessage(), BAD));
    } finally {
      cleaning = false;
      afterCleanup.run();
      session.notebook("");
    }
  }

  /** Runs a notebook's cells (within --from/--to) into an existing JShell session. */
  public FileReport replay(Notebook nb, JavaShell shell) {
    bind(shell);
    List<CellResult> results = new ArrayList<>();
    UnsetNames unset = new UnsetNames();
    for (Cell cell : nb.cells()) {
      if (aborted) {
        results.add(new CellResult(cell, CellResult.Verdict.SKIPPED, "", "terminated", ""));
        continue;
      }
      if (!options.inRange(cell.index())) {
        results.add(
            new CellResult(cell, CellResult.Verdict.SKIPPED, "", "outside --from/--to", ""));
        continue;
      }
      CellResult r = runTracked(nb, cell, shell, unset);
      results.add(r);
      afterCell.accept(r);
    }
    FileReport report = new FileReport(nb.file(), results, "");
    println(summaryLine(report));
    return report;
  }

  /**
   * Runs a cell unless it uses a Java name that an earlier cell failed to set (then it is skipped,
   * with the reason, and leaves its own names unset in turn); keeps track of the names it sets and
   * leaves unset.
   */
  private CellResult runTracked(Notebook nb, Cell cell, JavaShell shell, UnsetNames unset) {
    boolean java = cell.kind() == Cell.Kind.JAVA && cell.runnable() && !cell.attributes().skip();
    boolean console =
        cell.kind() == Cell.Kind.CONSOLE && cell.runnable() && !cell.attributes().skip();
    Set<String> declared =
        java && !unset.isEmpty() ? UnsetNames.declared(shell.analysis(), cell.source()) : Set.of();
    Optional<String> why =
        java
            ? unset.skipReason(cell.source(), declared)
            : console ? unset.consoleSkipReason(cell.source()) : Optional.empty();
    if (why.isPresent()) {
      println(header(nb, cell, " skipped"));
      println(new AttributedString("⤼ skipped: " + why.get(), AttributedStyle.DEFAULT.faint()));
      unset.unset(declared, where(nb, cell) + " did not set: it was skipped");
      return new CellResult(cell, CellResult.Verdict.SKIPPED, "", why.get(), "");
    }
    CellResult r = runCell(nb, cell, cell.source(), shell);
    if (java) {
      unset.set(declared);
      unset.unset(r.unset(), where(nb, cell) + " failed to set");
      Set<String> made = UnsetNames.containerNames(cell.source());
      if (r.passed()) {
        unset.made(made);
      } else if (!cell.attributes().expectFail()) {
        // what it made before it failed is there, and this session's
        unset.made(made.stream().filter(this::ours).collect(Collectors.toSet()));
        unset.unmade(
            made.stream().filter(n -> !ours(n)).collect(Collectors.toSet()),
            where(nb, cell) + " failed to make");
      }
    } else if (console && r.passed()) {
      unset.made(UnsetNames.consoleNames(cell.source()));
    }
    return r;
  }

  /** Whether this session has a container of that name. */
  private boolean ours(String container) {
    try {
      return session
          .engine()
          .findContainer(container)
          .filter(c -> session.owns(c.labels()))
          .isPresent();
    } catch (NetbookException e) {
      return false;
    }
  }

  private static String where(Notebook nb, Cell cell) {
    return "cell " + cell.index() + " (" + nb.file() + ":" + cell.line() + ")";
  }

  /** Shows a cell's header and code, runs it, and says how it went. */
  public CellResult runCell(Notebook nb, Cell cell, String source, JavaShell shell) {
    if (cell.attributes().skip()) {
      println(header(nb, cell, " skipped (skip)"));
      return new CellResult(cell, CellResult.Verdict.SKIPPED, "", "skip", "");
    }
    if (!cell.attributes().hidden()) {
      println(header(nb, cell, ""));
      showCode(cell.language(), source);
    }
    CellResult r = executor.execute(nb.file(), cell, source, shell);
    report(nb, r);
    reportChanges();
    return r;
  }

  private void reportChanges() {
    if (!showChanges) {
      return;
    }
    try {
      if (!changesStarted) {
        session.changes().restart(session.engine());
        changesStarted = true;
        return;
      }
      for (String line : session.changes().next(session.engine()).lines()) {
        println(new AttributedString("  " + line, AttributedStyle.DEFAULT.faint()));
      }
    } catch (NetbookException e) {
      // the cell's own result already said what is wrong with the engine
      LOG.log(Level.DEBUG, "no topology changes after the cell", e);
    }
  }

  void report(Notebook nb, CellResult r) {
    if (r.failed()) {
      println(new AttributedString("✗ " + r.cell().where(nb.file()) + ": " + r.message(), BAD));
      if (!r.diff().isEmpty()) {
        for (String line : r.diff().split("\n")) {
          AttributedStyle s =
              line.startsWith("+") ? GOOD : line.startsWith("-") ? BAD : AttributedStyle.DEFAULT;
          println(new AttributedString(line, s));
        }
      }
    } else if (!r.message().isEmpty()) {
      println(new AttributedString("✓ " + r.message(), GOOD));
    }
  }

  AttributedString header(Notebook nb, Cell cell, String suffix) {
    String text =
        "── cell " + cell.index() + " (" + nb.file() + ":" + cell.line() + ")" + suffix + " ──";
    return new AttributedString(text, HEADER);
  }

  void showCode(String language, String source) {
    String body = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
    for (String line : body.split("\n", -1)) {
      println(CodeHighlighter.line(language, line));
    }
  }

  AttributedString summaryLine(FileReport r) {
    return new AttributedString(r.summary(), r.failed() == 0 ? GOOD : BAD);
  }

  void println(AttributedString s) {
    out.println(renderer.toText(s));
    out.flush();
    options.marks().first("output");
  }

  /** "exercises: 3 of 4 done" when the notebooks have {@code {verify}} cells. */
  public static Optional<String> exercises(List<FileReport> reports) {
    long all = reports.stream().mapToLong(FileReport::exercises).sum();
    long done = reports.stream().mapToLong(FileReport::exercisesDone).sum();
    return all == 0 ? Optional.empty() : Optional.of("exercises: " + done + " of " + all + " done");
  }

  /** The final line CI parses: exactly "N passed, N failed". */
  public static String total(List<FileReport> reports) {
    long passed = reports.stream().mapToLong(FileReport::passed).sum();
    long failed = reports.stream().mapToLong(FileReport::failed).sum();
    return passed + " passed, " + failed + " failed";
  }
}
