package netbook.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import netbook.Marks;
import netbook.NetbookException;
import netbook.Stage;
import netbook.console.DockerConsole;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.NetworkInfo;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.shell.JavaShell;

/**
 * What a REPL evaluates against: the JShell (built and warmed up in the background), the lab
 * session on its engine (opened in the background), and the one docker console of that session.
 * JShell starts on {@link #begin()} (the REPL calls it once its prompt is drawn), the engine a
 * moment after JShell is ready; the first input that needs one of them waits for it (and opens the
 * engine at once if it needs it sooner); nothing else does.
 */
public final class Workspace implements AutoCloseable {
  private static final long ENGINE_DELAY_MS = 300;
  private final Stage<Session> engine;
  private volatile Stage<JavaShell> shell;
  private final Supplier<JavaShell> shells;
  private final boolean borrowed;
  private final Marks marks;
  private final AtomicBoolean engineErrorReported = new AtomicBoolean();
  private final AtomicBoolean completionWarm = new AtomicBoolean();

  private Workspace(Supplier<Session> opener, Supplier<JavaShell> shells, Marks marks) {
    this.engine =
        new Stage<>(
            "netbook-engine-open",
            () -> {
              Session s = opener.get();
              marks.first("engine-open");
              return s;
            });
    this.shell = new Stage<>("netbook-jshell-warmup", this::warmShell);
    this.shells = shells;
    this.borrowed = false;
    this.marks = marks;
  }

  private Workspace(JavaShell shell, Session session, Supplier<JavaShell> shells) {
    this.engine = Stage.done(session);
    this.shell = Stage.done(shell);
    this.shells = shells;
    this.borrowed = true;
    this.marks = Marks.NONE;
  }

  /** Where the benchmark's marks go. */
  public Marks marks() {
    return marks;
  }

  /**
   * A session whose engine {@code opener} opens (it may fail: no daemon) and whose JShell {@code
   * shells} builds and warms up, each on a background thread from {@link #begin()} on; {@code
   * shells} builds a fresh one on {@code :reset}.
   */
  public static Workspace starting(
      Supplier<Session> opener, Supplier<JavaShell> shells, Marks marks) {
    return new Workspace(opener, shells, marks);
  }

  /** As above, marking nothing for the benchmark. */
  public static Workspace starting(Supplier<Session> opener, Supplier<JavaShell> shells) {
    return starting(opener, shells, Marks.NONE);
  }

  /**
   * A session over a JShell and lab session that are ready (a notebook entering the REPL); closing
   * it leaves them open.
   */
  public static Workspace of(JavaShell shell, Session session, Supplier<JavaShell> shells) {
    shell.scope(Lab.scope(session));
    return new Workspace(shell, session, shells);
  }

  /**
   * The start's order: JShell first (the longest wait, and what the first input needs), then the
   * engine a moment after JShell is ready: on 2 cores the two would slow each other down, and the
   * moment lets a first input typed ahead be evaluated alone. An input that needs the engine sooner
   * opens it at once (see {@link #beginEngine()}), and so does the REPL once its first input is
   * done. Calls after the first change nothing.
   */
  public void begin() {
    Stage<JavaShell> first = shell;
    if (first.start()) {
      first
          .result()
          .whenComplete(
              (s, e) ->
                  CompletableFuture.runAsync(
                      this::beginEngine,
                      CompletableFuture.delayedExecutor(ENGINE_DELAY_MS, TimeUnit.MILLISECONDS)));
    }
  }

  /** Starts opening the engine now, unless that has begun (piped input: both at once). */
  public void beginEngine() {
    engine.start();
  }

  private JavaShell warmShell() {
    JavaShell s = shells.get();
    s.scope(Lab.scope(this::sessionNow));
    marks.first("shell-ready");
    return s;
  }

  /**
   * Pays the first completion's cost (a few hundred ms of javac) once, if the shell is ready: the
   * REPL calls it on its own thread after the first input's result is shown, while the reader
   * reads, so neither the first result nor the first Tab waits for it. (JShell is not thread-safe:
   * only the thread that evaluates and completes may call this.) True the one time it did.
   */
  public boolean warmCompletionOnce() {
    Optional<JavaShell> s = shellNow().filter(x -> completionWarm.compareAndSet(false, true));
    s.ifPresent(x -> x.analysis().completionSuggestions("Math.m", 6, new int[1]));
    return s.isPresent();
  }

