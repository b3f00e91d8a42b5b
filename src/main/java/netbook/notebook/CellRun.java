package netbook.notebook;

/**
 * What executing a cell gave: whether it failed, its output, and the first error line ("" if none).
 */
public record CellRun(boolean failed, String output, String error) {
  @Override
  public String toString() {
    return (failed ? "failed: " + error : "ok") + " (" + output.lines().count() + " lines)";
  }
}
