package netbook.shell;

import java.util.List;

/** The outcomes of evaluating one input (a cell, a pasted block, a REPL line), in order. */
public record EvalResult(List<Outcome> outcomes, String incomplete) {
  public EvalResult {
    outcomes = List.copyOf(outcomes);
    incomplete = incomplete == null ? "" : incomplete;
  }

  /** Whether any snippet failed, or input was left unfinished. */
  public boolean failed() {
    return !incomplete.isBlank() || outcomes.stream().anyMatch(Outcome::failed);
  }

  /** Everything printed and displayed, as the REPL would show it. */
  public String text(boolean verbose) {
    StringBuilder sb = new StringBuilder();
    for (Outcome o : outcomes) {
      sb.append(o.output());
      if (!o.output().isEmpty() && !o.output().endsWith("\n")) {
        sb.append('\n');
      }
      if (!o.display().isEmpty()) {
        sb.append(o.display()).append('\n');
      }
      if ((verbose || o.kind() == Outcome.Kind.REJECTED) && !o.detail().isEmpty()) {
        sb.append(o.detail());
        if (!o.detail().endsWith("\n")) {
          sb.append('\n');
        }
      }
    }
    if (!incomplete.isBlank()) {
      sb.append("incomplete input: ")
          .append(incomplete.strip().lines().findFirst().orElse(""))
          .append('\n');
    }
    return sb.toString();
  }
}
