package netbook.repl;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import netbook.NetbookException;
import netbook.lab.CleanupReport;
import netbook.shell.JavaShell;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive REPL: a JLine reader over JShell with the fluent API preloaded. The prompt comes
 * at once; JShell and the engine warm up behind it. Enter runs Java (multi-line until complete),
 * {@code docker …} lines and {@code :commands}; Ctrl-C stops what runs and keeps the session,
 * Ctrl-C at the prompt clears the line, Ctrl-D leaves (offering to clean up).
 *
 * <p>A notebook in step mode enters it with {@link #run(boolean) run(true)} and gets control back
 * when the user types {@code :continue} (or Ctrl-D).
 */
public final class Repl {
  private static final System.Logger LOG = System.getLogger(Repl.class.getName());

  static final String PROMPT = "netbook> ";
  static final String CONTINUATION = "    ...> ";

  /** How the REPL was left. */
  public enum Exit {
    /** {@code :continue} or Ctrl-D in a nested REPL: go on with the notebook. */
    CONTINUE,
    /** {@code :quit}, or Ctrl-D at the top. */
    QUIT
  }

  private final Terminal terminal;
  private final Workspace session;
  private final ReplOptions options;
  private final ResultPrinter printer;
  private final Evaluator evaluator;

  public Repl(Terminal terminal, Workspace session, ReplOptions options) {
    this.terminal = terminal;
    this.session = session;
    this.options = options;
    this.printer = new ResultPrinter(terminal.writer(), options.color());
    printer.width(terminal.getWidth() > 20 ? terminal.getWidth() : 0);
    this.evaluator = new Evaluator(session, printer, options.verbose());
    evaluator.confirm(this::confirm);
    evaluator.live(true);
    if (!terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
      evaluator.editor(this::edit);
      printer.pager(new Paging(terminal));
    }
  }

  /**
   * Opens a file in $VISUAL or $EDITOR on this terminal (the shell reads them, as git does, so
   * {@code EDITOR="code -w"} works) and waits until it is closed.
   */
  private boolean edit(Path file) throws IOException, InterruptedException {
    terminal.pause(true); // JLine must not read the keys meant for the editor
    int exit;
    try {
      exit =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "ed=${VISUAL:-${EDITOR:-}}; [ -n \"$ed\" ] || exit 200; exec $ed \"$1\"",
                  "netbook-edit",
                  file.toString())
              .inheritIO()
              .start()
              .waitFor();
    } finally {
      terminal.resume();
    }
    if (exit == 200) {
      printer.error(
          "/edit opens $VISUAL or $EDITOR, and neither is set: export EDITOR=nano (or vi),"
              + " then start netbook again");
      return false;
    }
    if (exit != 0) {
      printer.error("the editor exited with " + exit + ": nothing was run");
      return false;
    }
    return true;
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  /**
   * Reads and runs inputs until the user leaves. {@code nested}: entered from a notebook, so {@code
   * :continue} and Ctrl-D return {@link Exit#CONTINUE} and leaving never cleans up (the notebook
   * owns the session).
   */
  public Exit run(boolean nested) {
    LineReader reader = reader();
    if (!nested) { // (a notebook announces the REPL itself)
      banner();
      session.whenEngineSettled(
          error ->
              session
                  .engineErrorOnce()
                  .ifPresent(
                      msg ->
                          reader.printAbove(
                              new AttributedString(
                                  "netbook: " + msg + " — Java works; the Docker API does not",
                                  options.color()
                                      ? ResultPrinter.ERROR
                                      : AttributedStyle.DEFAULT))));
    }
    session.begin(); // the prompt is ready: now JShell and the engine may have the cores
    try {
      while (true) {
        String input;
        session.marks().first("prompt");
        try {
          Optional<String> inside = evaluator.containerShell().prompt();
          detachKeys(reader, inside.isPresent());
          input = reader.readLine(prompt(inside.orElse(PROMPT)));
        } catch (UserInterruptException e) {
          if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
            printer.line(
                evaluator.containerShell().attached().isPresent()
                    ? "(exit or Ctrl-P Ctrl-Q leaves the container)"
                    : "(Ctrl-D or :quit leaves netbook)",
                ResultPrinter.FAINT);
          }
          continue;
        } catch (EndOfFileException e) {
          if (evaluator.containerShell().attached().isPresent()) {
            runInterruptibly("exit"); // Ctrl-D ends a shell, as it does in the container
            continue;
          }
          if (nested) {
            return Exit.CONTINUE;
          }
          leave();
          return Exit.QUIT;
        }
        Evaluator.Result r = runInterruptibly(input);
        if (session.warmCompletionOnce()) {
          ApiDocs.prepareInBackground();
        }
        session.beginEngine(); // (if JShell's moment alone has not passed yet)
        switch (r.action()) {
          case QUIT -> {
            if (!nested) {
              leave();
            }
            return Exit.QUIT;
          }
          case CONTINUE -> {
            if (nested) {
              return Exit.CONTINUE;
            }
            printer.notice(":continue goes back to a notebook; no notebook opened this REPL");
          }
          default -> {
            // next input
          }
        }
      }
    } finally {
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        // history is a comfort; losing it is not worth a message on the way out
        LOG.log(Level.DEBUG, "history not saved", e);
      }
    }
  }

  private Evaluator.Result runInterruptibly(String input) {
    evaluator.width(terminal.getWidth());
    Thread.interrupted(); // a Ctrl-C that reached the prompt must not stop this input
    Terminal.SignalHandler previous = terminal.handle(Signal.INT, s -> evaluator.interrupt());
    try {
      return evaluator.run(input);
    } finally {
      terminal.handle(Signal.INT, previous);
      terminal.flush();
    }
  }

  /** Ctrl-P Ctrl-Q, Docker's detach keys, while the REPL is in a container (Ctrl-P alone else). */
  private static final String DETACH_KEYS = KeyMap.ctrl('P') + KeyMap.ctrl('Q');

  private static final String DETACH_WIDGET = "netbook-detach";

  private void detachKeys(LineReader reader, boolean inContainer) {
    KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
    if (inContainer) {
      main.bind(new Reference(DETACH_WIDGET), DETACH_KEYS);
    } else {
      main.unbind(DETACH_KEYS);
    }
  }

  /** Ctrl-P Ctrl-Q: leaves the container (running), says so, and shows netbook's prompt again. */
  private boolean detach(LineReader reader) {
    if (evaluator.containerShell().attached().isEmpty()) {
      return true;
    }
    String said = evaluator.containerShell().detach();
    reader.getKeyMaps().get(LineReader.MAIN).unbind(DETACH_KEYS);
    if (reader instanceof LineReaderImpl r) {
      r.setPrompt(prompt(PROMPT));
    }
    reader.printAbove(said); // (redraws the line below it, with the new prompt)
    return true;
  }

  LineReader reader() {
    LineReader reader = builder().build();
    reader.getWidgets().put(DETACH_WIDGET, () -> detach(reader));
    new HelpKeys(
            new CallHelp(() -> session.shellNow().map(JavaShell::analysis), ApiDocs::shipped),
            printer)
        .install(reader, terminal);
    return reader;
  }

  private LineReaderBuilder builder() {
    LineReaderBuilder b =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("netbook")
            .parser(new JavaParser(this::incomplete))
            .completer(
                new JavaCompleter(
                    () -> session.shellNow().map(JavaShell::analysis),
                    new NameCompleter(session::engineNow)))
            .highlighter(new JavaHighlighter(options.color()))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, prompt(CONTINUATION))
            .variable(LineReader.INDENTATION, 2)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.INSERT_TAB, false);
    if (options.history() != null && HistoryFile.prepare(options.history())) {
      b.variable(LineReader.HISTORY_FILE, options.history());
    }
    return b;
  }

  private boolean incomplete(String input) {
    if (evaluator.containerShell().attached().isPresent()) {
      return false; // a container's shell line is one line
    }
    try {
      return JavaParser.incomplete(session.shell().analysis(), input);
    } catch (InterruptedException | NetbookException e) {
      return false; // let Enter through: evaluating reports the problem
    }
  }

  private String prompt(String p) {
    return options.color()
        ? new AttributedString(p, AttributedStyle.BOLD.foreground(AttributedStyle.GREEN))
            .toAnsi(terminal)
        : p;
  }

  private void banner() {
    printer.line("netbook — Java with a Docker networking API", ResultPrinter.HEADING);
    printer.line(
        "Try  net(\"my_bridge\").run(\"ubuntu\", name(\"container_a\"))  or  docker network ls  ·"
            + " :help · Tab completes · Ctrl-D leaves",
        ResultPrinter.FAINT);
  }

  /** Leaving: offers to remove what the session created (or does with --cleanup). */
  private void leave() {
    List<String> owned;
    try {
      owned = session.owned();
    } catch (RuntimeException e) {
      printer.error("could not list this session's containers: " + Workspace.message(e));
      return;
    }
    if (owned.isEmpty()) {
      return;
    }
    String what = String.join(", ", owned);
    boolean yes = options.cleanupOnExit() || ask("Remove " + what + "? [Y/n] ");
    if (!yes) {
      try {
        session.session().keep();
        printer.notice(
            "left in place: " + what + " (the next start lists them; cleanup() removes them)");
      } catch (InterruptedException e) {
        printer.notice("left in place: " + what);
      } catch (RuntimeException e) {
        printer.error("left in place: " + what + ", but " + Workspace.message(e));
      }
      return;
    }
    try {
      CleanupReport r = session.session().cleanup();
      printer.text(r.toString());
    } catch (InterruptedException e) {
      printer.error("cleanup interrupted; some of " + what + " may remain");
    } catch (RuntimeException e) {
      printer.error("cleanup failed: " + Workspace.message(e));
    }
  }

  /** A question whose answer is no unless the user types y. */
  private boolean confirm(String question) {
    LineReader r = LineReaderBuilder.builder().terminal(terminal).build();
    try {
      return r.readLine(question).strip().toLowerCase(Locale.ROOT).startsWith("y");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }

  private boolean ask(String question) {
    LineReader r = LineReaderBuilder.builder().terminal(terminal).build();
    try {
      String a = r.readLine(question).strip().toLowerCase(Locale.ROOT);
      return a.isEmpty() || a.startsWith("y");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }
}
