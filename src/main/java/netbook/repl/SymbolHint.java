package netbook.repl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import netbook.Spelling;
import netbook.shell.Outcome;

/**
 * "did you mean networks()?" under javac's bare "cannot find symbol": the names JShell would
 * complete where the unknown one stands ({@code netwroks} at the start of a line: every name in
 * scope; {@code container("x").pingg}: the members of Container) are compared with it ({@link
 * Spelling}).
 */
final class SymbolHint {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

  private SymbolHint() {}

  /** The hint for a snippet that did not compile, if it is an unknown name close to a known one. */
  static Optional<String> of(SourceCodeAnalysis sca, Outcome o) {
    if (o.kind() != Outcome.Kind.REJECTED || !o.display().startsWith("error: cannot find symbol")) {
      return Optional.empty();
    }
    // the caret drawing: "    <line>\n    <blanks>^^^"
    String[] d = o.detail().split("\n");
    if (d.length < 2 || d[0].length() < 4 || d[1].indexOf('^') < 4) {
      return Optional.empty();
    }
    String line = d[0].substring(4);
    int from = d[1].indexOf('^') - 4;
    int to = Math.min(line.length(), d[1].lastIndexOf('^') - 3);
    if (from >= to) {
      return Optional.empty();
    }
    Matcher m = IDENTIFIER.matcher(line.substring(from, to));
    int start = -1;
    String name = null;
    while (m.find()) {
      start = from + m.start();
      name = m.group();
    }
    int lineAt = o.source().indexOf(line);
    if (name == null || lineAt < 0) {
      return Optional.empty();
    }
    String before = o.source().substring(0, lineAt + start);
    boolean call = line.substring(start + name.length()).stripLeading().startsWith("(");
    Map<String, String> known = new LinkedHashMap<>(); // name -> how to show it
    int[] anchor = {-1};
    List<Suggestion> suggestions;
    try {
      suggestions = sca.completionSuggestions(before, before.length(), anchor);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    for (Suggestion s : suggestions) {
      String c = s.continuation();
      if (JavaCompleter.synthetic(c) || c.endsWith(".")) {
        continue;
      }
      String bare = c.replaceAll("\\(\\)?$", "");
      String shown = c.endsWith("()") ? c : c.endsWith("(") ? bare + "(…)" : c;
      if (!call || c.contains("(")) {
        known.merge(bare, shown, (a, b) -> a.endsWith("()") ? b : a);
      }
    }
    return Spelling.closest(name, known.keySet()).map(k -> "did you mean " + known.get(k) + "?");
  }
}
