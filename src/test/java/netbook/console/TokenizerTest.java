package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerTest {
  @Test
  void splitsWithShellQuoting() {
    assertThat(Tokenizer.split("  run  -e 'A=x y' -e \"B=\\\"q\\\"\" sh -c echo\\ hi "))
        .containsExactly("run", "-e", "A=x y", "-e", "B=\"q\"", "sh", "-c", "echo hi");
    assertThat(Tokenizer.split("a'b'\"c\"")).containsExactly("abc");
    assertThat(Tokenizer.split("''")).containsExactly("");
  }

  @Test
  void unclosedQuotesAreOneLine() {
    assertThatThrownBy(() -> Tokenizer.split("echo 'x")).hasMessage("unclosed ' in: echo 'x");
  }

  @Test
  void findsCommandSubstitutions() {
    String line = "docker stop $(docker ps -a -q) `docker ps -q` '$(not)'";
    assertThat(Tokenizer.substitutions(line))
        .extracting(Tokenizer.Substitution::inner)
        .containsExactly("docker ps -a -q", "docker ps -q");
    assertThat(Tokenizer.substitutions("x $(a $(b)) y"))
        .extracting(Tokenizer.Substitution::inner)
        .containsExactly("a $(b)");
  }
}
