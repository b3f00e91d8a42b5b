package netbook.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17.10: one word-boundary wrapper, to the terminal's width. */
class WrapTest {
  static final String MESSAGE =
      "container web is not on network backend: connect it with"
          + " net(\"backend\").connect(container(\"web\")) and try again";

  @Test
  void breaksOnlyBetweenWordsAndFitsTheWidth() {
    String wrapped = Wrap.words(MESSAGE, 40);
    List<String> lines = wrapped.lines().toList();
    assertThat(lines)
        .hasSizeGreaterThan(1)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    // the same words in the same order: nothing was cut inside a word
    assertThat(Arrays.asList(wrapped.split("\\s+")))
        .isEqualTo(Arrays.asList(MESSAGE.split("\\s+")));
  }

  @Test
  void aWordLongerThanTheWidthStaysWhole() {
    assertThat(Wrap.words("see net(\"backend\").connect(container(\"web\")) now", 12))
        .isEqualTo("see\nnet(\"backend\").connect(container(\"web\"))\nnow");
  }

  @Test
  void keepsLineBreaksAndIndentsContinuations() {
    assertThat(Wrap.words("  one two three four\nfive", 10))
        .isEqualTo("  one two\n  three\n  four\nfive");
    assertThat(Wrap.hanging("  :diagram [--svg FILE]  the network as a diagram", 25, 40))
        .containsExactly(
            "  :diagram [--svg FILE]  the network as", "                         a diagram");
  }

  @Test
  void noWidthMeansNoWrapping() {
    assertThat(Wrap.words(MESSAGE, 0)).isEqualTo(MESSAGE);
  }
}
