package netbook.repl;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import netbook.NetbookException;
import netbook.console.DockerConsole;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.NetworkInfo;
import netbook.lab.Session;
import netbook.shell.JShellSession;

/**
 * What a REPL evaluates against: the JShell (built and warmed up in the background), the lab
 * session on its engine (opened in the background by the command line), and the one docker console
 * of that session. The first input that needs one of them waits for it; nothing else does.
 */
public final class ReplSession implements AutoCloseable {
  private final CompletableFuture<Session> session;
  private final Supplier<JShellSession> shells;
  private volatile CompletableFuture<JShellSession> shell;
  private volatile DockerConsole console;
  private final java.util.concurrent.atomic.AtomicBoolean engineErrorReported =
      new java.util.concurrent.atomic.AtomicBoolean();

  private ReplSession(CompletableFuture<Session> session, Supplier<JShellSession> shells) {
    this.session = session;
    this.shells = shells;
    this.shell = startShell();
  }

  /**
   * A session whose engine is still opening ({@code session} may fail: no daemon) and whose JShell
   * {@code shells} builds and warms up on a background thread now, and again on {@code :reset}.
   */
  public static ReplSession starting(
      CompletableFuture<Session> session, Supplier<JShellSession> shells) {
    return new ReplSession(session, shells);
  }

  /** A session over a JShell and lab session that are ready (a notebook entering the REPL). */
  public static ReplSession of(
      JShellSession shell, Session session, Supplier<JShellSession> shells) {
    return new ReplSession(CompletableFuture.completedFuture(session), shells, shell);
  }

  private ReplSession(
      CompletableFuture<Session> session, Supplier<JShellSession> shells, JShellSession ready) {
    this.session = session;
    this.shells = shells;
    this.shell = CompletableFuture.completedFuture(ready);
  }

  private CompletableFuture<JShellSession> startShell() {
    Executor background =
        task -> {
          Thread t = new Thread(task, "netbook-jshell-warmup");
          t.setDaemon(true);
          t.start();
        };
    return CompletableFuture.supplyAsync(shells, background);
  }

  /** The JShell, waiting (interruptibly) until it is built. */
  public JShellSession shell() throws InterruptedException {
    return await(shell);
  }

  /** The JShell if it is ready now. */
  public Optional<JShellSession> shellNow() {
    return now(shell);
  }

  /** The lab session, waiting until the engine answered; fails with the engine's one line. */
  public Session session() throws InterruptedException {
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
    try {
      session.get();
    } catch (ExecutionException | CancellationException e) {
      // reported by engineError()
    }
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

  /** The docker console of this session (one per session). */
  public DockerConsole console() throws InterruptedException {
    DockerConsole c = console;
    if (c == null) {
      Session s = session();
      synchronized (this) {
        if (console == null) {
          console = new DockerConsole(s);
        }
        c = console;
      }
    }
    return c;
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

  /** Throws the JShell away and starts a fresh one in the background ({@code :reset}). */
  public void resetShell() {
    CompletableFuture<JShellSession> old = shell;
    shell = startShell();
    old.thenAccept(JShellSession::close);
  }

  @Override
  public void close() {
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
