package netbook.notebook;

import java.util.Locale;

/**
 * How one cell went: its verdict, its output, the one line saying why it failed or was skipped (""
 * when it passed), and the diff against the recorded output ("" when none).
 */
public record CellResult(Cell cell, Verdict verdict, String output, String message, String diff) {

  /** The verdict on a cell. */
  public enum Verdict {
    PASSED,
    FAILED,
    SKIPPED
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }

  public boolean failed() {
    return verdict == Verdict.FAILED;
  }

  @Override
  public String toString() {
    return "cell "
        + cell.index()
        + " "
        + verdict.name().toLowerCase(Locale.ROOT)
        + (message.isEmpty() ? "" : ": " + message);
  }
}
