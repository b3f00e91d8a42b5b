package netbook.lab;

/**
 * One check of an exercise against the network as it is now: what it claims ({@code b reaches a}),
 * whether that holds, what was observed ({@code b cannot resolve a: b is only on bridge}), and the
 * hint {@link Exercises#expect} gave it ("" before). JShell prints it: {@code ✓ b reaches a}, or
 * the hint (else the claim) and what was observed.
 */
public record Check(String claim, boolean passed, String observed, String hint) {
  public Check {
    observed = observed == null ? "" : observed;
    hint = hint == null ? "" : hint;
  }

  static Check pass(String claim, String observed) {
    return new Check(claim, true, observed, "");
  }

  static Check fail(String claim, String observed) {
    return new Check(claim, false, observed, "");
  }

  /** This check with the hint a learner reads when it fails. */
  public Check withHint(String text) {
    return new Check(claim, passed, observed, text);
  }

  @Override
  public String toString() {
    if (passed) {
      return "✓ " + claim;
    }
    String head = hint.isEmpty() ? "not yet: " + claim : hint;
    return "✗ " + head + (observed.isEmpty() ? "" : "\n  observed: " + observed);
  }
}
