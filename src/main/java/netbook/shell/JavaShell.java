package netbook.shell;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.VarSnippet;
import netbook.NetbookException;

/**
 * One JShell on the in-process ("local") execution engine, with netbook's API preloaded: snippets
 * share objects with netbook and evaluate in milliseconds. An input is split into snippets with
 * {@link SourceCodeAnalysis#analyzeCompletion}, so a pasted block or a notebook cell runs snippet
 * by snippet exactly as typed lines would; evaluation stops at the first failure.
 */
public final class JavaShell implements AutoCloseable {
  private static final String PRELOAD = "/netbook/preload.jsh";
  private static final System.Logger LOG = System.getLogger(JavaShell.class.getName());

  /**
   * How long a stopped snippet has to end before its JShell is abandoned: on JDK 17 a stop is a
   * ThreadDeath, which a snippet that catches Throwable survives.
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(3);

  /** The end of the line that says a runaway snippet cost the Java state (not the lab session). */
  public static final String STATE_RESET =
      "the Java state was reset (variables are gone); your containers and networks are still there";

  private volatile JShell jshell;

  /** The snippets netbook evaluated itself in the JShell now in use (the preload, the warm-up). */
  private volatile Set<String> ownSnippets = ConcurrentHashMap.newKeySet();

  private volatile String evaluating;

  /** The threads of the JShell now in use: its evaluations and what their snippets start. */
  private volatile ThreadGroup threads;

  /** The evaluating thread of the JShell now in use (one, kept: javac stays warm on it). */
  private volatile ExecutorService evaluator;

  private volatile Thread evaluatorThread;

  private final OutputRouter out;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /** When the first stop of the running evaluation came (System.nanoTime), 0: none. */
  private final AtomicLong stoppedAt = new AtomicLong();

  /** Where quiet variables go in a long notebook run (null: nowhere, no folding). */
  private final VariableFolding folding;

  private volatile boolean foldVariables;

