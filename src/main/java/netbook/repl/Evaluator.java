package netbook.repl;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Snippet;
import netbook.NetbookException;
import netbook.Problems;
import netbook.console.CommandResult;
import netbook.console.DockerConsole;
import netbook.console.TranscriptResult;
import netbook.console.TranscriptRunner;
import netbook.console.TranscriptStep;
import netbook.engine.ExecResult;
import netbook.lab.Session;
import netbook.shell.EvalResult;
import netbook.shell.JavaShell;
import netbook.shell.Outcome;
import org.jline.utils.AttributedStyle;

/**
 * Runs one complete input the way the REPL and piped mode both do: a {@code :command}, a {@code
 * docker …} line (through the session's docker console), or Java (through JShell, snippet by
 * snippet), and prints what it showed. Errors are one line; the session goes on. {@link
 * #interrupt()} (Ctrl-C, from another thread) stops what runs and returns to the caller.
 */
public final class Evaluator {
  private static final System.Logger LOG = System.getLogger(Evaluator.class.getName());

  /** What the caller does next. */
  public enum Action {
    NEXT,
    QUIT,
    CONTINUE
  }

  /** Whether the input succeeded, and what to do next. */
  public record Result(boolean ok, Action action) {
    static final Result OK = new Result(true, Action.NEXT);
    static final Result FAILED = new Result(false, Action.NEXT);
  }

  private final Workspace session;
  private final ResultPrinter printer;
  private final SessionLog transcript = new SessionLog();
  private final ReplCommands commands;
  private final ContainerShell containerShell;
  private final Executor background =
      task -> {
        Thread t = new Thread(task, "netbook-docker-line");
        t.setDaemon(true);
        t.start();
      };
  private volatile boolean verbose;

  /** The REPL's: commands run in containers show their output as it comes. */
  private volatile boolean live;

  /** What commands showed live during the input running now. */
  private final StringBuffer streamed = new StringBuffer();

  private volatile int width = 100;
  private volatile Thread waiting;

  /** The number of the Java input running now (0: none), so a late stop never hits the next. */
  private volatile long running;

  private long inputs;

  /** What was typed in this session, for {@code /history}. */
  private final List<String> typed = new java.util.concurrent.CopyOnWriteArrayList<>();

  private volatile SnippetCommands.Editor editor;

  /** Asks the user a yes/no question (a terminal's REPL); null: no one to ask (piped input). */
  private volatile Predicate<String> confirm;

  public Evaluator(Workspace session, ResultPrinter printer, boolean verbose) {
    this.session = session;
    this.printer = printer;
    this.verbose = verbose;
    this.commands = new ReplCommands(this);
    this.containerShell = new ContainerShell(session);
  }

  /** The container shell the REPL may be in ({@code docker attach}, {@code c.shell()}). */
  ContainerShell containerShell() {
    return containerShell;
  }

  Workspace session() {
    return session;
  }

  ResultPrinter printer() {
    return printer;
  }

  /** Who answers yes/no questions ({@code :save} over an existing file); null: no one. */
  public void confirm(Predicate<String> asker) {
    confirm = asker;
  }

  Predicate<String> confirm() {
    return confirm;
  }

  SessionLog transcript() {
    return transcript;
  }

  public ReplCommands commands() {
    return commands;
  }

  /** The terminal's width, for drawings (100 without a terminal). */
  int width() {
    return width;
  }

  void width(int columns) {
    width = columns > 20 ? columns : 100;
    printer.width(columns > 20 ? columns : 0);
  }

  boolean verbose() {
    return verbose;
  }

  /**
   * Turns live output on (the interactive REPL): {@code ping}, {@code sh}, {@code exec} and {@code
   * docker exec} print their lines as they come, and Ctrl-C ends them inside the container.
   */
  public void live(boolean on) {
    live = on;
  }

  /** Lets the session's commands print live until {@link #endLive()}. */
  private void beginLive() {
    streamed.setLength(0);
    if (live) {
      session
          .sessionNow()
          .ifPresent(
              s ->
                  s.liveOutput(
                      text -> {
                        streamed.append(text);
                        printer.stream(text);
                      }));
    }
  }

  private void endLive() {
    if (live) {
      session.sessionNow().ifPresent(s -> s.liveOutput(null));
    }
  }

  void verbose(boolean on) {
    verbose = on;
  }

  /** Whether a line is a docker command line rather than Java. */
  static boolean isDockerLine(String input) {
    String s = input.strip();
    return s.equals("docker") || s.startsWith("docker ") || s.startsWith("docker\t");
  }

  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");

