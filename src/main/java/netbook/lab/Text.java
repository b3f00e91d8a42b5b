package netbook.lab;

/**
 * Text that JShell should show as it is (inspect JSON, tables, command output), not as a quoted
 * Java string literal.
 */
public record Text(String value) {
  public Text {
    value = value == null ? "" : value;
  }

  /** Whether the text contains {@code s}. */
  public boolean contains(CharSequence s) {
    return value.contains(s);
  }

  /** The text's lines. */
  public String[] lines() {
    return value.split("\n");
  }

  @Override
  public String toString() {
    return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
  }
}
