package netbook.engine.embedded.busybox;

/** What an emulated command printed on stdout and stderr, and its exit code. */
public record ShellResult(String stdout, String stderr, int exitCode) {

  static ShellResult ok(String stdout) {
    return new ShellResult(stdout, "", 0);
  }

  static ShellResult fail(String stderr, int exitCode) {
    return new ShellResult("", stderr, exitCode);
  }

  /** This result's output followed by the next command's, with the next exit code. */
  ShellResult then(ShellResult next) {
    return new ShellResult(stdout + next.stdout, stderr + next.stderr, next.exitCode);
  }

  @Override
  public String toString() {
    return stdout + stderr + (exitCode == 0 ? "" : "(exit " + exitCode + ")");
  }
}
