package netbook.shell;

/**
 * What one snippet did. {@code output} is what it printed; {@code display} is what a REPL shows
 * after that (the value, "created method f()", or the error line); {@code detail} carries the stack
 * trace or the caret drawing for {@code --verbose} and compile errors.
 */
public record Outcome(String source, Kind kind, String output, String display, String detail) {

  /** How the snippet ended. */
  public enum Kind {
    /** An expression or variable with a value (display is {@code $1 ==> ...}). */
    VALUE,
    /** A declaration, import or statement without a value. */
    DONE,
    /** It did not compile (display is the diagnostic; detail the source with a caret). */
    REJECTED,
    /** It threw (display is one line; detail the trace). */
    EXCEPTION,
    /** It was stopped by Ctrl-C or a timeout. */
    STOPPED
  }

  public boolean failed() {
    return kind == Kind.REJECTED || kind == Kind.EXCEPTION || kind == Kind.STOPPED;
  }

  /** Whether the snippet ignored its stop, so that its JShell was replaced by a fresh one. */
  public boolean stateReset() {
    return kind == Kind.STOPPED && display.endsWith(JavaShell.STATE_RESET);
  }

  @Override
  public String toString() {
    return output + display;
  }
}
