package netbook.console;

import java.util.ArrayList;
import java.util.List;

/** Collects what one command prints and the notes netbook adds about it. */
final class CommandOutput {
  private final StringBuilder out = new StringBuilder();
  private final List<String> notes = new ArrayList<>();

  void line(String s) {
    out.append(s).append('\n');
  }

  /** Appends text as printed, adding a newline when it lacks one. */
  void text(String s) {
    if (s.isEmpty()) {
      return;
    }
    out.append(s);
    if (!s.endsWith("\n")) {
      out.append('\n');
    }
  }

  void note(String s) {
    notes.add(s);
  }

  List<String> notes() {
    return notes;
  }

  String output() {
    return out.toString();
  }
}
