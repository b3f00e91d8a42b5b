package netbook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Time stamps for the benchmark ({@code bench/run}): when the command line is given a sink
 * (NETBOOK_BENCH_MARKS names a file), the REPL and the notebook runner mark the first time the
 * prompt is usable, a Java result is printed and prose is on screen, as {@code "what epochMillis"}
 * lines. Without a sink every mark is a no-op.
 */
public final class BenchMarks {
  private static volatile Consumer<String> sink;
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private BenchMarks() {}

  /** Where marks go from now on (the command line, once). */
  public static void sink(Consumer<String> s) {
    sink = s;
  }

  /** Marks the first time {@code what} happens in this process. */
  public static void first(String what) {
    Consumer<String> s = sink;
    if (s != null && SEEN.add(what)) {
      s.accept(what + " " + System.currentTimeMillis());
    }
  }
}
