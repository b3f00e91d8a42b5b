package netbook.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program in a tmux pane, driven as a user would: keys sent with send-keys, the screen read with
 * capture-pane. Only the session this creates is ever killed ({@link #close}).
 */
final class Tmux implements AutoCloseable {
  private final String session;

  private Tmux(String session) {
    this.session = session;
  }

  /** Whether tmux is installed. */
  static boolean available() throws Exception {
    return exec(List.of("tmux", "-V")).exit() == 0;
  }

  /** Starts {@code command} (a shell line) in a new detached session of that size. */
  static Tmux start(String session, int width, int height, String command) throws Exception {
    Result r =
        exec(
            List.of(
                "tmux",
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                String.valueOf(width),
                "-y",
                String.valueOf(height),
                command));
    if (r.exit() != 0) {
      throw new IllegalStateException("tmux new-session failed: " + r.out());
    }
    return new Tmux(session);
  }

  /** Types text literally (no key names). */
  void type(String text) throws Exception {
    send("-l", text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text);
  }

  /** Sends keys by tmux's names: Enter, Tab, BTab (Shift-Tab), C-u, C-d. */
  void keys(String... keys) throws Exception {
    send(keys);
  }

  private void send(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
    cmd.addAll(List.of(args));
    Result r = exec(cmd);
    if (r.exit() != 0) {
      throw new IllegalStateException("tmux send-keys failed: " + r.out());
    }
  }

  /** The pane with its scrollback, lines joined where they wrapped. */
  String screen() throws Exception {
    return exec(List.of("tmux", "capture-pane", "-p", "-J", "-t", session, "-S", "-300")).out();
  }

  /** Waits until the screen satisfies {@code ok}; fails with the screen after {@code timeout}. */
  String await(Predicate<String> ok, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String pane = "";
    while (System.nanoTime() < end) {
      pane = screen();
      if (ok.test(pane)) {
        return pane;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out; the pane:\n" + pane);
  }

  /** Waits until the screen contains {@code text}. */
  String await(String text, Duration timeout) throws Exception {
    return await(s -> s.contains(text), timeout);
  }

  /** Whether the session is still there (the program has not exited). */
  boolean alive() throws Exception {
    return exec(List.of("tmux", "has-session", "-t", session)).exit() == 0;
  }

  @Override
  public void close() throws IOException {
    try {
      exec(List.of("tmux", "kill-session", "-t", session));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  record Result(int exit, String out) {}

  static Result exec(List<String> cmd) throws IOException, InterruptedException {
    Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!pr.waitFor(10, TimeUnit.SECONDS)) {
      pr.destroyForcibly();
      return new Result(-1, out);
    }
    return new Result(pr.exitValue(), out);
  }
}
