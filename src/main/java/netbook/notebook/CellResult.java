package netbook.notebook;

import java.util.Locale;
import java.util.Set;

/**
 * How one cell went: its verdict, its output, the one line saying why it failed or was skipped (""
 * when it passed), the diff against the recorded output ("" when none), and the Java names it left
 * unset (declared by the snippet that failed, or by snippets that never ran).
 */
public record CellResult(
    Cell cell, Verdict verdict, String output, String message, String diff, Set<String> unset) {

  public CellResult {
    unset = unset == null ? Set.of() : Set.copyOf(unset);
  }

  public CellResult(Cell cell, Verdict verdict, String output, String message, String diff) {
    this(cell, verdict, output, message, diff, Set.of());
  }

  /** This result, with the names its cell left unset. */
  public CellResult withUnset(Set<String> names) {
    return new CellResult(cell, verdict, output, message, diff, names);
  }

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
