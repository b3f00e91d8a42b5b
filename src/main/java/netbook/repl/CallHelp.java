package netbook.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * What the REPL says about the call at the cursor: the signatures of the method whose argument list
 * the cursor is in (the first Tab after {@code (}, as jshell does), and their documentation
 * (Shift-Tab). Signatures come from JShell ({@link SourceCodeAnalysis#documentation}); the text of
 * netbook's own API from {@link ApiDocs}, the JDK's from JShell when the JDK's sources are
 * installed.
 */
final class CallHelp {
  /** A signature and its documentation (empty when there is none). */
  record Doc(String signature, String text) {
    @Override
    public String toString() {
      return signature + (text.isEmpty() ? "" : "\n" + text);
    }
  }

  private final Supplier<Optional<SourceCodeAnalysis>> analysis;
  private final Supplier<ApiDocs> docs;

  CallHelp(Supplier<Optional<SourceCodeAnalysis>> analysis, Supplier<ApiDocs> docs) {
    this.analysis = analysis;
    this.docs = docs;
  }

  /**
   * Whether the cursor is where an argument starts: after {@code (} or {@code ,} (spaces aside),
   * outside a string.
   */
  static boolean atArgumentStart(String line, int cursor) {
    int i = Math.min(cursor, line.length()) - 1;
    while (i >= 0 && Character.isWhitespace(line.charAt(i))) {
      i--;
    }
    if (i < 0 || (line.charAt(i) != '(' && line.charAt(i) != ',')) {
      return false;
    }
    return !inString(line, i);
  }

  private static boolean inString(String line, int upTo) {
    boolean in = false;
    for (int i = 0; i < upTo; i++) {
      char c = line.charAt(i);
      if (c == '\\' && in) {
        i++;
      } else if (c == '"') {
        in = !in;
      }
    }
    return in;
  }

  /** The signatures of the call at the cursor (none outside a call, or before JShell is up). */
  List<String> signatures(String line, int cursor) {
    return documentation(line, cursor, false).stream().map(Doc::signature).toList();
  }

  /** The signatures and documentation of the call or name at the cursor. */
  List<Doc> documentation(String line, int cursor) {
    return documentation(line, cursor, true);
  }

  private List<Doc> documentation(String line, int cursor, boolean text) {
    Optional<SourceCodeAnalysis> sca = analysis.get();
    if (sca.isEmpty()) {
      return List.of();
    }
    String code = line.substring(0, Math.min(cursor, line.length()));
    List<Documentation> found = lookup(sca.get(), code, text);
    if (found.isEmpty() && endsInIdentifier(code)) {
      // after a method's name: its overloads, as inside its parentheses
      found = lookup(sca.get(), code + "(", text);
      if (found.isEmpty()) {
        Optional<String> only = onlyCompletion(sca.get(), code);
        if (only.isPresent()) {
          found = lookup(sca.get(), only.get(), text);
        }
      }
    }
    List<Doc> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Documentation d : found) {
      if (!seen.add(d.signature())) {
        continue;
      }
      String javadoc = d.javadoc() == null ? "" : d.javadoc().strip();
      if (text && javadoc.isEmpty()) {
        javadoc = docs.get().lookup(d.signature()).orElse("");
      }
      out.add(new Doc(d.signature(), text ? javadoc : ""));
    }
    return out;
  }

  private static List<Documentation> lookup(SourceCodeAnalysis sca, String code, boolean text) {
    try {
      return sca.documentation(code, code.length(), text);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** A partly typed name that completes to one name only: the code with it completed. */
  private static Optional<String> onlyCompletion(SourceCodeAnalysis sca, String code) {
    int[] anchor = {-1};
    List<Suggestion> s;
    try {
      s = sca.completionSuggestions(code, code.length(), anchor);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Set<String> names = new LinkedHashSet<>();
    for (Suggestion x : s) {
      names.add(x.continuation().replaceAll("\\(\\)?$", ""));
    }
    if (names.size() != 1 || anchor[0] < 0) {
      return Optional.empty();
    }
    String name = names.iterator().next();
    return Optional.of(code.substring(0, anchor[0]) + name + "(");
  }

  private static boolean endsInIdentifier(String code) {
    return !code.isEmpty() && Character.isJavaIdentifierPart(code.charAt(code.length() - 1));
  }
}
