package netbook.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.repl.Repl;
import netbook.repl.ReplOptions;
import netbook.repl.ReplSession;
import netbook.repl.ScriptRunner;
import netbook.shell.JShellSession;
import netbook.shell.OutputRouter;
import org.jline.terminal.Terminal;
import org.jline.utils.Signals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code netbook} (the REPL, or piped snippets), {@code netbook FILE.md} (step
 * through a notebook). The only class that touches the process: System streams, the environment and
 * the exit code.
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
      TrainCommand.class
    })
public final class Main implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Option(
      names = "--engine",
      paramLabel = "docker|embedded|auto",
      description = "Which engine to use (default: NETBOOK_ENGINE, else auto).")
  String engine;

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;

  @Option(
      names = "--cleanup",
      description =
          "On leaving the REPL, remove the session's containers and networks without asking"
              + " (piped input always removes them at its end).")
  boolean cleanup;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE.md",
      description = "A notebook to step through (on a terminal; otherwise it runs).")
  Path notebook;

  @Mixin StepOptions stepOptions = new StepOptions();

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final Lifecycle lifecycle;
  private final String host;

  Main(Settings settings, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.lifecycle = new Lifecycle(err);
    this.host = HostName.current(System.getenv());
  }

  public static void main(String[] args) {
    Plain plain = plain(args);
    Prewarm.start(plain != null && plain.file != null);
    PrintStream realOut =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    OutputRouter router = new OutputRouter(realOut);
    PrintStream routed = router.printStream();
    System.setOut(routed);
    System.setErr(routed);
    Settings settings = Settings.from(System.getenv());
    benchMarks(settings.benchMarks());
    Main main = new Main(settings, realOut, realOut);
    main.router = router;
    if (plain != null && plain.file == null && System.console() == null) {
      main.startShellEarly(); // piped snippets: the longest wait starts before anything else
    }
    main.lifecycle.install();
    int code;
    if (plain != null) {
      code = main.runPlain(plain);
    } else {
      CommandLine cl = new CommandLine(main);
      cl.setExecutionExceptionHandler((ex, cmd, parsed) -> main.report(ex));
      code = cl.execute(args);
    }
    main.lifecycle.finished();
    realOut.flush();
    System.exit(code);
  }

  private OutputRouter router;
  private volatile CompletableFuture<JShellSession> firstShell;

  private static final java.util.Set<String> SUBCOMMANDS =
      java.util.Set.of("run", "check", "record", "serve", "train", "help");

  /**
   * The commands people start most — {@code netbook} and {@code netbook FILE.md}, with no other
   * options than --engine, --verbose and --cleanup — are parsed here: picocli would spend a few
   * hundred milliseconds of a start building its model of every subcommand (its classes predate
   * class-data sharing, so they load and verify the slow way). Anything else, null: picocli.
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
      engine = p.engine;
      verbose = p.verbose;
      cleanup = p.cleanup;
      Integer code = call();
      return code == null ? OK : code;
    } catch (Exception ex) {
      return report(ex);
    }
  }

  /** NETBOOK_BENCH_MARKS: time stamps for bench/run, appended to that file (see BenchMarks). */
  private static void benchMarks(String file) {
    if (file.isEmpty()) {
      return;
    }
    java.io.FileOutputStream marks;
    try {
      marks = new java.io.FileOutputStream(file, true); // open for the process's life
    } catch (java.io.IOException e) {
      return; // a benchmark aid: never worth failing the command for
    }
    netbook.BenchMarks.sink(
        line -> {
          synchronized (marks) {
            try {
              marks.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
              // as above
            }
          }
        });
    netbook.BenchMarks.first("main");
  }

  Settings settings() {
    return settings;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  OutputRouter router() {
    return router;
  }

  Lifecycle lifecycle() {
    return lifecycle;
  }

  /**
   * A new session on the engine, after the crash reaper; a termination of the process cleans it up
   * (unless {@code keep}).
   */
  Session newSession(Engine e, boolean keep) {
    Session s = Sessions.open(e, settings, host, err::println);
    lifecycle.session(s, keep);
    return s;
  }

  /** The engine named by --engine (or NETBOOK_ENGINE, else auto). */
  Engine openEngine(String engineOption) {
    String name = engineOption != null ? engineOption : engine != null ? engine : settings.engine();
    return Engines.open(EngineChoice.parse(name), settings, err::println);
  }

  @Override
  public Integer call() throws Exception {
    netbook.BenchMarks.first("parsed-args");
    if (notebook != null) {
      return NotebookCommands.step(
          this, stepOptions.toNotebookOptions(engine, verbose), notebook, null);
    }
    EngineChoice choice = EngineChoice.parse(engine != null ? engine : settings.engine());
    if (System.console() == null) {
      try (ReplSession repl = start(choice)) {
        repl.begin();
        repl.beginEngine(); // piped snippets use the engine at once: open both in parallel
        return piped(repl);
      }
    }
    // the prompt first, alone: on 2 cores JShell building beside it would delay it by a third;
    // JShell starts once the prompt is drawn (a person reads it and types meanwhile), and the
    // engine once JShell is ready
    try (ReplSession repl = start(choice)) {
      try (Terminal terminal = Terminals.system()) {
        return interactive(terminal, repl);
      }
    }
  }

  /** Opens the engine and builds JShell in the background: the prompt does not wait for them. */
  private ReplSession start(EngineChoice choice) {
    return ReplSession.starting(() -> openSession(choice), this::shell);
  }

  /** The JShell {@link #startShellEarly} began (the first time), else a new one. */
  private JShellSession shell() {
    CompletableFuture<JShellSession> early = firstShell;
    if (early != null) {
      firstShell = null;
      return early.join();
    }
    return newShell();
  }

  /** A JShell with netbook's API, warmed up (about a second of javac on 2 cores). */
  JShellSession newShell() {
    JShellSession shell = new JShellSession(router);
    shell.warmUp();
    return shell;
  }

  /**
   * Starts building the JShell for piped snippets on its own thread at once, before the signal
   * handlers and the engine: javac's first compilation is the longest wait of a start.
   */
  private void startShellEarly() {
    firstShell =
        netbook.Background.complete(
            "netbook-jshell-start", new CompletableFuture<>(), this::newShell);
  }

  /** Opens the engine and makes its session the API's (on a background thread). */
  private Session openSession(EngineChoice choice) {
    Engine e = Engines.open(choice, settings, err::println);
    return newSession(e, false);
  }

  /** stdin is not a terminal: snippets from stdin, plain output, exit 1 if one failed. */
  private int piped(ReplSession repl) throws java.io.IOException {
    PrintWriter w = new PrintWriter(out, true, StandardCharsets.UTF_8);
    ScriptRunner runner = new ScriptRunner(repl, w, verbose);
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
    return failed == 0 ? OK : FAILED;
  }

  /** End of input: the session's containers and networks go (a Ctrl-C now exits at once). */
  private void leavePiped(ReplSession repl, PrintWriter w) {
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
      err.println("netbook: cleanup failed: " + e.getMessage());
    } finally {
      lifecycle.cleaning(false);
      w.flush();
    }
  }

  /** Where the REPL keeps its history: ~/.netbook/history. */
  static Path historyFile() {
    return Path.of(System.getProperty("user.home"), ".netbook", "history");
  }

  /** The REPL on the terminal. */
  private int interactive(Terminal terminal, ReplSession repl) {
    netbook.BenchMarks.first("terminal");
    boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
    Object previous = null;
    if (dumb) {
      // a dumb terminal does not hook the OS signal: bridge SIGINT to it
      previous = Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT));
    }
    boolean color = !settings.noColor() && !Terminal.TYPE_DUMB.equals(terminal.getType());
    try {
      Repl r = new Repl(terminal, repl, new ReplOptions(historyFile(), color, verbose, cleanup));
      r.run(false);
    } finally {
      if (previous != null) {
        Signals.unregister("INT", previous);
      }
    }
    return OK;
  }

  int report(Exception ex) {
    if (ex instanceof NetbookException) {
      err.println("netbook: " + ex.getMessage());
      if (verbose) {
        ex.printStackTrace(err);
      }
      return FAILED;
    }
    err.println("netbook: unexpected " + ex);
    if (verbose) {
      ex.printStackTrace(err);
    } else {
      err.println("netbook: run again with --verbose for the stack trace");
    }
    return FAILED;
  }

  static String newSessionId() {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
