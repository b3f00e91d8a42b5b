package netbook.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.repl.ScriptRunner;
import netbook.shell.JShellSession;
import netbook.shell.OutputRouter;
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
      ServeCommand.class
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

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE.md",
      description = "A notebook to step through (on a terminal; otherwise it runs).")
  Path notebook;

  @Mixin StepOptions stepOptions = new StepOptions();

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;

  Main(Settings settings, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintStream realOut =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    OutputRouter router = new OutputRouter(realOut);
    PrintStream routed = router.printStream();
    System.setOut(routed);
    System.setErr(routed);
    Main main = new Main(Settings.from(System.getenv()), realOut, realOut);
    main.router = router;
    CommandLine cl = new CommandLine(main);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> main.report(ex));
    int code = cl.execute(args);
    realOut.flush();
    System.exit(code);
  }

  private OutputRouter router;

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

  /** The engine named by --engine (or NETBOOK_ENGINE, else auto). */
  Engine openEngine(String engineOption) {
    String name = engineOption != null ? engineOption : engine != null ? engine : settings.engine();
    return Engines.open(EngineChoice.parse(name), settings, err::println);
  }

  @Override
  public Integer call() throws Exception {
    if (notebook != null) {
      return NotebookCommands.step(
          this, stepOptions.toNotebookOptions(engine, verbose), notebook, null);
    }
    EngineChoice choice = EngineChoice.parse(engine != null ? engine : settings.engine());
    try (Engine e = Engines.open(choice, settings, err::println)) {
      Session session =
          new Session(
              e,
              new SessionConfig(
                  newSessionId(),
                  settings.offline(),
                  ProcessHandle.current().pid(),
                  "",
                  err::println,
                  null));
      Lab.use(session);
      try (JShellSession shell = new JShellSession(router)) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int failed = new ScriptRunner(shell, out, verbose).run(in);
        return failed == 0 ? OK : FAILED;
      }
    }
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
