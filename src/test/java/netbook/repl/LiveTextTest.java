package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netbook.shell.EvalResult;
import netbook.shell.Outcome;
import org.junit.jupiter.api.Test;

class LiveTextTest {
  static final String PING = "PING b (10.0.0.3): 56 data bytes\n64 bytes from 10.0.0.3: seq=0\n";

  @Test
  void aValueThatRepeatsWhatWasShownLiveIsNotPrintedTwice() {
    EvalResult r =
        new EvalResult(
            List.of(new Outcome("a.ping(\"b\")", Outcome.Kind.VALUE, "", PING.strip(), "")), "");
    assertThat(LiveText.withoutShown(r, PING).outcomes().get(0).display()).isEmpty();
  }

  @Test
  void whatTheValueAddsIsStillPrinted_andANamedValueKeepsItsName() {
    EvalResult r =
        new EvalResult(
            List.of(
                new Outcome("a.sh(\"false\")", Outcome.Kind.VALUE, "", "nope\n(exit 1)", ""),
                new Outcome("var p = a.ping(\"b\")", Outcome.Kind.VALUE, "", "p ==> " + PING, "")),
            "");
    List<Outcome> o = LiveText.withoutShown(r, "nope\n").outcomes();
    assertThat(o.get(0).display()).isEqualTo("(exit 1)");
    assertThat(o.get(1).display()).isEqualTo("p ==> " + PING); // not what was shown
    assertThat(LiveText.withoutShown(r, PING).outcomes().get(1).display())
        .isEqualTo("p ==> (shown above)");
  }

  @Test
  void nothingShownLiveChangesNothing() {
    assertThat(LiveText.rest("abc\n", "")).isEqualTo("abc\n");
    assertThat(LiveText.rest("abc\n", "xyz")).isEqualTo("abc\n");
    assertThat(LiveText.rest("abc\ndef\n", "abc\n")).isEqualTo("def\n");
  }
}
