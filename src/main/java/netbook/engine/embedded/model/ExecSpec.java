package netbook.engine.embedded.model;

import java.util.List;

/** What an exec runs, and whether it has a TTY and which streams it attaches. */
public record ExecSpec(
    List<String> cmd,
    boolean tty,
    boolean attachStdout,
    boolean attachStderr,
    boolean attachStdin) {
  public ExecSpec {
    cmd = cmd == null ? null : List.copyOf(cmd);
  }

  /** An exec without stdin. */
  public ExecSpec(List<String> cmd, boolean tty, boolean attachStdout, boolean attachStderr) {
    this(cmd, tty, attachStdout, attachStderr, false);
  }
}
