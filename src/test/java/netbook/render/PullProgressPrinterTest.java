package netbook.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import netbook.engine.PullProgress;
import netbook.engine.PullProgress.Phase;
import org.junit.jupiter.api.Test;

/** The status line on a terminal, the throttled lines elsewhere, with a clock the test turns. */
class PullProgressPrinterTest {
  static final String EL = "\u001b[K";
  final StringWriter text = new StringWriter();
  final PrintWriter out = new PrintWriter(text);
  final AtomicLong clock = new AtomicLong(1_000_000_000L);

  void advance(long millis) {
    clock.addAndGet(millis * 1_000_000L);
  }

  static PullProgress at(Phase phase, int done, long bytes) {
    return new PullProgress("ubuntu", phase, done, 5, 0, bytes, 29_700_000L, "");
  }

  @Test
  void aTerminalRedrawsOneLineInPlaceAndLeavesTheFinalLine() {
    PullProgressPrinter p = PullProgressPrinter.terminal(out, () -> 80, clock::get);
    p.accept(PullProgress.starting("ubuntu"));
    advance(150);
    p.accept(at(Phase.DOWNLOADING, 1, 3_000_000));
    advance(20); // too soon: not redrawn
    p.accept(at(Phase.DOWNLOADING, 2, 6_000_000));
    advance(100);
    p.accept(at(Phase.DOWNLOADING, 3, 12_300_000));
    advance(5130);
    p.accept(at(Phase.DONE, 5, 29_700_000));
    assertThat(text.toString())
        .isEqualTo(
            "\rpulling ubuntu …"
                + EL
                + "\rubuntu: 1/5 layers, 3.0 MB / 29.7 MB (10%)"
                + EL
                + "\rubuntu: 3/5 layers, 12.3 MB / 29.7 MB (41%)"
                + EL
                + "\rpulled ubuntu (29.7 MB in 5.4 s)"
                + EL
                + "\n");
  }

  @Test
  void aTerminalLineNeverWraps() {
    PullProgressPrinter p = PullProgressPrinter.terminal(out, () -> 20, clock::get);
    p.accept(PullProgress.starting("a-rather-long-image-name"));
    assertThat(text.toString()).isEqualTo("\rpulling a-rather-l…" + EL);
  }

  @Test
  void aCancelledPullSaysSoAndAFailedOneIsErased() {
    PullProgressPrinter p = PullProgressPrinter.terminal(out, () -> 80, clock::get);
    p.accept(PullProgress.starting("ubuntu"));
    p.accept(at(Phase.CANCELLED, 1, 3_000_000));
    p.accept(PullProgress.starting("nginx"));
    p.accept(new PullProgress("nginx", Phase.FAILED, 0, 0, 0, 0, -1, "")); // its error says why
    assertThat(text.toString())
        .isEqualTo(
            "\rpulling ubuntu …"
                + EL
                + "\rpull of ubuntu cancelled"
                + EL
                + "\n\rpulling nginx …"
                + EL
                + "\r"
                + EL);
  }

  @Test
  void pipedOutputGetsALineEveryFewSecondsAndTheFinalLine() {
    PullProgressPrinter p = PullProgressPrinter.lines(out, clock::get, Duration.ofSeconds(3));
    p.accept(PullProgress.starting("ubuntu"));
    for (int i = 1; i <= 40; i++) { // 8 s of progress, every 200 ms
      advance(200);
      p.accept(at(Phase.DOWNLOADING, i / 10, i * 700_000L));
    }
    advance(100);
    p.accept(at(Phase.DONE, 5, 29_700_000));
    assertThat(text.toString().replace(System.lineSeparator(), "\n"))
        .isEqualTo(
            "pulling ubuntu …\n"
                + "ubuntu: 1/5 layers, 10.5 MB / 29.7 MB (35%)\n"
                + "ubuntu: 3/5 layers, 21.0 MB / 29.7 MB (70%)\n"
                + "pulled ubuntu (29.7 MB in 8.1 s)\n");
  }

  @Test
  void theFinalLineSaysWhatWasHereAlready() {
    PullProgress some = new PullProgress("u", Phase.DONE, 3, 3, 2, 840_000, 840_000, "");
    PullProgress none = new PullProgress("u", Phase.DONE, 2, 2, 2, 0, 0, "");
    PullProgress nothing = new PullProgress("u", Phase.DONE, 0, 0, 0, 0, -1, "");
    Duration t = Duration.ofMillis(1234);
    assertThat(PullProgressPrinter.done(some, t))
        .isEqualTo("pulled u (840 kB in 1.2 s; 2 of 3 layers were here already)");
    assertThat(PullProgressPrinter.done(none, t))
        .isEqualTo("pulled u (its 2 layers were here already; 1.2 s)");
    assertThat(PullProgressPrinter.done(nothing, t)).isEqualTo("pulled u (1.2 s)");
  }
}
