package netbook.notebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one notebook went: each cell's result, and the problem that stopped it as a whole ("" if
 * none: a file that is not text, an engine that went away).
 */
public record FileReport(String file, List<CellResult> results, String error) {
  public FileReport {
    results = List.copyOf(results);
    error = error == null ? "" : error;
  }

  public static FileReport broken(String file, String error) {
    return new FileReport(file, List.of(), error);
  }

  public long passed() {
    return results.stream().filter(CellResult::passed).count();
  }

  /** Failed cells, and 1 for a notebook that could not run at all. */
  public long failed() {
    return results.stream().filter(CellResult::failed).count() + (error.isEmpty() ? 0 : 1);
  }

  public long skipped() {
    return results.stream().filter(r -> r.verdict() == CellResult.Verdict.SKIPPED).count();
  }

  /**
   * Cells that passed (in run mode, which does not compare) while their live output differs in
   * substance from the book's: check would fail them.
   */
  public long differing() {
    return results.stream().filter(r -> r.passed() && !r.diff().isEmpty()).count();
  }

  /** The exercises of the notebook: its {@code {verify}} cells. */
  public long exercises() {
    return results.stream().filter(r -> r.cell().attributes().verify()).count();
  }

  /** The exercises whose checks all passed. */
  public long exercisesDone() {
    return results.stream().filter(r -> r.cell().attributes().verify() && r.passed()).count();
  }

  /** Outputs of the java cells that ran as expected, by cell number: what record writes. */
  public Map<Integer, String> outputs() {
    Map<Integer, String> m = new LinkedHashMap<>();
    for (CellResult r : results) {
      if (r.passed() && r.cell().kind() == Cell.Kind.JAVA && !r.cell().attributes().verify()) {
        m.put(r.cell().index(), r.output());
      }
    }
    return m;
  }

  /**
   * "05-user-defined-networks.md: 7 passed, 1 failed, 2 skipped", then "; 1 differs from the book
   * (check fails on that)" when a cell's live output differs in substance from the book's in a run.
   */
  public String summary() {
    return file
        + ": "
        + passed()
        + " passed, "
        + failed()
        + " failed"
        + (skipped() == 0 ? "" : ", " + skipped() + " skipped")
        + (differing() == 0
            ? ""
            : "; "
                + differing()
                + " differ"
                + (differing() == 1 ? "s" : "")
                + " from the book (check fails on that)")
        + (error.isEmpty() ? "" : " (" + error + ")");
  }

  @Override
  public String toString() {
    return summary();
  }
}
