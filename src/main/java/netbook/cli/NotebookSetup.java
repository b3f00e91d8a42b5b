package netbook.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import netbook.Background;
import netbook.engine.Engine;
import netbook.engine.PullProgress;
import netbook.lab.Session;
import netbook.notebook.ConsoleTranscript;
import netbook.notebook.NotebookRunner;
import netbook.notebook.RunOptions;
import netbook.render.ImageHook;
import netbook.render.MarkdownRenderer;
import netbook.render.topology.LiveTopology;
import netbook.shell.JavaShell;
import org.jline.utils.AttributedString;

/**
 * What every notebook mode ({@code run}, {@code check}, {@code record} and step mode) sets up the
 * same way: the renderer, whose live topology pictures are drawn once the engine is open; the first
 * JShell warming up on a thread of its own while this one opens the engine and the session; the
 * runner over them; and a termination of the process that stops the runner. Closing it closes the
 * engine (and a JShell nobody took).
 */
final class NotebookSetup implements AutoCloseable {
  private final App app;
  private final AtomicReference<Engine> live = new AtomicReference<>();
  private final MarkdownRenderer renderer;
  private final boolean color;
  private final CompletableFuture<JavaShell> first = new CompletableFuture<>();
  private final AtomicBoolean firstTaken = new AtomicBoolean();
  private final AtomicBoolean warming = new AtomicBoolean();

  NotebookSetup(App app, int width, boolean color) {
    this.app = app;
    this.color = color;
    this.renderer = new MarkdownRenderer(width, color, liveTopology(live, color));
  }

  MarkdownRenderer renderer() {
    return renderer;
  }

  /** A renderer like {@link #renderer()} at another width (presenter mode, on a resize). */
  MarkdownRenderer renderer(int width) {
    return new MarkdownRenderer(width, color, liveTopology(live, color));
  }

  /**
   * Starts warming the first JShell up (javac's first compilation, the longest wait), opens the
   * engine and a session on it meanwhile, and returns the runner that prints to {@code out}.
   */
  NotebookRunner open(RunOptions options, PrintWriter out) {
    return open(options, out, app.pullLines());
  }

  /** As above, the pulls' progress going to {@code progress}. */
  NotebookRunner open(RunOptions options, PrintWriter out, Consumer<PullProgress> progress) {
    if (warming.compareAndSet(false, true)) {
      Background.complete("netbook-jshell-warmup", first, app::warmShell);
    }
    Engine engine = app.openEngine();
    live.set(engine);
    Session session = app.openSession(engine, options.keep(), progress);
    NotebookRunner runner =
        new NotebookRunner(
            session,
            this::shell,
            s -> ConsoleTranscript.of(s, options.mode()),
            out,
            renderer,
            options);
    app.lifecycle().onTerminate(runner::abort);
    // a termination's hook cleans the session up: the runner's own cleanup waits for it, never
    // races
    runner.aroundCleanup(app.lifecycle()::beginCleanup, () -> app.lifecycle().cleaning(false));
    return runner;
  }

  /** The warmed-up JShell the first time (waiting for it), a new one after; the taker closes it. */
  JavaShell shell() {
    if (!firstTaken.compareAndSet(false, true)) {
      return app.newShell();
    }
    try {
      return first.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    if (firstTaken.compareAndSet(false, true)) {
      first.thenAccept(JavaShell::close);
    }
    // while a termination's hook cleans up with it, the engine stays open (this does not return)
    app.lifecycle().beginCleanup();
    try {
      Engine engine = live.getAndSet(null);
      if (engine != null) {
        engine.close();
      }
    } finally {
      app.lifecycle().cleaning(false);
    }
  }

  /** Draws {@code ![topology](live)} images as the engine's network at that point. */
  static ImageHook liveTopology(AtomicReference<Engine> live, boolean unicode) {
    return (alt, src, width) -> {
      Engine engine = live.get();
      if (engine == null || !LiveTopology.isLivePicture(alt, src, null)) {
        return Optional.empty();
      }
      List<AttributedString> lines =
          LiveTopology.drawing(engine, width, unicode).lines().map(AttributedString::new).toList();
      return Optional.of(lines);
    };
  }
}
