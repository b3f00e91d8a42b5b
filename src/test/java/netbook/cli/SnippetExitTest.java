package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetExitTest {
  private static StackTraceElement f(String cls, String method) {
    return new StackTraceElement(cls, method, null, 1);
  }

  @Test
  void aSnippetExitIsShutdownExitUnderASnippetFrame() {
    StackTraceElement[] snippet = {
      f("java.lang.Thread", "join"),
      f("java.lang.Shutdown", "exit"),
      f("java.lang.Runtime", "exit"),
      f("java.lang.System", "exit"),
      f("REPL.$JShell$12", "do_it$"),
    };
    StackTraceElement[] signal = {
      f("java.lang.Shutdown", "exit"), f("java.lang.Terminator$1", "handle")
    };
    StackTraceElement[] idle = {f("REPL.$JShell$3", "do_it$")};
    assertThat(SnippetExit.isSnippetExit(snippet)).isTrue();
    assertThat(SnippetExit.isSnippetExit(signal)).isFalse();
    assertThat(SnippetExit.isSnippetExit(idle)).isFalse();
  }

  @Test
  void theStatusIsReadWhenTheSourceSpellsItOut() {
    assertThat(SnippetExit.statusIn(Set.of("System.exit(3);"))).hasValue(3);
    assertThat(SnippetExit.statusIn(Set.of("if (x) { System . exit ( -2 ) ; }"))).hasValue(-2);
    assertThat(SnippetExit.statusIn(Set.of("Runtime.getRuntime().exit(7)"))).hasValue(7);
    assertThat(SnippetExit.statusIn(Set.of("System.exit(code)"))).isEqualTo(OptionalInt.empty());
    assertThat(SnippetExit.statusIn(Set.of("System.exit(1); System.exit(2);"))).isEmpty();
    assertThat(new SnippetExit(OptionalInt.empty()).what())
        .isEqualTo("a snippet called System.exit");
    assertThat(new SnippetExit(OptionalInt.of(3)).exiting()).isEqualTo("exiting with 3");
  }
}
