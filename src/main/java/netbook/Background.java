package netbook;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Work that runs on a daemon thread of its own and completes a future (a start's slow parts). */
public final class Background {
  private Background() {}

  /**
   * Starts a daemon thread named {@code thread} that completes {@code f} with what {@code work}
   * returns, or with what it throws; returns {@code f}.
   */
  public static <T> CompletableFuture<T> complete(
      String thread, CompletableFuture<T> f, Supplier<T> work) {
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(work.get());
              } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
              }
            },
            thread);
    t.setDaemon(true);
    t.start();
    return f;
  }
}