  /**
   * Whether Java input names the API (so it must wait for the engine); plain Java such as {@code 1
   * + 1} runs as soon as JShell is ready, even while the engine is still opening.
   */
  static boolean usesApi(String input) {
    Matcher m = WORD.matcher(input);
    while (m.find()) {
      String w = m.group();
      if (JavaHighlighter.apiNames().contains(w) || w.equals("Lab")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a line is a REPL command: {@code :name}, or jshell's {@code /name} (but not a {@code
   * //} or {@code /*} comment).
   */
  static boolean isCommand(String input) {
    String s = input.strip();
    return s.startsWith(":")
        || (s.startsWith("/") && s.length() > 1 && Character.isLetter(s.charAt(1)));
  }

  private volatile boolean changesOn;

  /** Turns the one-line topology change summaries after each input on or off. */
  void changes(boolean on) throws InterruptedException {
    if (on) {
      Session s = session.session();
      s.changes().restart(s.engine());
    }
    changesOn = on;
  }

  boolean changesOn() {
    return changesOn;
  }

  private void reportChanges() {
    if (!changesOn || !session.engineSettled()) {
      return;
    }
    try {
      Session s = session.session();
      for (String line : s.changes().next(s.engine()).lines()) {
        printer.notice(line);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NetbookException e) {
      // the input's own result already said what is wrong with the engine
      LOG.log(Level.DEBUG, "no topology changes after the input", e);
    }
  }

  /** Runs one complete input and prints what it shows. */
  public Result run(String input) {
    if (!input.isBlank()) {
      typed.add(input);
    }
    Optional<DockerConsole.Attachment> in =
        input.isBlank() || isCommand(input) ? Optional.empty() : containerShell.attached();
    if (in.isPresent()) { // typed at a container's prompt: a line for its shell
      return guarded(
          () -> {
            Result r = inContainer(in.get(), input.strip());
            reportChanges();
            return r;
          });
    }
    return run(input, true);
  }

  /** What was typed in this session, in order. */
  List<String> inputs() {
    return List.copyOf(typed);
  }

  /** The editor {@code /edit} opens (none in piped mode). */
  SnippetCommands.Editor editor() {
    return editor;
  }

  void editor(SnippetCommands.Editor e) {
    editor = e;
  }

  /**
   * Runs one complete input; {@code show} false (a notebook's hidden cell) keeps what Java prints
   * to itself, unless it fails.
   */
  Result run(String input, boolean show) {
    if (input.isBlank()) {
      return Result.OK;
    }
    return guarded(
        () -> {
          if (isCommand(input)) {
            return commands.run(input.strip());
          }
          if (SessionLog.isProse(input)) {
            transcript.prose(input); // prose for :save (a comment does nothing in Java)
            return Result.OK;
          }
          Result r = isDockerLine(input) ? docker(input.strip()) : java(input, show);
          containerShell.enterRequested();
          reportChanges();
          return r;
        });
  }

  /**
   * Replays a notebook's console cell on this session's docker console, printing each command and
   * what it printed as it finishes ({@code show} false: only a failure); it fails when a command
   * fails that the book does not show failing.
   */
  Result replay(String cell, boolean show) {
    return guarded(
        () -> {
          Result r = transcript(cell, show);
          reportChanges();
          return r;
        });
  }

  /** An input being run, which may be cut short by Ctrl-C. */
  private interface Input {
    Result run() throws InterruptedException;
  }

  /** Runs an input; whatever goes wrong is one error line, and the session goes on. */
  private Result guarded(Input input) {
    try {
      return input.run();
    } catch (InterruptedException e) {
      printer.error("stopped (Ctrl-C)");
      return Result.FAILED;
    } catch (NetbookException e) {
      printer.error(e.getMessage());
      if (verbose) {
        printer.trace(e);
      }
      return Result.FAILED;
    } catch (RuntimeException e) {
      printer.error(
          "netbook could not finish that: "
              + Problems.plain(e)
              + (verbose ? "" : " (:verbose shows where; please report it)"));
      if (verbose) {
        printer.trace(e);
      }
      return Result.FAILED;
    } finally {
      Thread.interrupted(); // a Ctrl-C that came late must not hit the next input
    }
  }

  private Result java(String input, boolean show) throws InterruptedException {
    running = ++inputs;
    try {
      return javaRunning(input, show);
    } finally {
      running = 0;
    }
  }

  private Result javaRunning(String input, boolean show) throws InterruptedException {
    JavaShell shell = interruptibly(session::shell);
    if (usesApi(input) || session.engineSettled()) {
      interruptibly(
          () -> {
            session.awaitEngineSettled();
            return null;
          });
      session
          .engineErrorOnce()
          .ifPresent(
              m -> printer.error("netbook: " + m + " — Java works; the Docker API does not"));
    }
    Set<String> before = scratchIds(shell);
    EvalResult r;
    beginLive();
    try {
      r = LiveText.withoutShown(shell.eval(input, null, show), streamed.toString());
    } finally {
      endLive();
    }
    if (show || r.failed()) {
      printer.result(r, verbose);
    }
    for (Outcome o : r.outcomes()) {
      SymbolHint.of(shell.analysis(), o).ifPresent(printer::notice);
    }
    session.marks().first("result");
    if (!r.failed()) {
      transcript.java(input, r.text(false), scratch(shell, before));
    }
    return r.failed() ? Result.FAILED : Result.OK;
  }

  /** The ids of the snippets that hold an expression's value ({@code $3}) so far. */
  private static Set<String> scratchIds(JavaShell shell) {
    return shell
        .state()
        .variables()
        .filter(v -> v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
        .map(Snippet::id)
        .collect(Collectors.toSet());
  }

  /** The {@code $N} names the input's expressions got, each with its snippet's source. */
  private static Map<String, String> scratch(JavaShell shell, Set<String> before) {
    Map<String, String> names = new LinkedHashMap<>();
    shell
        .state()
        .variables()
        .filter(v -> v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
        .filter(v -> !before.contains(v.id()) && !shell.isOwn(v))
        .forEach(v -> names.put(v.name(), v.source()));
    return names;
  }

  private Result docker(String line) throws InterruptedException {
    DockerConsole console = interruptibly(session::console);
    beginLive();
    CommandResult r;
    try {
      CompletableFuture<CommandResult> f =
          CompletableFuture.supplyAsync(() -> console.run(line), background);
      r = interruptibly(f::get);
    } finally {
      endLive();
    }
    printer.text(LiveText.rest(r.output(), streamed.toString()));
    if (r.ok()) {
      transcript.docker(line, r.output());
    }
    return r.ok() ? Result.OK : Result.FAILED;
  }

  /** A line typed at a container's prompt: run there, its output live; {@code exit} leaves. */
  private Result inContainer(DockerConsole.Attachment a, String line) throws InterruptedException {
    if (line.equals("exit")) {
      String note = containerShell.exit();
      if (!note.isEmpty()) {
        printer.notice(note);
      }
      return Result.OK;
    }
    Session s = session.session();
    beginLive();
    ExecResult r;
    try {
      CompletableFuture<ExecResult> f =
          CompletableFuture.supplyAsync(() -> s.container(a.containerId()).sh(line), background);
      r = interruptibly(f::get);
    } finally {
      endLive();
    }
    printer.text(LiveText.rest(r.output(), streamed.toString()));
    if (r.ok()) {
      transcript.docker(
          "docker exec " + a.name() + " sh -c '" + line.replace("'", "'\\''") + "'", r.output());
    }
    return r.ok() ? Result.OK : Result.FAILED;
  }

  private Result transcript(String cell, boolean show) throws InterruptedException {
    TranscriptRunner runner = new TranscriptRunner(interruptibly(session::console));
    // the steps as they finish, then the result (or what the replay threw)
    BlockingQueue<Object> done = new LinkedBlockingQueue<>();
    background.execute(
        () -> {
          try {
            done.add(runner.run(cell, done::add));
          } catch (RuntimeException e) {
            done.add(e);
          }
        });
    while (true) {
      Object next = interruptibly(done::take);
      if (next instanceof RuntimeException e) {
        throw e;
      }
      if (next instanceof TranscriptStep step) {
        if (show) {
          print(step);
        }
        if (step.kind() == TranscriptStep.Kind.DOCKER && step.exitCode() == 0) {
          transcript.docker(step.command(), step.live());
        }
        continue;
      }
      List<TranscriptStep> failures = ((TranscriptResult) next).failures();
      if (failures.isEmpty()) {
        return Result.OK;
      }
      if (!show) {
        TranscriptStep f = failures.get(0);
        printer.error(f.promptLine() + " exited with " + f.exitCode());
      }
      return Result.FAILED;
    }
  }

  /** A replayed command as a docker line shows: the prompt line, what it printed, the notes. */
  private void print(TranscriptStep step) {
    printer.line(step.promptLine(), AttributedStyle.DEFAULT.faint());
    if (step.kind() != TranscriptStep.Kind.CONTINUED) {
      printer.text(step.live());
    }
    for (String note : step.notes()) {
      printer.notice("note: " + note);
    }
  }

  /** Something that waits and may be cut short by Ctrl-C. */
  interface Wait<T> {
    T get() throws InterruptedException, ExecutionException;
  }

  /** Waits; Ctrl-C interrupts the wait, and a failure comes out as its own exception. */
  private <T> T interruptibly(Wait<T> w) throws InterruptedException {
    waiting = Thread.currentThread();
    try {
      return w.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new NetbookException(Workspace.message(e), e.getCause());
    } finally {
      waiting = null;
    }
  }

  /**
   * Ctrl-C: stops the running snippet, or stops waiting for the engine, JShell or a docker line.
   */
  public void interrupt() {
    if (session.sessionNow().map(Session::interruptCommands).orElse(false)) {
      return; // Ctrl-C went into the terminal of the command running live: it ends, and says so
    }
    session.stop();
    Thread t = waiting;
    if (t != null) {
      t.interrupt();
    }
    long runner = running;
    if (runner != 0) {
      // a Ctrl-C between two snippets of one input would find nothing to stop: keep stopping
      // for a moment, until the input ends
      Thread repeat =
          new Thread(
              () -> {
                for (int i = 0; i < 20; i++) {
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                  if (running != runner) {
                    return; // the input ended: never stop the next one
                  }
                  session.stop();
                }
              },
              "netbook-stop");
      repeat.setDaemon(true);
      repeat.start();
    }
  }
}
