package netbook.console;

import java.util.List;

/**
 * What one docker command line printed (as the docker CLI prints it), its exit code, and netbook's
 * own one-line notes about it (an alias used, a scope applied, a rewrite made) — kept apart from
 * the output so that comparing with a book's transcript sees only what docker would print.
 */
public record CommandResult(int exitCode, String output, List<String> notes) {
  public CommandResult {
    output = output == null ? "" : output;
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public CommandResult(int exitCode, String output) {
    this(exitCode, output, List.of());
  }

  public boolean ok() {
    return exitCode == 0;
  }

  /** The output's lines, without a trailing empty one. */
  public List<String> lines() {
    return output.isEmpty() ? List.of() : List.of(toOutputText().split("\n", -1));
  }

  private String toOutputText() {
    return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(toOutputText());
    for (String n : notes) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append("note: ").append(n);
    }
    return sb.toString();
  }
}