  /** The JShell, waiting (interruptibly) until it is built. */
  public JavaShell shell() throws InterruptedException {
    begin();
    return await(shell.result());
  }

  /** The JShell if it is ready now. */
  public Optional<JavaShell> shellNow() {
    return now(shell.result());
  }

  /** The lab session, waiting until the engine answered; fails with the engine's one line. */
  public Session session() throws InterruptedException {
    begin();
    beginEngine();
    return await(engine.result());
  }

  /** The lab session if its engine is open now. */
  public Optional<Session> sessionNow() {
    return now(engine.result());
  }

  /** The engine if it is open now. */
  public Optional<Engine> engineNow() {
    return sessionNow().map(Session::engine);
  }

  /** Waits until opening the engine ended, well or not (snippets then see the API in place). */
  public void awaitEngineSettled() throws InterruptedException {
    begin();
    beginEngine();
    try {
      engine.result().get();
    } catch (ExecutionException | CancellationException e) {
      // reported by engineError()
    }
  }

  /** Whether opening the engine has ended, well or not. */
  public boolean engineSettled() {
    return engine.result().isDone();
  }

  /** Why the engine could not be opened, once that is known. */
  public Optional<String> engineError() {
    CompletableFuture<Session> session = engine.result();
    if (!session.isDone() || !session.isCompletedExceptionally()) {
      return Optional.empty();
    }
    try {
      session.join();
      return Optional.empty();
    } catch (CompletionException | CancellationException e) {
      return Optional.of(message(e));
    }
  }

  /** The engine's error the first time it is asked for (so it is reported once), else empty. */
  public Optional<String> engineErrorOnce() {
    Optional<String> e = engineError();
    return e.isPresent() && engineErrorReported.compareAndSet(false, true) ? e : Optional.empty();
  }

  /** Runs {@code action} once the engine opening ended, with its error (or empty). */
  public void whenEngineSettled(Consumer<Optional<String>> action) {
    engine.result().whenComplete((s, e) -> action.accept(engineError()));
  }

  /** The docker console of the lab session: the same one {@code docker("…")} uses. */
  public DockerConsole console() throws InterruptedException {
    return DockerConsole.of(session());
  }

  /** What this session created and still exists: containers and networks, by name. */
  public List<String> owned() {
    Optional<Session> s = sessionNow();
    if (s.isEmpty()) {
      return List.of();
    }
    Engine e = s.get().engine();
    List<String> names = new ArrayList<>();
    for (ContainerInfo c : e.containers(true)) {
      if (s.get().owns(c.labels()) && !"helper".equals(c.labels().get(Session.LABEL_ROLE))) {
        names.add("container " + c.name());
      }
    }
    for (NetworkInfo n : e.networks()) {
      if (s.get().owns(n.labels())) {
        names.add("network " + n.name());
      }
    }
    return names;
  }

  /**
   * Ctrl-C: cancels a pull in progress (it says so before this returns), then stops the snippet
   * running now, if any.
   */
  public void stop() {
    sessionNow().ifPresent(Session::cancelPulls);
    shellNow().ifPresent(JavaShell::stop);
  }

  /** Whether the JShell and session belong to a notebook that lent them to this REPL. */
  public boolean borrowed() {
    return borrowed;
  }

  /** Throws the JShell away and starts a fresh one in the background ({@code :reset}). */
  public void resetShell() {
    Stage<JavaShell> old = shell;
    Stage<JavaShell> fresh = new Stage<>("netbook-jshell-reset", this::warmShell);
    shell = fresh;
    old.result().thenAccept(JavaShell::close);
    fresh.start();
  }

  @Override
  public void close() {
    if (borrowed) {
      return; // the notebook's JShell and engine: it closes them
    }
    shell.result().thenAccept(JavaShell::close);
    engine.result().thenAccept(s -> s.engine().close());
  }

  private static <T> Optional<T> now(CompletableFuture<T> f) {
    if (!f.isDone() || f.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return Optional.of(f.join());
  }

  private static <T> T await(CompletableFuture<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new NetbookException(message(e), e.getCause());
    }
  }

  static String message(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
