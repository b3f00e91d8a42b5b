package netbook.notebook;

/**
 * What executing a cell gave: whether it failed, its output, and the first error line ("" if none);
 * for a Java cell that failed, {@code unrun} is its source from the failing snippet on (what it
 * declares was left unset), "" otherwise.
 */
public record CellRun(boolean failed, String output, String error, String unrun) {
  public CellRun {
    unrun = unrun == null ? "" : unrun;
  }

  public CellRun(boolean failed, String output, String error) {
    this(failed, output, error, "");
  }

  @Override
  public String toString() {
    return (failed ? "failed: " + error : "ok") + " (" + output.lines().count() + " lines)";
  }
}
