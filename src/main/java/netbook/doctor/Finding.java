package netbook.doctor;

/**
 * One line of {@code netbook doctor}: how a thing stands (✓ fine, · information, ! a warning a
 * class can start with, ✗ a problem it cannot), what it is about, what was found, and the fix (""
 * if none is needed).
 */
public record Finding(Status status, String topic, String text, String fix) {

  /** How a finding stands, with the mark the screen shows for it. */
  public enum Status {
    OK("✓"),
    INFO("·"),
    WARN("!"),
    PROBLEM("✗");

    private final String mark;

    Status(String mark) {
      this.mark = mark;
    }

    public String mark() {
      return mark;
    }
  }

  public Finding {
    fix = fix == null ? "" : fix;
  }

  public static Finding ok(String topic, String text) {
    return new Finding(Status.OK, topic, text, "");
  }

  public static Finding info(String topic, String text) {
    return new Finding(Status.INFO, topic, text, "");
  }

  public static Finding warn(String topic, String text, String fix) {
    return new Finding(Status.WARN, topic, text, fix);
  }

  public static Finding problem(String topic, String text, String fix) {
    return new Finding(Status.PROBLEM, topic, text, fix);
  }

  public boolean isProblem() {
    return status == Status.PROBLEM;
  }

  /** "✗ ports 18081 is in use …" and, under it, " fix: …". */
  @Override
  public String toString() {
    String line = String.format("%s %-8s %s", status.mark(), topic, text);
    return fix.isEmpty() ? line : line + "\n           fix: " + fix;
  }
}
