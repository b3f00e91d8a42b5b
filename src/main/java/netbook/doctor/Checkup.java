package netbook.doctor;

import java.util.List;

/** Everything {@code netbook doctor} found, in the order it looked. */
public record Checkup(List<Finding> findings) {
  public Checkup {
    findings = List.copyOf(findings);
  }

  /** Whether a class can start: no problem (warnings allowed). */
  public boolean canStart() {
    return findings.stream().noneMatch(Finding::isProblem);
  }

  private long count(Finding.Status s) {
    return findings.stream().filter(f -> f.status() == s).count();
  }

  /** "ready for class" (with the warnings counted), or "not ready: 2 problems (fixes above)". */
  public String verdict() {
    long problems = count(Finding.Status.PROBLEM);
    long warnings = count(Finding.Status.WARN);
    String w = warnings == 0 ? "" : warnings + (warnings == 1 ? " warning" : " warnings");
    if (problems == 0) {
      return "ready for class" + (w.isEmpty() ? "" : " (" + w + ")");
    }
    return "not ready: "
        + problems
        + (problems == 1 ? " problem" : " problems")
        + (w.isEmpty() ? "" : ", " + w)
        + " (fixes above)";
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    findings.forEach(f -> sb.append(f).append('\n'));
    return sb.append(verdict()).append('\n').toString();
  }
}
