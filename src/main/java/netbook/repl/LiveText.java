package netbook.repl;

import java.util.ArrayList;
import java.util.List;
import netbook.shell.EvalResult;
import netbook.shell.Outcome;

/**
 * What is left to print of an input's result once its command showed its output live: a ping's
 * value is the ping's own text, which the user has just watched arrive, so it is not printed twice;
 * what it adds ({@code (exit 1)}) still is.
 */
final class LiveText {
  private LiveText() {}

  /** {@code text} without the part already shown live at its start (all of it when none). */
  static String rest(String text, String shown) {
    String s = shown.strip();
    if (s.isEmpty()) {
      return text;
    }
    String t = text.stripLeading();
    if (!t.startsWith(s)) {
      return text;
    }
    String rest = t.substring(s.length()).strip();
    return rest.isEmpty() ? "" : rest + "\n";
  }

  /** The result with each value that repeats what was shown live cut to what it adds. */
  static EvalResult withoutShown(EvalResult r, String shown) {
    if (shown.isBlank()) {
      return r;
    }
    List<Outcome> out = new ArrayList<>();
    for (Outcome o : r.outcomes()) {
      out.add(o.kind() == Outcome.Kind.VALUE ? cut(o, shown) : o);
    }
    return new EvalResult(out, r.incomplete());
  }

  private static Outcome cut(Outcome o, String shown) {
    String display = o.display();
    int arrow = display.indexOf(" ==> ");
    String name =
        arrow > 0 && !display.substring(0, arrow).contains("\n") ? display.substring(0, arrow) : "";
    String value = name.isEmpty() ? display : display.substring(arrow + 5);
    String rest = rest(value, shown);
    if (rest.equals(value)) {
      return o;
    }
    String shownValue = rest.isEmpty() ? "" : rest.stripTrailing();
    String d =
        name.isEmpty()
            ? shownValue
            : name + " ==> " + (shownValue.isEmpty() ? "(shown above)" : shownValue);
    return new Outcome(o.source(), o.kind(), o.output(), d, o.detail());
  }
}
