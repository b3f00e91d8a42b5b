package netbook.repl;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import netbook.Marks;
import netbook.NetbookException;
import netbook.console.DockerConsole;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.NetworkInfo;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.shell.JShellSession;

/**
 * What a REPL evaluates against: the JShell (built and warmed up in the background), the lab
 * session on its engine (opened in the background), and the one docker console of that session.
 * JShell starts on {@link #begin()} (the REPL calls it once its prompt is drawn), the engine a
 * moment after JShell is ready; the first input that needs one of them waits for it (and opens the
 * engine at once if it needs it sooner); nothing else does.
 */
public final class ReplSession implements AutoCloseable {
  private static final long ENGINE_DELAY_MS = 300;
  private final CompletableFuture<Session> session = new CompletableFuture<>();
  private final Supplier<Session> opener;
  private final Supplier<JShellSession> shells;
  private volatile CompletableFuture<JShellSession> shell = new CompletableFuture<>();
  private final AtomicBoolean begun = new AtomicBoolean();
  private final AtomicBoolean engineScheduled = new AtomicBoolean();
  private final AtomicBoolean shellBegun = new AtomicBoolean();
  private boolean borrowed;
  private final AtomicBoolean engineErrorReported = new AtomicBoolean();
  private final AtomicBoolean completionWarm = new AtomicBoolean();

  private final Marks marks;

  private ReplSession(Supplier<Session> opener, Supplier<JShellSession> shells, Marks marks) {
    this.opener = opener;
    this.shells = shells;
    this.marks = marks;
  }

  /** Where the benchmark's marks go. */
  public Marks marks() {
    return marks;
  }

  /**
   * A session whose engine {@code opener} opens (it may fail: no daemon; it also makes the session
   * the API's) and whose JShell {@code shells} builds and warms up, each on a background thread
   * from {@link #begin()} on; {@code shells} builds a fresh one on {@code :reset}.
   */
  public static ReplSession starting(
      Supplier<Session> opener, Supplier<JShellSession> shells, Marks marks) {
    return new ReplSession(opener, shells, marks);
  }

  /** As above, marking nothing for the benchmark. */
  public static ReplSession starting(Supplier<Session> opener, Supplier<JShellSession> shells) {
    return starting(opener, shells, Marks.NONE);
  }

  /**
   * A session over a JShell and lab session that are ready (a notebook entering the REPL); closing
   * it leaves them open.
   */
  public static ReplSession of(
      JShellSession shell, Session session, Supplier<JShellSession> shells) {
    ReplSession r = new ReplSession(() -> session, shells, Marks.NONE);
    r.begun.set(true);
    r.engineScheduled.set(true);
    r.shellBegun.set(true);
    r.borrowed = true;
    r.session.complete(session);
    shell.scope(Lab.scope(session));
    r.shell.complete(shell);
    return r;
  }

  /**
   * Starts building JShell, unless that has begun, and opening the engine a moment after JShell is
   * ready: on 2 cores the two would slow each other down, and JShell is what the first input needs;
   * the moment lets a first input typed ahead be evaluated alone. An input that needs the engine
   * sooner opens it at once (see {@link #beginEngine()}), and so does the REPL once its first input
   * is done.
   */
  public void begin() {
    beginShell();
    if (engineScheduled.compareAndSet(false, true)) {
      shell.whenComplete(
          (s, e) ->
              CompletableFuture.runAsync(
                  this::beginEngine,
                  CompletableFuture.delayedExecutor(ENGINE_DELAY_MS, TimeUnit.MILLISECONDS)));
    }
  }

  /** Starts opening the engine now, unless that has begun (piped input: both at once). */
  public void beginEngine() {
    if (begun.compareAndSet(false, true)) {
      netbook.Background.complete(
          "netbook-engine-open",
          session,
          () -> {
            Session s = opener.get();
            marks.first("engine-open");
            return s;
          });
    }
  }

  /**
   * Starts building JShell alone, unless that has begun: it is the longest wait (javac warming up),
   * so the command line starts it before the terminal, and the engine once the prompt is up.
   */
  public void beginShell() {
    if (shellBegun.compareAndSet(false, true)) {
      netbook.Background.complete("netbook-jshell-warmup", shell, this::warmShell);
    }
  }

  private JShellSession warmShell() {
    JShellSession s = shells.get();
    s.scope(Lab.scope(this::sessionNow));
    marks.first("shell-ready");
    return s;
  }

  /**
   * Pays the first completion's cost (a few hundred ms of javac) once, if the shell is ready: the
   * REPL calls it on its own thread after the first input's result is shown, while the reader
   * reads, so neither the first result nor the first Tab waits for it. (JShell is not thread-safe:
   * only the thread that evaluates and completes may call this.)
   */
  public void warmCompletionOnce() {
    shellNow()
        .filter(s -> completionWarm.compareAndSet(false, true))
        .ifPresent(s -> s.analysis().completionSuggestions("Math.m", 6, new int[1]));
  }

  /** The JShell, waiting (interruptibly) until it is built. */
  public JShellSession shell() throws InterruptedException {
    begin();
    return await(shell);
  }

  /** The JShell if it is ready now. */
  public Optional<JShellSession> shellNow() {
    return now(shell);
  }

  /** The lab session, waiting until the engine answered; fails with the engine's one line. */
  public Session session() throws InterruptedException {
    begin();
    beginEngine();
    return await(session);
  }

  /** The lab session if its engine is open now. */
  public Optional<Session> sessionNow() {
    return now(session);
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
      session.get();
    } catch (ExecutionException | CancellationException e) {
      // reported by engineError()
    }
  }

  /** Whether opening the engine has ended, well or not. */
  public boolean engineSettled() {
    return session.isDone();
  }

  /** Why the engine could not be opened, once that is known. */
  public Optional<String> engineError() {
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
  public void whenEngineSettled(java.util.function.Consumer<Optional<String>> action) {
    session.whenComplete((s, e) -> action.accept(engineError()));
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
    List<String> names = new java.util.ArrayList<>();
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

  /** Stops the snippet running now, if any (Ctrl-C). */
  public void stop() {
    shellNow().ifPresent(JShellSession::stop);
  }

  /** Whether the JShell and session belong to a notebook that lent them to this REPL. */
  public boolean borrowed() {
    return borrowed;
  }

  /** Throws the JShell away and starts a fresh one in the background ({@code :reset}). */
  public void resetShell() {
    CompletableFuture<JShellSession> old = shell;
    CompletableFuture<JShellSession> fresh = new CompletableFuture<>();
    shell = fresh;
    old.thenAccept(JShellSession::close);
    netbook.Background.complete("netbook-jshell-reset", fresh, this::warmShell);
  }

  @Override
  public void close() {
    if (borrowed) {
      return; // the notebook's JShell and engine: it closes them
    }
    shell.thenAccept(JShellSession::close);
    session.thenAccept(s -> s.engine().close());
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
