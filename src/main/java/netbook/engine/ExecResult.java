package netbook.engine;

import java.time.Duration;

/** What a command run in a container printed, and how it ended. */
public record ExecResult(int exitCode, String stdout, String stderr, Duration took) {
  public ExecResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    took = took == null ? Duration.ZERO : took;
  }

  public boolean ok() {
    return exitCode == 0;
  }

  /** Standard output followed by standard error, as a terminal would show both. */
  public String output() {
    if (stderr.isEmpty()) {
      return stdout;
    }
    if (stdout.isEmpty() || stdout.endsWith("\n")) {
      return stdout + stderr;
    }
    return stdout + "\n" + stderr;
  }

  @Override
  public String toString() {
    String out = output();
    return exitCode == 0
        ? out
        : out + (out.isEmpty() || out.endsWith("\n") ? "" : "\n") + "(exit " + exitCode + ")";
  }
}
