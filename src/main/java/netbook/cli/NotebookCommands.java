package netbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netbook.notebook.AtomicFile;
import netbook.notebook.FileReport;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookException;
import netbook.notebook.NotebookParser;
import netbook.notebook.NotebookRunner;
import netbook.notebook.OutputRecorder;
import netbook.notebook.ReplHandoff;
import netbook.notebook.RunOptions;
import netbook.notebook.Solutions;
import netbook.notebook.StepRunner;
import netbook.render.MarkdownRenderer;
import netbook.repl.Repl;
import netbook.repl.ReplOptions;
import netbook.repl.Workspace;
import netbook.shell.JavaShell;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The notebook subcommands ({@code run}, {@code check}, {@code record}) and step mode. */
final class NotebookCommands {
  private NotebookCommands() {}

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Run every cell of the notebooks, without pauses.")
  static final class Run implements Callable<Integer> {
    private final App app;
    @Mixin StepOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Markdown notebooks.")
    List<Path> files;

    @Option(
        names = "--cast",
        paramLabel = "OUT.cast",
        description = "Also record the run as an asciicast v2 file (asciinema play OUT.cast).")
    Path cast;

    Run(App app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      return runFiles(app, options, files, RunOptions.Mode.RUN, cast);
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Run the notebooks and compare each cell's output with the recorded one.")
  static final class Check implements Callable<Integer> {
    private final App app;
    @Mixin StepOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Markdown notebooks.")
    List<Path> files;

    Check(App app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      return runFiles(app, options, files, RunOptions.Mode.CHECK);
    }
  }

  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description = "Run a notebook and write its outputs into the file.")
  static final class Record implements Callable<Integer> {
    private final App app;
    @Mixin StepOptions options;

    @Parameters(arity = "1", paramLabel = "FILE", description = "A Markdown notebook.")
    Path file;

    Record(App app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      return runFiles(app, options, List.of(file), RunOptions.Mode.RECORD);
    }
  }

  /** {@code run}, {@code check}, {@code record}: every cell of every file, no pauses. */
  static int runFiles(App app, StepOptions o, List<Path> files, RunOptions.Mode mode) {
    return runFiles(app, o, files, mode, (Path) null);
  }

  /** As above; with {@code cast} (null for none), the run is recorded into that file too. */
  static int runFiles(App app, StepOptions o, List<Path> files, RunOptions.Mode mode, Path cast) {
    int width = o.width > 0 ? o.width : columns();
    if (cast == null) {
      return runWith(app, o, files, mode, new PrintWriter(app.out(), true, StandardCharsets.UTF_8));
    }
    try (CastSession recording = CastSession.start(app, cast, width, files)) {
      return runWith(app, o, files, mode, recording.writer());
    }
  }

  private static int runWith(
      App app, StepOptions o, List<Path> files, RunOptions.Mode mode, PrintWriter pw) {
    boolean color = app.color(o.noColor, System.console() != null);
    int width = o.width > 0 ? o.width : columns();
    List<FileReport> reports = new ArrayList<>();
    try (NotebookSetup setup = new NotebookSetup(app, width, color)) {
      NotebookRunner runner = setup.open(o.runOptions(mode, app), pw);
      onInterrupt(app, runner);
      for (Path file : files) {
        Notebook nb;
        try {
          nb = solved(o, file, read(file));
        } catch (NotebookException e) {
          pw.println(e.getMessage());
          reports.add(FileReport.broken(file.toString(), e.getMessage()));
          continue;
        }
        FileReport report = runner.run(nb);
        reports.add(report);
        if (mode == RunOptions.Mode.RUN) {
          Learner.record(app, o, file, nb, report);
        }
        if (mode == RunOptions.Mode.RECORD) {
          record(pw, file, nb, report);
        }
      }
    }
    if (reports.size() > 1) {
      reports.forEach(r -> pw.println(r.summary()));
    }
    NotebookRunner.exercises(reports).ifPresent(pw::println);
    pw.println(NotebookRunner.total(reports));
    pw.flush();
    return reports.stream().anyMatch(r -> r.failed() > 0) ? ExitCode.FAILED : ExitCode.OK;
  }

  /**
   * Ctrl-C stops the running cell and the notebook goes on; with no cell running it ends the run
   * (cleaned up); during a notebook's cleanup it exits at once (the next start reaps).
   */
  static void onInterrupt(App app, NotebookRunner runner) {
    Lifecycle life = app.lifecycle();
    life.onInterrupt(
        () -> {
          if (runner.cleaning()) {
            life.cleaning(true);
            life.interrupt();
          }
          if (!runner.interrupt()) {
            // no cell runs (JShell starting, between cells): Ctrl-C ends the run, cleaned up
            Lifecycle.exitInterrupted();
          }
        });
  }

