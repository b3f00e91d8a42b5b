package netbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.notebook.ConsoleTranscript;
import netbook.notebook.FileReport;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookException;
import netbook.notebook.NotebookParser;
import netbook.notebook.NotebookRunner;
import netbook.notebook.OutputRecorder;
import netbook.notebook.ReplHandoff;
import netbook.notebook.RunOptions;
import netbook.notebook.StepRunner;
import netbook.render.ImageHook;
import netbook.render.MarkdownRenderer;
import netbook.render.topology.LiveTopology;
import netbook.repl.Repl;
import netbook.repl.ReplOptions;
import netbook.repl.ReplSession;
import netbook.shell.JShellSession;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The notebook subcommands ({@code run}, {@code check}, {@code record}) and step mode. */
final class NotebookCommands {
  private NotebookCommands() {}

  @Command(name = "run", description = "Run every cell of the notebooks, without pauses.")
  static final class Run implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin NotebookOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Markdown notebooks.")
    List<Path> files;

    @Override
    public Integer call() {
      return runFiles(main, options, files, RunOptions.Mode.RUN);
    }
  }

  @Command(
      name = "check",
      description = "Run the notebooks and compare each cell's output with the recorded one.")
  static final class Check implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin NotebookOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Markdown notebooks.")
    List<Path> files;

    @Override
    public Integer call() {
      return runFiles(main, options, files, RunOptions.Mode.CHECK);
    }
  }

  @Command(name = "record", description = "Run a notebook and write its outputs into the file.")
  static final class Record implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin NotebookOptions options;

    @Parameters(arity = "1", paramLabel = "FILE", description = "A Markdown notebook.")
    Path file;

    @Override
    public Integer call() {
      return runFiles(main, options, List.of(file), RunOptions.Mode.RECORD);
    }
  }

  static RunOptions runOptions(NotebookOptions o, RunOptions.Mode mode) {
    return new RunOptions(mode, o.from, o.to, o.keep, o.verbose, RunOptions.DEFAULT_TIMEOUT);
  }

  static int runFiles(Main main, NotebookOptions o, List<Path> files, RunOptions.Mode mode) {
    main.verbose |= o.verbose;
    PrintWriter pw = new PrintWriter(main.out(), true, StandardCharsets.UTF_8);
    boolean color = !o.noColor && !main.settings().noColor() && System.console() != null;
    int width = o.width > 0 ? o.width : columns();
    List<FileReport> reports = new ArrayList<>();
    // the first notebook's JShell builds and warms up while the engine opens
    CompletableFuture<JShellSession> first =
        netbook.Background.complete(
            "netbook-jshell-warmup", new CompletableFuture<>(), main::newShell);
    java.util.concurrent.atomic.AtomicBoolean taken =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.function.Supplier<JShellSession> shells =
        () -> taken.compareAndSet(false, true) ? join(first) : new JShellSession(main.router());
    try (Engine engine = main.openEngine(o.engine)) {
      MarkdownRenderer renderer = new MarkdownRenderer(width, color, liveTopology(engine, color));
      Session session = main.newSession(engine, o.keep);
      NotebookRunner runner =
          new NotebookRunner(
              session,
              shells,
              s -> ConsoleTranscript.of(s, mode),
              pw,
              renderer,
              runOptions(o, mode));
      Lifecycle life = main.lifecycle();
      // Ctrl-C stops the running cell and the notebook goes on; with no cell running it ends the
      // run (cleaned up); during a notebook's cleanup it exits at once (the next start reaps)
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
      life.onTerminate(runner::abort);
      for (Path file : files) {
        Notebook nb;
        try {
          nb = read(file);
        } catch (NotebookException e) {
          pw.println(e.getMessage());
          reports.add(FileReport.broken(file.toString(), e.getMessage()));
          continue;
        }
        FileReport report = runner.run(nb);
        reports.add(report);
        if (mode == RunOptions.Mode.RECORD) {
          record(pw, file, nb, report);
        }
      }
    }
    if (taken.compareAndSet(false, true)) {
      first.thenAccept(JShellSession::close); // no notebook could be read
    }
    if (reports.size() > 1) {
      reports.forEach(r -> pw.println(r.summary()));
    }
    pw.println(NotebookRunner.total(reports));
    pw.flush();
    return reports.stream().anyMatch(r -> r.failed() > 0) ? Main.FAILED : Main.OK;
  }

  private static void record(PrintWriter pw, Path file, Notebook nb, FileReport report) {
    String text = OutputRecorder.apply(nb, report.outputs());
    if (text.equals(nb.text())) {
      pw.println(file + ": the recorded outputs are up to date");
      return;
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      pw.println(file + ": recorded " + report.outputs().size() + " outputs");
    } catch (IOException e) {
      throw new NotebookException(file + ": cannot write the outputs: " + e.getMessage());
    }
  }

  static Notebook read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NotebookException(
          file + ": cannot read it (" + e.getClass().getSimpleName() + "): check the path");
    }
    return NotebookParser.parse(file.getFileName().toString(), bytes);
  }

  private static int columns() {
    try {
      String c = System.getenv("COLUMNS");
      return c == null ? 80 : Math.max(40, Integer.parseInt(c.strip()));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /** Draws {@code ![topology](live)} images as the engine's network at that point. */
  static ImageHook liveTopology(Engine engine, boolean unicode) {
    return liveTopology(new java.util.concurrent.atomic.AtomicReference<>(engine), unicode);
  }

  /** As above, once the engine is open (before that, the image's placeholder). */
  static ImageHook liveTopology(
      java.util.concurrent.atomic.AtomicReference<Engine> live, boolean unicode) {
    return (alt, src, width) -> {
      Engine engine = live.get();
      if (engine == null || !LiveTopology.isLivePicture(alt, src, null)) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          LiveTopology.drawing(engine, width, unicode)
              .lines()
              .map(org.jline.utils.AttributedString::new)
              .toList());
    };
  }

  /** {@code netbook FILE.md}: step through it on a terminal; anything else runs it. */
  static int step(Main main, NotebookOptions o, Path file, ReplHandoff repl) {
    if (System.console() == null) {
      return runFiles(main, o, List.of(file), RunOptions.Mode.RUN);
    }
    main.verbose |= o.verbose;
    Notebook nb = read(file);
    netbook.BenchMarks.first("parsed");
    RunOptions options = runOptions(o, RunOptions.Mode.RUN);
    // the first prose is on screen before JShell and the engine start: then JShell (the longest
    // wait) warms up in the background while this thread opens the engine, and both are done,
    // as a rule, before the reader has read the first paragraph
    CompletableFuture<JShellSession> shells = new CompletableFuture<>();
    try (Terminal terminal = Terminals.system()) {
      netbook.BenchMarks.first("terminal");
      boolean color =
          !o.noColor && !main.settings().noColor() && !terminal.getType().startsWith("dumb");
      int width =
          o.width > 0 ? o.width : Math.max(40, terminal.getWidth() > 0 ? terminal.getWidth() : 80);
      java.util.concurrent.atomic.AtomicReference<Engine> live =
          new java.util.concurrent.atomic.AtomicReference<>();
      MarkdownRenderer renderer = new MarkdownRenderer(width, color, liveTopology(live, color));
      StepRunner.preview(terminal.writer(), renderer, nb, options);
      // JShell after the prose: on 2 cores it would delay it by a third
      netbook.Background.complete("netbook-jshell-warmup", shells, main::newShell);
      try (Engine engine = main.openEngine(o.engine);
          JShellSession shell = join(shells)) {
        live.set(engine);
        LineReader reader =
            LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("netbook")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        Session session = main.newSession(engine, false);
        NotebookRunner runner =
            new NotebookRunner(
                session,
                () -> new JShellSession(main.router()),
                s -> ConsoleTranscript.of(s, RunOptions.Mode.RUN),
                terminal.writer(),
                renderer,
                options);
        // Ctrl-C while a cell runs stops it; a dumb terminal does not hook the signal itself
        terminal.handle(Terminal.Signal.INT, sig -> runner.interrupt());
        main.lifecycle().onInterrupt(() -> terminal.raise(Terminal.Signal.INT));
        main.lifecycle().onTerminate(runner::abort);
        ReplHandoff handoff =
            repl != null
                ? repl
                : () ->
                    new Repl(
                            terminal,
                            ReplSession.of(shell, session, () -> new JShellSession(main.router())),
                            new ReplOptions(Main.historyFile(), color, main.verbose, false))
                        .run(true);
        FileReport r = new StepRunner(reader, runner, renderer, handoff).step(nb, shell, true);
        return r.failed() > 0 ? Main.FAILED : Main.OK;
      } finally {
        shells.thenAccept(JShellSession::close);
      }
    } catch (IOException e) {
      throw new NotebookException("cannot open the terminal: " + e.getMessage());
    }
  }

  private static JShellSession join(CompletableFuture<JShellSession> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
