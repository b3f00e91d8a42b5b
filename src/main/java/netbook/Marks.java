package netbook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Time stamps for the benchmark ({@code bench/run}): when the command line is given a sink
 * (NETBOOK_BENCH_MARKS names a file), the REPL and the notebook runner mark the first time the
 * prompt is usable, a Java result is printed and prose is on screen, as {@code "what epochMillis"}
 * lines. {@link #NONE} marks nothing. The command line makes one and hands it down.
 */
public final class Marks {
  /** Marks nothing. */
  public static final Marks NONE = new Marks(null);

  private final Consumer<String> sink;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** Marks go to {@code sink} (null: nowhere). */
  public Marks(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Marks the first time {@code what} happens. */
  public void first(String what) {
    if (sink != null && seen.add(what)) {
      sink.accept(what + " " + System.currentTimeMillis());
    }
  }
}