  private volatile boolean starting;
  private volatile Executor scope = Runnable::run;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "netbook-cell-timer");
            t.setDaemon(true);
            return t;
          });

  /** Builds the shell and evaluates the preload (imports of the fluent API). */
  public JavaShell(OutputRouter out) {
    this.out = out;
    this.folding = foldingRoot();
    start();
  }

  /** A fresh directory for folded variables' holders, which javac needs to see from the start. */
  private static VariableFolding foldingRoot() {
    try {
      return new VariableFolding(Files.createTempDirectory("netbook-cells"));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.DEBUG, "no directory for folded variables: " + e.getMessage());
      return null;
    }
  }

  /** A JShell, with its own thread group, and the preload evaluated in it. */
  private void start() {
    JShell.Builder b = JShell.builder().executionEngine("local");
    Optional<String> own = ownClassPath();
    if (folding != null) {
      // javac notes a missing class path entry once and for all: the directory is there already
      String base = own.orElseGet(() -> System.getProperty("java.class.path"));
      b.compilerOptions("--class-path", base + File.pathSeparator + folding.root());
      folding.reset();
    } else {
      own.ifPresent(cp -> b.compilerOptions("--class-path", cp));
    }
    ThreadGroup group =
        new ThreadGroup("netbook-jshell-" + Integer.toHexString(System.identityHashCode(this)));
    this.threads = group;
    this.evaluator =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(group, r, "netbook-eval");
              t.setDaemon(true);
              evaluatorThread = t;
              return t;
            });
    this.jshell = b.build();
    this.ownSnippets = ConcurrentHashMap.newKeySet();
    EvalResult r;
    starting = true; // a Ctrl-C (or a cell's watchdog) that comes now is not for the preload
    try {
      r = evalQuietly(preload());
    } finally {
      starting = false;
    }
    if (r.failed()) {
      throw new NetbookException("the preloaded API did not load: " + r.text(true).strip());
    }
  }

  /**
   * What snippets compile against besides the JDK: netbook's own jar (or classes directory), not
   * the whole application class path. javac opens and indexes every entry of its class path on the
   * first snippet, and JShell's completion index walks them all again: the thirty-odd library jars
   * (docker-java, Jackson, JLine, …) cost a good part of a start and appear in no signature of the
   * API. At run time snippets still see every class (their loader's parent is the application's).
   * Empty when netbook's location is unknown: javac's default, the class path.
   */
  static Optional<String> ownClassPath() {
    CodeSource src = JavaShell.class.getProtectionDomain().getCodeSource();
    if (src == null || src.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(src.getLocation().toURI()).toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String preload() {
    try (InputStream in = JavaShell.class.getResourceAsStream(PRELOAD)) {
      if (in == null) {
        throw new NetbookException(
            "netbook's jar lacks " + PRELOAD + ": rebuild it with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NetbookException("cannot read " + PRELOAD + ": " + e.getMessage(), e);
    }
  }

  /**
   * What every evaluation runs inside (from now on): the lab API's session binding, so that the
   * snippets of this shell, and the threads they start, work on their own session.
   */
  public void scope(Executor scope) {
    this.scope = scope;
  }

  /**
   * From now on, in batches of {@value VariableFolding#BATCH}, moves variables that no other
   * snippet names into holder classes, so that a long notebook runs in linear time (see {@link
   * VariableFolding}). For a notebook's own run: the variables leave JShell's list ({@code /vars}).
   */
  public void foldVariables() {
    this.foldVariables = folding != null;
  }

  /** Warms javac up (the first eval is the slowest of all); safe to call on a background thread. */
  public void warmUp() {
    evalQuietly("0");
  }

  /** The JShell now in use (for tests in this package). */
  JShell jshell() {
    return jshell;
  }

  public SourceCodeAnalysis analysis() {
    return jshell.sourceCodeAnalysis();
  }

  /** Whether the input is a whole snippet (or several), as opposed to an unfinished one. */
  public boolean isComplete(String input) {
    if (input.isBlank()) {
      return true;
    }
    Completeness c = analysis().analyzeCompletion(input).completeness();
    return c != Completeness.DEFINITELY_INCOMPLETE && c != Completeness.CONSIDERED_INCOMPLETE;
  }

  /** Evaluates an input, echoing what snippets print to the terminal as they run. */
  public EvalResult eval(String input) {
    return eval(input, null, true);
  }

  /**
   * Evaluates an input snippet by snippet; stops at the first failure. A {@code timeout} (or null)
   * stops a snippet that runs too long; {@code echo} passes printed output on to the terminal too.
   */
  public EvalResult eval(String input, Duration timeout, boolean echo) {
    List<Outcome> outcomes = new ArrayList<>();
    String rest = input;
    stopped.set(false);
    stoppedAt.set(0);
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo ci = analysis().analyzeCompletion(rest);
      Completeness c = ci.completeness();
      if (c == Completeness.EMPTY) {
        break;
      }
      if (!c.isComplete()) {
        return new EvalResult(outcomes, rest);
      }
      Outcome o = evalOne(ci.source(), timeout, echo);
      outcomes.add(o);
      if (o.failed()) {
        break;
      }
      rest = ci.remaining();
    }
    if (foldVariables && folding.due() && !stopped.get()) {
      fold();
    }
    return new EvalResult(outcomes, "");
  }

  /** Folds a batch of variables, if one may be (see {@link VariableFolding#fold}). */
  private void fold() {
    JShell js = jshell;
    boolean ok =
        folding.fold(
            js,
            step -> {
              out.begin(false);
              try {
                return evalOnOwnThread(js, step);
              } finally {
                out.end();
              }
            });
    if (!ok) {
      foldVariables = false;
    }
  }

  private EvalResult evalQuietly(String input) {
    JShell js = jshell;
    Set<String> before = js.snippets().map(Snippet::id).collect(Collectors.toSet());
    try {
      return eval(input, null, false);
    } finally {
      js.snippets().map(Snippet::id).filter(id -> !before.contains(id)).forEach(ownSnippets::add);
    }
  }

  /**
   * The JShell in use now, for the REPL's jshell-style commands ({@code /list}, {@code /vars}, …);
   * a fresh one replaces it when a runaway snippet is abandoned. Not thread-safe: only the thread
   * that evaluates may use it, between evaluations.
   */
  public JShell state() {
    return jshell;
  }

  /** Whether netbook evaluated this snippet itself (the preload or the warm-up), not the user. */
  public boolean isOwn(Snippet s) {
    return ownSnippets.contains(s.id());
  }

  private Outcome evalOne(String source, Duration timeout, boolean echo) {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> guard =
        timeout == null
            ? null
            : timer.schedule(
                () -> {
                  timedOut.set(true);
                  stop();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    // a stop that lands while javac is still compiling the snippet is lost: repeat it until the
    // snippet really returns
    JShell js = jshell;
    ScheduledFuture<?> repeat =
        timer.scheduleWithFixedDelay(
            () -> {
              if (stopped.get()) {
                js.stop();
              }
            },
            200,
            200,
            TimeUnit.MILLISECONDS);
    List<SnippetEvent> events;
    String printed;
    out.begin(echo);
    try {
      events = evalOnOwnThread(js, source);
    } finally {
      printed = out.end();
      repeat.cancel(false);
      if (guard != null) {
        guard.cancel(false);
      }
    }
    if (events == null) {
      String why =
          timedOut.get()
              ? "the snippet ran longer than " + seconds(timeout) + " and ignored its stop: "
              : "the snippet ignored Ctrl-C: ";
      return new Outcome(source, Outcome.Kind.STOPPED, printed, why + STATE_RESET, "");
    }
    if (stopped.get()) {
      String why =
          timedOut.get() ? "stopped: it ran longer than " + seconds(timeout) : "stopped (Ctrl-C)";
      return new Outcome(source, Outcome.Kind.STOPPED, printed, why, "");
    }
    if (folding != null) {
      folding.seen(
          source,
          events.stream()
              .filter(e -> e.causeSnippet() == null)
              .map(e -> e.snippet().kind())
              .findFirst()
              .orElse(null));
    }
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) {
        continue;
      }
      if (foldVariables
          && e.snippet() instanceof VarSnippet v
          && e.status() == Snippet.Status.VALID
          && e.exception() == null) {
        folding.declared(v);
      }
      return SnippetOutcomes.describe(jshell, source, e, printed);
    }
    return new Outcome(source, Outcome.Kind.DONE, printed, "", "");
  }

  /**
   * Evaluates on a thread of this JShell's group (a daemon; JShell's local engine runs the snippet
   * on a further thread it starts from there), and waits for it. Null when a stop did not end the
   * snippet within {@link #STOP_GRACE}: that JShell is abandoned and a fresh one is in place.
   */
  private List<SnippetEvent> evalOnOwnThread(JShell js, String source) {
    CompletableFuture<List<SnippetEvent>> done = new CompletableFuture<>();
    Executor scoped = scope;
    evaluating = source;
    evaluator.execute(
        () -> {
          try {
            scoped.execute(() -> done.complete(js.eval(source)));
          } catch (Throwable t) {
            done.completeExceptionally(t);
          }
        });
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          long at = stoppedAt.get();
          if (at != 0 && System.nanoTime() - at > STOP_GRACE.toNanos()) {
            abandon(js, evaluatorThread);
            return null;
          }
        } catch (InterruptedException e) {
          interrupted = true; // a stop, not an interrupt, ends a snippet: keep waiting for it
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      evaluating = null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The source of the snippet evaluating now, if one is: what the shutdown hook reads to tell which
   * status a snippet's System.exit gave.
   */
  public Optional<String> evaluating() {
    return Optional.ofNullable(evaluating);
  }

  /**
   * Leaves a JShell whose snippet survives its stop and starts a fresh one. The runaway threads
   * cannot be ended on JDK 17 (a ThreadDeath is all there is, and they catch it); they are daemons,
   * and each is suspended as soon as it is seen holding no lock, so that it spins no more and
   * prints no more (suspending one that holds a lock, System.out's say, would block the rest).
   */
  private void abandon(JShell old, Thread worker) {
    ThreadGroup group = threads;
    LOG.log(Level.DEBUG, "abandoning JShell " + group.getName() + ": a snippet ignored its stop");
    evaluator.shutdown(); // its thread waits on the runaway for ever: the next JShell has its own
    Runaways.quiet(group, worker, timer);
    Thread closer =
        new Thread(
            () -> {
              try {
                old.close();
              } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "closing an abandoned JShell", e);
              }
            },
            "netbook-jshell-close");
    closer.setDaemon(true);
    closer.start();
    start();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format("%.1f s", d.toMillis() / 1000.0);
  }

  /** Stops the snippet running now (from another thread: Ctrl-C, a cell timeout). */
  public void stop() {
    if (starting) {
      return;
    }
    stopped.set(true);
    stoppedAt.compareAndSet(0, System.nanoTime());
    jshell.stop();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    evaluator.shutdown();
    jshell.close();
    if (folding != null) {
      folding.delete();
    }
  }
}
