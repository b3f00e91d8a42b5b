package netbook.render;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import netbook.engine.PullProgress;

/**
 * Shows pulls as the docker CLI does, in total: on a terminal one status line redrawn in place
 * ({@code \r}, at most every {@link #REDRAW}), on anything else a line at most every few seconds;
 * both end with one line, "pulled ubuntu (29.7 MB in 5.4 s)" or "pull of ubuntu cancelled" (a
 * failed pull's status line is erased: its error says what happened). Thread-safe: a pull's lines
 * arrive on the engine's stream thread, its end on the caller's. The clock (nanoseconds) is
 * injected for the tests.
 */
public final class PullProgressPrinter implements Consumer<PullProgress> {
  /** How often the terminal's status line is redrawn at most. */
  public static final Duration REDRAW = Duration.ofMillis(100);

  /** How often a line is printed at most when the output is not a terminal. */
  public static final Duration EVERY = Duration.ofSeconds(3);

  private static final String CLEAR_TO_END = "\u001b[K";

  private final PrintWriter out;
  private final boolean terminal;
  private final IntSupplier columns;
  private final LongSupplier nanos;
  private final long interval;
  private String ref;
  private long started;
  private long lastShown;
  private boolean statusOnScreen;

  private PullProgressPrinter(
      PrintWriter out, boolean terminal, IntSupplier columns, LongSupplier nanos, Duration every) {
    this.out = out;
    this.terminal = terminal;
    this.columns = columns;
    this.nanos = nanos;
    this.interval = every.toNanos();
  }

  /** A status line redrawn in place on a terminal {@code columns()} wide. */
  public static PullProgressPrinter terminal(
      PrintWriter out, IntSupplier columns, LongSupplier nanos) {
    return new PullProgressPrinter(out, true, columns, nanos, REDRAW);
  }

  /** A line at most every {@code every} (and the final line), for output that is no terminal. */
  public static PullProgressPrinter lines(PrintWriter out, LongSupplier nanos, Duration every) {
    return new PullProgressPrinter(out, false, () -> Integer.MAX_VALUE, nanos, every);
  }

  @Override
  public synchronized void accept(PullProgress p) {
    long now = nanos.getAsLong();
    boolean fresh = ref == null || !ref.equals(p.ref()) || p.phase() == PullProgress.Phase.STARTING;
    if (fresh) {
      if (statusOnScreen) {
        erase(); // (a pull whose end never came)
      }
      ref = p.ref();
      started = now;
      lastShown = now;
      if (!p.ended()) {
        show(PullProgress.starting(p.ref()).toString());
      }
      if (p.phase() == PullProgress.Phase.STARTING) {
        return;
      }
    }
    if (p.ended()) {
      end(p, now);
      return;
    }
    if (now - lastShown >= interval) {
      lastShown = now;
      show(p.toString());
    }
  }

  private void end(PullProgress p, long now) {
    switch (p.phase()) {
      case DONE -> finalLine(done(p, Duration.ofNanos(now - started)));
      case CANCELLED -> finalLine(p.toString());
      default -> {
        if (statusOnScreen) {
          erase();
        }
      }
    }
    ref = null;
    out.flush();
  }

  /** The line a finished pull leaves: "pulled ubuntu (29.7 MB in 5.4 s)". */
  public static String done(PullProgress p, Duration took) {
    String secs = String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    String what;
    if (p.bytesDone() > 0) {
      what = PullProgress.size(p.bytesDone()) + " in " + secs;
      if (p.layersExisting() > 0) {
        what += "; " + p.layersExisting() + " of " + p.layersTotal() + " layers were here already";
      }
    } else if (p.layersTotal() > 0 && p.layersExisting() == p.layersTotal()) {
      what =
          (p.layersTotal() == 1 ? "its layer was" : "its " + p.layersTotal() + " layers were")
              + " here already; "
              + secs;
    } else {
      what = secs;
    }
    return "pulled " + p.ref() + " (" + what + ")";
  }

  private void show(String text) {
    if (terminal) {
      out.print("\r" + fit(text) + CLEAR_TO_END);
      statusOnScreen = true;
    } else {
      out.println(text);
    }
    out.flush();
  }

  private void finalLine(String text) {
    if (terminal) {
      out.print("\r" + fit(text) + CLEAR_TO_END + "\n");
      statusOnScreen = false;
    } else {
      out.println(text);
    }
  }

  private void erase() {
    out.print("\r" + CLEAR_TO_END);
    statusOnScreen = false;
  }

  /** The text cut to the terminal's width less one column: a wrapped line cannot be redrawn. */
  private String fit(String text) {
    int max = columns.getAsInt() - 1;
    return max > 10 && text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }
}
