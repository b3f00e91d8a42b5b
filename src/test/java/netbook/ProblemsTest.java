package netbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Issue 17.11: errors read as words, never as Java's class names or internal texts. */
class ProblemsTest {
  @Test
  void fileProblemsAreSaidInWords() {
    assertThat(Problems.io(new NoSuchFileException("x.md")))
        .isEqualTo("there is no such file or directory");
    assertThat(Problems.io(new AccessDeniedException("x.md"))).isEqualTo("permission denied");
    assertThat(Problems.io(new java.net.ConnectException()))
        .isEqualTo("the connection was refused");
    assertThat(Problems.io(new IOException("No space left on device")))
        .isEqualTo("the disk is full");
    assertThat(Problems.plain(new NoSuchFileException("x.md")))
        .isEqualTo("x.md: there is no such file or directory");
  }

  @Test
  void javasInternalTextsBecomeWords() {
    assertThat(Problems.plain(new NumberFormatException("For input string: \"abc\"")))
        .isEqualTo("\"abc\" is not a number: give digits only, like 42");
    assertThat(Problems.plain(new ArithmeticException("/ by zero")))
        .isEqualTo("division by zero: check the divisor");
    assertThat(Problems.plain(new NullPointerException()))
        .isEqualTo("a value is null: check that the variable was set before it is used");
    assertThat(Problems.plain(new IllegalStateException())).isEqualTo("illegal state (no message)");
    assertThat(Problems.plain(new IllegalArgumentException("port 0 is not allowed")))
        .isEqualTo("port 0 is not allowed");
  }

  @Test
  void noLineNamesAJavaClass() {
    for (Throwable t :
        new Throwable[] {
          new NumberFormatException("For input string: \"x\""),
          new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null"),
          new IndexOutOfBoundsException("Index 3 out of bounds for length 2"),
          new java.io.UncheckedIOException(new NoSuchFileException("/nope")),
          new RuntimeException()
        }) {
      assertThat(Problems.plain(t))
          .doesNotContain("java.")
          .doesNotContain("Exception")
          .doesNotContain("For input string")
          .doesNotContain("\n");
    }
  }
}
