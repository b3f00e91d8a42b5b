package netbook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One step of a start (JShell warming up, the engine opening): its work runs at most once, on a
 * daemon thread of its own, from the first {@link #start()} on; its result is a future.
 */
public final class Stage<T> {
  private final String thread;
  private final Supplier<T> work;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();

  /** A stage that {@code work} completes, on a thread named {@code thread}. */
  public Stage(String thread, Supplier<T> work) {
    this.thread = thread;
    this.work = work;
  }

  /** A stage that is done already, with {@code value}. */
  public static <T> Stage<T> done(T value) {
    Stage<T> s = new Stage<>("", () -> value);
    s.started.set(true);
    s.result.complete(value);
    return s;
  }

  /** Starts the work unless it has started; true the first time. */
  public boolean start() {
    if (!started.compareAndSet(false, true)) {
      return false;
    }
    Background.complete(thread, result, work);
    return true;
  }

  /** The work's result (or failure), once it is done. */
  public CompletableFuture<T> result() {
    return result;
  }
}
