package netbook.doctor;

import java.util.Optional;

/** The checks of where netbook runs: the terminal (size, colour) and the JDK. */
public final class LocalChecks {
  private LocalChecks() {}

  /**
   * The terminal: its size (under 80x24 the chapters wrap), and whether it shows colour (TERM,
   * NO_COLOR). No terminal (output piped) is information, not a problem.
   */
  public static Finding terminal(
      boolean isTerminal, int width, int height, String term, boolean noColor) {
    if (!isTerminal) {
      return Finding.info("terminal", "not a terminal (output piped): nothing to check");
    }
    String t = term == null || term.isBlank() ? "" : term;
    String colour =
        noColor
            ? "no colour (NO_COLOR is set)"
            : t.isEmpty() || t.startsWith("dumb") ? "no colour (TERM=" + t + ")" : "colour";
    String text = width + "x" + height + ", TERM=" + (t.isEmpty() ? "(unset)" : t) + ", " + colour;
    if (width > 0 && height > 0 && (width < 80 || height < 24)) {
      return Finding.warn(
          "terminal", text + ": smaller than 80x24", "make the window at least 80x24");
    }
    if (t.isEmpty() || t.startsWith("dumb")) {
      return Finding.warn(
          "terminal",
          text + ": step mode cannot redraw",
          "run in a real terminal (TERM=xterm-256color, or tmux)");
    }
    return Finding.ok("terminal", text);
  }

  /** The JDK: its version (17 or later) and jdk.jshell, which the REPL and notebooks run on. */
  public static Finding jdk(Runtime.Version version, Optional<Module> jshell, String home) {
    String text = "Java " + version;
    if (version.feature() < 17) {
      return Finding.problem(
          "jdk", text + ": netbook needs Java 17 or later", "install openjdk-17-jdk (or newer)");
    }
    if (jshell.isEmpty()) {
      return Finding.problem(
          "jdk",
          text + " at " + home + " has no jdk.jshell (a JRE, not a JDK)",
          "install a full JDK (openjdk-17-jdk), or set JAVA_HOME to one");
    }
    return Finding.ok("jdk", text + ", jdk.jshell present");
  }
}
