package netbook.notebook;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * The Java names a failed cell left unset, so that a later cell using one is skipped with the
 * reason instead of failing on its null (a NullPointerException) or its missing symbol: {@code var
 * a = net("x").run(…)} threw, so {@code a} is null; the snippets after it in the cell never ran, so
 * what they declared does not exist. A skipped cell leaves its own names unset in turn; a cell that
 * declares a name again sets it.
 *
 * <p>Which names a cell declares, JShell says ({@link SourceCodeAnalysis#sourceToSnippets}, which
 * parses without running); which names it uses is a scan of its identifiers, leaving out strings,
 * comments, members ({@code x.a}) and the names the cell declares itself.
 */
final class UnsetNames {
  private static final Set<String> BEFORE_USE =
      Set.of("return", "throw", "new", "case", "else", "assert", "yield", "instanceof", "do");

  private static final Pattern NAME_OPTION = Pattern.compile("\\bname\\(\\s*\"([^\"]+)\"\\s*\\)");

  /** Each unset name, with the cell that should have set it: "cell 2 (f.md:11) failed to set". */
  private final Map<String, String> unset = new LinkedHashMap<>();

  /** The containers failed Java cells should have made ({@code name("x")}), with the cell. */
  private final Map<String, String> containers = new LinkedHashMap<>();

  boolean isEmpty() {
    return unset.isEmpty();
  }

  /** The containers a Java cell's source names with {@code name("x")}. */
  static Set<String> containerNames(String source) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = NAME_OPTION.matcher(source);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The containers {@code names} were not made, {@code why} (which cell failed to make them). */
  void unmade(Set<String> names, String why) {
    for (String n : names) {
      containers.put(n, why);
    }
  }

  /** The containers {@code names} were made after all (a later cell ran them). */
  void made(Set<String> names) {
    containers.keySet().removeAll(names);
  }

  /**
   * Why a console cell must be skipped: one of its {@code $ } command lines addresses a container a
   * failed Java cell should have made ("uses container `web`, which cell 2 (f.md:7) failed to
   * make"); a line before it that makes it ({@code --name web}) makes it again.
   */
  Optional<String> consoleSkipReason(String source) {
    if (containers.isEmpty()) {
      return Optional.empty();
    }
    Set<String> remade = new LinkedHashSet<>();
    for (String line : source.split("\n")) {
      if (!line.startsWith("$ ")) {
        continue; // the book's output, or a command inside an attached container
      }
      List<String> words = List.of(line.substring(2).trim().split("\\s+"));
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (w.equals("--name") && i + 1 < words.size()) {
          remade.add(words.get(++i));
        } else if (w.startsWith("--name=")) {
          remade.add(w.substring("--name=".length()));
        } else if (containers.containsKey(w) && !remade.contains(w)) {
          return Optional.of("uses container `" + w + "`, which " + containers.get(w));
        }
      }
    }
    return Optional.empty();
  }

  /** The containers a console cell makes ({@code --name x} on its command lines). */
  static Set<String> consoleNames(String source) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : source.split("\n")) {
      if (line.startsWith("$ ")) {
        List<String> words = List.of(line.substring(2).trim().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
          if (words.get(i).equals("--name") && i + 1 < words.size()) {
            names.add(words.get(i + 1));
          } else if (words.get(i).startsWith("--name=")) {
            names.add(words.get(i).substring("--name=".length()));
          }
        }
      }
    }
    return names;
  }

  /** {@code names} are unset from now on, {@code why} (which cell, and what happened to it). */
  void unset(Set<String> names, String why) {
    for (String n : names) {
      unset.put(n, why);
    }
  }

  /** {@code names} were declared (and set) again by a cell that ran. */
  void set(Set<String> names) {
    unset.keySet().removeAll(names);
  }

  /**
   * Why a cell must be skipped: "uses `a`, which cell 2 (f.md:11) failed to set", for the first
   * unset name it uses; empty when it uses none. {@code declared} are the names the cell declares
   * itself (a declaration is not a use).
   */
  Optional<String> skipReason(String source, Set<String> declared) {
    if (unset.isEmpty()) {
      return Optional.empty();
    }
    for (String id : used(source)) {
      if (unset.containsKey(id) && !declared.contains(id)) {
        return Optional.of("uses `" + id + "`, which " + unset.get(id));
      }
    }
    return Optional.empty();
  }

  /** The names the snippets of {@code source} declare (variables, methods, types), unevaluated. */
  static Set<String> declared(SourceCodeAnalysis analysis, String source) {
    Set<String> names = new LinkedHashSet<>();
    String rest = source;
    while (rest != null && !rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
      if (ci.completeness() == Completeness.EMPTY || !ci.completeness().isComplete()) {
        break;
      }
      for (Snippet s : analysis.sourceToSnippets(ci.source())) {
        if (s instanceof PersistentSnippet p) {
          names.add(p.name());
        }
      }
      rest = ci.remaining();
    }
    return names;
  }

  /**
   * The identifiers {@code source} uses, in order: not in strings, text blocks, characters or
   * comments, not after a dot (a member), and not declared on the spot ({@code String a}, {@code a
   * -> …}).
   */
  static Set<String> used(String source) {
    Set<String> uses = new LinkedHashSet<>();
    Set<String> local = new LinkedHashSet<>();
    int n = source.length();
    int i = 0;
    String previous = ""; // the last token: an identifier, or one character
    while (i < n) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        previous = "\"";
      } else if (c == '"' || c == '\'') {
        i = endOfLiteral(source, i, c);
        previous = "\"";
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
          i++;
        }
        String id = source.substring(start, i);
        boolean member = previous.equals(".");
        boolean declaredHere =
            (isIdentifier(previous) && !BEFORE_USE.contains(previous))
                || previous.equals(">")
                || previous.equals("]")
                || source.startsWith("->", skipBlanks(source, i));
        if (declaredHere && !member) {
          local.add(id);
        } else if (!member) {
          uses.add(id);
        }
        previous = id;
      } else {
        previous = String.valueOf(c);
        i++;
      }
    }
    uses.removeAll(local);
    return uses;
  }

  private static boolean isIdentifier(String token) {
    return !token.isEmpty() && Character.isJavaIdentifierStart(token.charAt(0));
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int endOfLiteral(String s, int start, char quote) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote || c == '\n') {
        return i + 1;
      } else {
        i++;
      }
    }
    return s.length();
  }
}
