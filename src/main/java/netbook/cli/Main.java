package netbook.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Logger;
import netbook.Background;
import netbook.Marks;
import netbook.NetbookException;
import netbook.engine.PullProgress;
import netbook.repl.Repl;
import netbook.repl.ReplOptions;
import netbook.repl.ScriptRunner;
import netbook.repl.Workspace;
import netbook.shell.JavaShell;
import netbook.shell.OutputRouter;
import org.jline.terminal.Terminal;
import org.jline.utils.Signals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * The command line: {@code netbook} (the REPL, or piped snippets), {@code netbook FILE.md} (step
 * through a notebook) and the subcommands. The composition root: {@link #main} makes the {@link
 * App} (streams, settings, lifecycle, …) once and every command receives it; the only class that
 * touches the process (System streams, the environment, the exit code).
 */
@Command(
    name = "netbook",
    mixinStandardHelpOptions = true,
    version = "netbook 0.1",
    description =
        "Learn and teach Docker networking: a Java REPL with a fluent Docker API, and a"
            + " notebook runner for Markdown chapters.",
    subcommands = {
      NotebookCommands.Run.class,
      NotebookCommands.Check.class,
      NotebookCommands.Record.class,
      ServeCommand.class,
      DoctorCommand.class,
      CleanupCommand.class,
      TrainCommand.class,
      ExportCommand.class,
      LearnCommand.class,
      PresentCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  private static final Set<String> SUBCOMMANDS =
      Set.of(
          "run", "check", "record", "serve", "doctor", "cleanup", "train", "export", "learn",
          "present", "help");

  @Option(
      names = "--engine",
      paramLabel = "docker|embedded|auto",
      scope = ScopeType.INHERIT,
      description = "Which engine to use (default: NETBOOK_ENGINE, else auto).")
  void engine(String engine) {
    app.options().engine = engine;
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  void verbose(boolean verbose) {
    app.options().verbose = verbose;
  }

  @Option(
      names = "--cleanup",
      description =
          "On leaving the REPL, remove the session's containers and networks without asking"
              + " (piped input always removes them at its end).")
  boolean cleanup;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE.md|DIR",
      description =
          "A notebook to step through (on a terminal; otherwise it runs), or a folder of"
              + " chapters to pick one from.")
  Path notebook;

  @Mixin StepOptions stepOptions = new StepOptions();

  private final App app;
  private volatile CompletableFuture<JavaShell> firstShell;

  /** Where the REPL's pull progress goes: lines on stderr, a status line once on a terminal. */
  private volatile Consumer<PullProgress> pullDisplay;

  private Logger debugLog; // (held: the logging framework holds its loggers only weakly)

  Main(App app) {
    this.app = app;
    this.pullDisplay = app.pullLines();
  }

  public static void main(String[] args) {
    Plain plain = plain(args);
    Prewarm.start(plain != null && plain.file != null);
    PrintStream realOut =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    // netbook's own errors and notices: on stderr, so that piped output holds only results
    PrintStream realErr =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    OutputRouter router = new OutputRouter(realOut);
    PrintStream routed = router.printStream();
    System.setOut(routed);
    System.setErr(routed);
    Settings settings;
    try {
      settings = Settings.from(System.getenv());
    } catch (NetbookException e) { // a bad NETBOOK_* value: one line, before anything else
      realErr.println("netbook: " + e.getMessage());
      System.exit(ExitCode.USAGE);
      return;
    }
    Marks marks = marks(settings.benchMarks());
    marks.first("main");
    App app =
        new App(
            settings,
            Path.of(System.getProperty("user.home")),
            realOut,
            realErr,
            router,
            new Lifecycle(realErr),
            HostName.current(System.getenv()),
            marks,
            new CommonOptions());
    Main main = new Main(app);
    main.debugLog =
        DebugLog.install(
            DebugLog.defaultFile(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")),
            app.err(),
            app::verbose);
    if (plain != null && plain.file == null && System.console() == null) {
      main.startShellEarly(); // piped snippets: the longest wait starts before anything else
    }
    app.lifecycle().install();
    int code;
    if (plain != null) {
      code = main.runPlain(plain);
    } else {
      CommandLine cl = main.commandLine();
      code = cl.execute(args);
    }
    app.lifecycle().finished();
    realOut.flush();
    realErr.flush();
    System.exit(code);
  }

  /** picocli over this command, its subcommands made with the {@link App}, errors as one line. */
  CommandLine commandLine() {
    CommandLine cl = new CommandLine(this, new AppFactory(app));
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex));
    cl.setErr(new PrintWriter(app.err(), true, StandardCharsets.UTF_8));
    return cl;
  }

  /** Makes the subcommands that take the {@link App}; anything else as picocli would. */
  private record AppFactory(App app) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(App.class);
        c.setAccessible(true);
        return c.newInstance(app);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /**
   * The commands people start most — {@code netbook} and {@code netbook FILE.md}, with no other
   * options than --engine, --verbose and --cleanup — are parsed here: picocli would spend a
   * noticeable part of a start building its model of every subcommand (its classes predate
   * class-data sharing, so they load and verify the slow way; docs/benchmarks.md has the figures).
   * Anything else, null: picocli.
   */
  static Plain plain(String[] args) {
    Plain p = new Plain();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--verbose")) {
        p.verbose = true;
      } else if (a.equals("--cleanup")) {
        p.cleanup = true;
      } else if (a.equals("--engine") && i + 1 < args.length && !args[i + 1].startsWith("-")) {
        p.engine = args[++i];
      } else if (a.startsWith("--engine=") && a.length() > "--engine=".length()) {
        p.engine = a.substring("--engine=".length());
      } else if (p.file == null && !a.isEmpty() && !a.startsWith("-") && !SUBCOMMANDS.contains(a)) {
        p.file = a;
      } else {
        return null;
      }
    }
    return p;
  }

  /** What {@link #plain} parsed. */
  static final class Plain {
    String engine;
    boolean verbose;
    boolean cleanup;
    String file;
  }

  private int runPlain(Plain p) {
    try {
      notebook = p.file == null ? null : Path.of(p.file);
      app.options().engine = p.engine;
      app.options().verbose = p.verbose;
      cleanup = p.cleanup;
      Integer code = call();
      return code == null ? ExitCode.OK : code;
    } catch (Exception ex) {
      return report(ex);
    }
  }

  /** NETBOOK_BENCH_MARKS: time stamps for bench/run, appended to that file (see {@link Marks}). */
  private static Marks marks(String file) {
    if (file.isEmpty()) {
      return Marks.NONE;
    }
    FileOutputStream marks;
    try {
      marks = new FileOutputStream(file, true); // open for the process's life
    } catch (IOException e) {
      return Marks.NONE; // a benchmark aid: never worth failing the command for
    }
    return new Marks(
        line -> {
          synchronized (marks) {
            try {
              marks.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
              // as above
            }
          }
        });
  }

  @Override
  public Integer call() throws Exception {
    app.marks().first("parsed-args");
    if (notebook != null && Files.isDirectory(notebook)) {
      return ChapterPicker.open(app, stepOptions, notebook);
    }
    if (notebook != null) {
      return NotebookCommands.step(app, stepOptions, notebook);
    }
    if (System.console() == null) {
      try (Workspace repl = startRepl()) {
        repl.begin();
        repl.beginEngine(); // piped snippets use the engine at once: open both in parallel
        return piped(repl);
      }
    }
    // the prompt first, alone: on 2 cores JShell building beside it would delay it;
    // JShell starts once the prompt is drawn (a person reads it and types meanwhile), and the
    // engine once JShell is ready
    try (Workspace repl = startRepl()) {
      try (Terminal terminal = Terminals.system()) {
        return interactive(terminal, repl);
      }
    }
  }

  /**
   * The REPL's session: JShell and the engine open in the background (see Workspace). Its pulls'
   * progress goes where {@link #pullDisplay} says when they happen (the terminal, once there is
   * one).
   */
  private Workspace startRepl() {
    return Workspace.starting(
        () -> app.openSession(app.openEngine(), false, p -> pullDisplay.accept(p)),
        this::shell,
        app.marks());
  }

  /** The JShell {@link #startShellEarly} began (the first time), else a new one. */
  private JavaShell shell() {
    CompletableFuture<JavaShell> early = firstShell;
    if (early != null) {
      firstShell = null;
      return early.join();
    }
    return app.warmShell();
  }

  /**
   * Starts building the JShell for piped snippets on its own thread at once, before the signal
   * handlers and the engine: javac's first compilation is the longest wait of a start.
   */
  private void startShellEarly() {
    firstShell =
        Background.complete("netbook-jshell-start", new CompletableFuture<>(), app::warmShell);
  }

  /** stdin is not a terminal: snippets from stdin, plain output, exit 1 if one failed. */
  private int piped(Workspace repl) throws IOException {
    PrintWriter w = new PrintWriter(app.out(), true, StandardCharsets.UTF_8);
    ScriptRunner runner = new ScriptRunner(repl, w, app.verbose());
    Lifecycle lifecycle = app.lifecycle();
    lifecycle.onInterrupt(runner::interrupt);
    lifecycle.onTerminate(runner::interrupt);
    int failed;
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      failed = runner.run(in);
    } finally {
      lifecycle.onInterrupt(null);
    }
    leavePiped(repl, w);
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }

  /** End of input: the session's containers and networks go (a Ctrl-C now exits at once). */
  private void leavePiped(Workspace repl, PrintWriter w) {
    Lifecycle lifecycle = app.lifecycle();
    lifecycle.beginCleanup(); // (a termination's hook cleans up instead: this thread waits)
    try {
      // snippets that never used the engine may end before it opened: let it open (and the crash
      // reaper it runs finish) so that every start reaps what crashed sessions left
      repl.awaitEngineSettled();
      List<String> owned = repl.owned();
      if (owned.isEmpty()) {
        return;
      }
      w.println(repl.session().cleanup());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      app.err().println("netbook: cleanup failed: " + e.getMessage());
    } finally {
      lifecycle.cleaning(false);
      w.flush();
    }
  }

  /** The REPL on the terminal. */
  private int interactive(Terminal terminal, Workspace repl) {
    app.marks().first("terminal");
    boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
    Object previous = null;
    if (dumb) {
      // a dumb terminal does not hook the OS signal: bridge SIGINT to it
      previous = Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT));
    }
    boolean color = app.color(false, !Terminal.TYPE_DUMB.equals(terminal.getType()));
    pullDisplay = App.pullStatus(terminal);
    try {
      Repl r =
          new Repl(
              terminal, repl, new ReplOptions(app.historyFile(), color, app.verbose(), cleanup));
      r.run(false);
    } finally {
      if (previous != null) {
        Signals.unregister("INT", previous);
      }
    }
    return ExitCode.OK;
  }

  /** One line for what went wrong (and the stack trace with --verbose); the exit code. */
  int report(Exception ex) {
    PrintStream err = app.err();
    if (ex instanceof NetbookException) {
      err.println("netbook: " + ex.getMessage());
      if (app.verbose()) {
        ex.printStackTrace(err);
      }
      return ExitCode.FAILED;
    }
    err.println("netbook: unexpected " + ex);
    if (app.verbose()) {
      ex.printStackTrace(err);
    } else {
      err.println("netbook: run again with --verbose for the stack trace");
    }
    return ExitCode.FAILED;
  }

  static String newSessionId() {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
