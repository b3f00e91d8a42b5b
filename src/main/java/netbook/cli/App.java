package netbook.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import netbook.Marks;
import netbook.engine.Engine;
import netbook.engine.PullProgress;
import netbook.lab.KeptSessions;
import netbook.lab.PrefixedEngine;
import netbook.lab.Session;
import netbook.render.PullProgressPrinter;
import netbook.shell.JavaShell;
import netbook.shell.OutputRouter;
import org.jline.terminal.Terminal;

/**
 * The services a command works with, made once by {@link Main} (the composition root) and handed to
 * every command: the environment's settings, the process's streams, the output router that snippets
 * print through, the lifecycle (signals, termination cleanup), this machine's name, the benchmark's
 * marks and the options every command shares.
 */
record App(
    Settings settings,
    Path home,
    PrintStream out,
    PrintStream err,
    OutputRouter router,
    Lifecycle lifecycle,
    String host,
    Marks marks,
    CommonOptions options) {

  /** Where the REPL keeps its history: ~/.netbook/history. */
  Path historyFile() {
    return home.resolve(".netbook").resolve("history");
  }

  /** Which sessions were kept on purpose: ~/.netbook/kept. */
  KeptSessions keptSessions() {
    return KeptSessions.at(home.resolve(".netbook").resolve("kept"));
  }

  boolean verbose() {
    return options.verbose;
  }

  /** The engine --engine names (or NETBOOK_ENGINE, else auto). */
  EngineChoice engineChoice() {
    return EngineChoice.parse(options.engine != null ? options.engine : settings.engine());
  }

  /**
   * Opens the chosen engine; its notices go to stderr. Under NETBOOK_NAME_PREFIX the sessions see
   * it through that prefix (their names, their crash reaper: see PrefixedEngine).
   */
  Engine openEngine() {
    Engine e = Engines.open(engineChoice(), settings, err::println);
    return settings.namePrefix().isEmpty() ? e : new PrefixedEngine(e, settings.namePrefix());
  }

  /**
   * A new session on the engine, after the crash reaper; a termination of the process cleans it up
   * (unless {@code keep}). Its pulls show their progress as lines on stderr.
   */
  Session openSession(Engine engine, boolean keep) {
    return openSession(engine, keep, pullLines());
  }

  /** As above, the pulls' progress going to {@code progress} (a terminal's status line). */
  Session openSession(Engine engine, boolean keep, Consumer<PullProgress> progress) {
    Session s = SessionOpener.open(engine, settings, host, keptSessions(), err::println, progress);
    // a termination whose cleanup finds the connection broken opens a new one (never the
    // embedded engine in place of a daemon: that one models other containers)
    lifecycle.session(s, keep, () -> embedded(engine) ? null : reopen());
    return s;
  }

  /** Whether it is the embedded engine (one that no longer answers is a daemon's). */
  private static boolean embedded(Engine engine) {
    try {
      return engine.info().embedded();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A new connection to a daemon (null when only the embedded engine would answer). */
  private Engine reopen() {
    Engine fresh = openEngine();
    if (fresh.info().embedded()) {
      fresh.close();
      return null;
    }
    return fresh;
  }

  /** Pull progress where the output is no terminal: a line every few seconds, on stderr. */
  Consumer<PullProgress> pullLines() {
    return PullProgressPrinter.lines(
        new PrintWriter(err, true, StandardCharsets.UTF_8),
        System::nanoTime,
        PullProgressPrinter.EVERY);
  }

  /** Pull progress on a terminal: one status line redrawn in place (lines on a dumb one). */
  static Consumer<PullProgress> pullStatus(Terminal terminal) {
    if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
      return PullProgressPrinter.lines(
          terminal.writer(), System::nanoTime, PullProgressPrinter.EVERY);
    }
    return PullProgressPrinter.terminal(terminal.writer(), terminal::getWidth, System::nanoTime);
  }

  /** A JShell with netbook's API. */
  JavaShell newShell() {
    JavaShell shell = new JavaShell(router);
    lifecycle.shell(shell);
    return shell;
  }

  /** A JShell with netbook's API, warmed up (javac's first compilation is the longest wait). */
  JavaShell warmShell() {
    JavaShell shell = newShell();
    shell.warmUp();
    return shell;
  }

  /** Whether output is in colour: not with --no-color, NO_COLOR, or on a dumb/absent terminal. */
  boolean color(boolean noColorFlag, boolean capableTerminal) {
    return !noColorFlag && !settings.noColor() && capableTerminal;
  }
}
