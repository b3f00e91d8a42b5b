package netbook.engine.embedded.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.busybox.ShellResult;
import org.junit.jupiter.api.Test;

/** What a user sees typing into the modelled shell, keystroke by keystroke. */
class TerminalShellTest {
  private final List<String> ran = new ArrayList<>();
  private final StringBuilder screen = new StringBuilder();
  private final StringBuilder errors = new StringBuilder();

  private TerminalShell shell(boolean tty) {
    return new TerminalShell(
        tty,
        line -> {
          ran.add(line);
          return line.startsWith("bad")
              ? new ShellResult("", "sh: bad: not found\n", 127)
              : new ShellResult("ran " + line + "\n", "", 0);
        },
        (stream, text) -> (stream == 1 ? screen : errors).append(text));
  }

  private static int type(TerminalShell sh, String keys) throws IOException {
    byte[] b = keys.getBytes(StandardCharsets.UTF_8);
    return sh.feed(b, b.length);
  }

  @Test
  void echoesRunsAndPromptsOnATty() throws IOException {
    TerminalShell sh = shell(true);
    sh.begin();
    assertThat(type(sh, "hostname -i\r")).isEqualTo(TerminalShell.GOING_ON);
    assertThat(ran).containsExactly("hostname -i");
    assertThat(screen).hasToString("/ # hostname -i\r\nran hostname -i\n/ # ");
  }

  @Test
  void backspaceCtrlUAndCtrlCEditTheLine() throws IOException {
    TerminalShell sh = shell(true);
    type(sh, "ecx\u007fho a\r");
    type(sh, "junk\u0015ls\r");
    type(sh, "oops\u0003");
    assertThat(ran).containsExactly("echo a", "ls");
    assertThat(screen.toString()).contains("ecx\b \bho a").endsWith("oops^C\r\n/ # ");
  }

  @Test
  void arrowKeysAreIgnored() throws IOException {
    TerminalShell sh = shell(true);
    type(sh, "\u001b[Aecho\u001b[D\r");
    assertThat(ran).containsExactly("echo");
  }

  @Test
  void exitEndsWithItsCodeAndCtrlDWithTheLastOne() throws IOException {
    assertThat(type(shell(true), "exit 5\r")).isEqualTo(5);
    TerminalShell sh = shell(true);
    type(sh, "bad\r");
    assertThat(type(sh, "\u0004")).isEqualTo(127);
    assertThat(screen.toString()).contains("sh: bad: not found\n");
  }

  @Test
  void ctrlPCtrlQDetaches() throws IOException {
    TerminalShell sh = shell(true);
    assertThat(type(sh, "ab\u0010\u0011")).isEqualTo(TerminalShell.DETACHED);
    assertThat(ran).isEmpty();
  }

  @Test
  void withoutATtyItReadsLinesSilentlyUntilTheEnd() throws IOException {
    TerminalShell sh = shell(false);
    sh.begin();
    assertThat(type(sh, "echo a\nbad\necho b")).isEqualTo(TerminalShell.GOING_ON);
    assertThat(sh.end()).isEqualTo(0);
    assertThat(ran).containsExactly("echo a", "bad", "echo b");
    assertThat(screen).hasToString("ran echo a\nran echo b\n");
    assertThat(errors).hasToString("sh: bad: not found\n");
  }

  @Test
  void knowsWhichCommandsReadStdin() {
    assertThat(TerminalShell.interactive(List.of("/bin/sh"))).isTrue();
    assertThat(TerminalShell.interactive(List.of("bash", "-l"))).isTrue();
    assertThat(TerminalShell.interactive(List.of("sh", "-c", "echo"))).isFalse();
    assertThat(TerminalShell.interactive(List.of("ping", "x"))).isFalse();
  }
}