  private static void record(PrintWriter pw, Path file, Notebook nb, FileReport report) {
    String text = OutputRecorder.apply(nb, report.outputs());
    if (text.equals(nb.text())) {
      pw.println(file + ": the recorded outputs are up to date");
      return;
    }
    try {
      AtomicFile.write(file, text);
      pw.println(file + ": recorded " + report.outputs().size() + " outputs");
    } catch (IOException e) {
      throw new NotebookException(
          file
              + ": cannot write the outputs ("
              + netbook.Problems.io(e)
              + "): the notebook is unchanged; free some space or check the permissions");
    }
  }

  static Notebook read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NotebookException(
          file + ": cannot read it: " + netbook.Problems.io(e) + "; check the path");
    }
    return NotebookParser.parse(file.getFileName().toString(), bytes);
  }

  /** {@code r} at a notebook's prompt: the REPL on this terminal, in the notebook's session. */
  static ReplHandoff replHandoff(
      App app, Terminal terminal, JavaShell shell, NotebookRunner runner, boolean color) {
    return () ->
        new Repl(
                terminal,
                Workspace.of(shell, runner.session(), app::newShell),
                new ReplOptions(app.historyFile(), color, app.verbose(), false))
            .run(true);
  }

  /** The notebook with its exercises' solutions put in, when --solutions names their folder. */
  static Notebook solved(StepOptions o, Path file, Notebook nb) {
    if (o.solutions == null) {
      return nb;
    }
    Path s = o.solutions.resolve(file.getFileName().toString());
    if (!Files.isRegularFile(s)) {
      if (nb.cells().stream().anyMatch(c -> c.attributes().verify())) {
        throw new NotebookException(
            file + ": its solutions are not at " + s + "; give --solutions the folder they are in");
      }
      return nb;
    }
    return Solutions.apply(nb, read(s));
  }

  static int columns() {
    try {
      String c = System.getenv("COLUMNS");
      return c == null ? 80 : Math.max(40, Integer.parseInt(c.strip()));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /** {@code netbook FILE.md}: step through it on a terminal; anything else runs it. */
  static int step(App app, StepOptions o, Path file) {
    if (System.console() == null) {
      int code = runFiles(app, o, List.of(file), RunOptions.Mode.RUN);
      String next = ChapterPicker.nextLine(file);
      if (code == ExitCode.OK && !next.isEmpty()) {
        app.out().println(next);
      }
      return code;
    }
    Notebook nb = solved(o, file, read(file));
    app.marks().first("parsed");
    RunOptions options = o.runOptions(RunOptions.Mode.RUN, app);
    try (Terminal terminal = Terminals.system()) {
      app.marks().first("terminal");
      boolean color = app.color(o.noColor, !terminal.getType().startsWith("dumb"));
      int width =
          o.width > 0 ? o.width : Math.max(40, terminal.getWidth() > 0 ? terminal.getWidth() : 80);
      try (NotebookSetup setup = new NotebookSetup(app, width, color)) {
        MarkdownRenderer renderer = setup.renderer();
        // the first prose is on screen before JShell and the engine start (on 2 cores JShell would
        // delay it); both are ready, as a rule, before the reader has read it
        StepRunner.preview(terminal.writer(), renderer, nb, options);
        NotebookRunner runner = setup.open(options, terminal.writer(), App.pullStatus(terminal));
        try (JavaShell shell = setup.shell()) {
          LineReader reader =
              LineReaderBuilder.builder()
                  .terminal(terminal)
                  .appName("netbook")
                  .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                  .build();
          // Ctrl-C while a cell runs stops it; a dumb terminal does not hook the signal itself
          terminal.handle(Terminal.Signal.INT, sig -> runner.interrupt());
          app.lifecycle().onInterrupt(() -> terminal.raise(Terminal.Signal.INT));
          ReplHandoff handoff = replHandoff(app, terminal, shell, runner, color);
          FileReport r = new StepRunner(reader, runner, renderer, handoff).step(nb, shell, true);
          Learner.record(app, o, file, nb, r);
          String next = ChapterPicker.nextLine(file);
          if (netbook.notebook.Progress.completes(nb, r) && !next.isEmpty()) {
            terminal.writer().println(next); // (not after a q at cell 1)
            terminal.flush();
          }
          return r.failed() > 0 ? ExitCode.FAILED : ExitCode.OK;
        }
      }
    } catch (IOException e) {
      throw new NotebookException("cannot open the terminal: " + e.getMessage());
    }
  }
}
