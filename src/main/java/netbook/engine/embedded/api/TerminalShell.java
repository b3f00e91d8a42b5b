package netbook.engine.embedded.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.busybox.ShellResult;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;

/**
 * An interactive busybox {@code sh} fed with what a client types on an attached stdin. With a TTY
 * it is what the terminal's line discipline and the shell show together: typed characters echo,
 * backspace and Ctrl-U erase, Ctrl-C drops the line, Enter runs it and the {@value #PROMPT} prompt
 * comes back, Ctrl-D on an empty line and {@code exit [N]} end the shell, Ctrl-P Ctrl-Q detaches.
 * Without a TTY it reads lines, echoes nothing and ends at the end of its input.
 */
public final class TerminalShell {
  public static final String PROMPT = "/ # ";

  /** What {@link #feed} returns while the shell goes on. */
  static final int GOING_ON = -1;

  /** What {@link #feed} returns when the client typed the detach keys (Ctrl-P Ctrl-Q). */
  static final int DETACHED = -2;

  /** Runs one command line in the container (as {@code sh -c LINE}). */
  interface Runner {
    ShellResult run(String line);
  }

  /** Takes the shell's output: stream 1 stdout, 2 stderr. */
  interface Output {
    void write(int stream, String text) throws IOException;
  }

  private final boolean tty;
  private final Runner runner;
  private final Output out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int lastCode;
  private boolean afterCtrlP;
  private int escape; // 0 none, 1 after ESC, 2 inside an ESC [ sequence

  TerminalShell(boolean tty, Runner runner, Output out) {
    this.tty = tty;
    this.runner = runner;
    this.out = out;
  }

  /** True when argv runs a shell that reads its commands from stdin (no {@code -c}). */
  static boolean interactive(List<String> argv) {
    if (argv == null || argv.isEmpty()) {
      return false;
    }
    String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    return List.of("sh", "ash", "bash", "dash").contains(program)
        && (argv.size() == 1 || !argv.get(1).equals("-c"));
  }

  /**
   * Adds the prompt an interactive shell with a TTY prints when its container starts to the
   * container's log, after {@code next} played the container's command.
   */
  public static DockerModel.ContainerLifecycle promptingAfter(DockerModel.ContainerLifecycle next) {
    return c -> {
      next.started(c);
      if (promptsAtStart(c)) {
        c.log(1, PROMPT);
      }
    };
  }

  private static boolean promptsAtStart(ContainerState c) {
    return c.running() && c.tty() && c.openStdin() && interactive(c.command());
  }

  /** Shows the first prompt (with a TTY; exec'd shells print it when they start). */
  void begin() throws IOException {
    if (tty) {
      out.write(1, PROMPT);
    }
  }

  /** Takes n typed bytes: {@link #GOING_ON}, {@link #DETACHED} or the shell's exit code. */
  int feed(byte[] bytes, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      int r = tty ? typed(bytes[i] & 0xff) : piped(bytes[i] & 0xff);
      if (r != GOING_ON) {
        return r;
      }
    }
    return GOING_ON;
  }

  /** The input ended: a last unterminated line runs, and the shell exits with the last code. */
  int end() throws IOException {
    if (!tty && line.size() > 0) {
      int r = runLine();
      if (r != GOING_ON) {
        return r;
      }
    }
    return lastCode;
  }

  private int piped(int b) throws IOException {
    if (b != '\n') {
      line.write(b);
      return GOING_ON;
    }
    return runLine();
  }

  private int typed(int b) throws IOException {
    if (afterCtrlP) {
      afterCtrlP = false;
      if (b == 0x11) {
        return DETACHED;
      }
    }
    if (escape > 0) { // arrow keys and the like: no line editing here
      escape = escape == 1 && (b == '[' || b == 'O') ? 2 : (escape == 2 && b < 0x40 ? 2 : 0);
      return GOING_ON;
    }
    switch (b) {
      case 0x10 -> afterCtrlP = true;
      case 0x1b -> escape = 1;
      case '\r', '\n' -> {
        out.write(1, "\r\n");
        int r = runLine();
        if (r == GOING_ON) {
          out.write(1, PROMPT);
        }
        return r;
      }
      case 0x7f, 0x08 -> erase(1);
      case 0x15 -> erase(line.size());
      case 0x03 -> {
        line.reset();
        out.write(1, "^C\r\n" + PROMPT);
      }
      case 0x04 -> {
        if (line.size() == 0) {
          return lastCode;
        }
      }
      default -> {
        if (b >= 0x20) {
          line.write(b);
          if (b < 0x80) {
            out.write(1, String.valueOf((char) b));
          }
        }
      }
    }
    return GOING_ON;
  }

  private void erase(int count) throws IOException {
    byte[] typed = line.toByteArray();
    int n = Math.min(count, typed.length);
    line.reset();
    line.write(typed, 0, typed.length - n);
    if (n > 0) {
      out.write(1, "\b \b".repeat(n));
    }
  }

  private int runLine() throws IOException {
    String text = line.toString(StandardCharsets.UTF_8).trim();
    line.reset();
    if (text.isEmpty()) {
      return GOING_ON;
    }
    String[] words = text.split("\\s+");
    if (words[0].equals("exit")) {
      return words.length > 1 ? Busybox.parseInt(words[1], 2) & 0xff : lastCode;
    }
    ShellResult r = runner.run(text);
    out.write(1, r.stdout());
    out.write(tty ? 1 : 2, r.stderr());
    lastCode = r.exitCode();
    return GOING_ON;
  }

  @Override
  public String toString() {
    return "interactive sh" + (tty ? " on a TTY" : "") + " (last exit " + lastCode + ")";
  }
}
