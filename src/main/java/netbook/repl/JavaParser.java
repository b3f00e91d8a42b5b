package netbook.repl;

import java.util.function.Predicate;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when Enter ends the input: a {@code :command} or a {@code docker} line at once, Java
 * when every snippet in it is complete (an unfinished for loop continues on the next line with a
 * {@code ...>} prompt, indented by the open brackets). For Tab it finds the word before the cursor:
 * an identifier, a command name, or the text typed so far inside {@code net("…")} and the like.
 */
final class JavaParser implements Parser {
  private final Predicate<String> incomplete;

  /** {@code incomplete} says whether Java input needs more lines (it may wait for JShell). */
  JavaParser(Predicate<String> incomplete) {
    this.incomplete = incomplete;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE
        && !line.isBlank()
        && !Evaluator.isCommand(line)
        && !Evaluator.isDockerLine(line)
        && incomplete.test(line)) {
      throw new EOFError(-1, cursor, "incomplete", null, openBrackets(line), null);
    }
    int c = Math.max(0, Math.min(cursor, line.length()));
    return new JavaLine(line, c, wordStart(line, c));
  }

  /** Where the word completed at {@code cursor} starts. */
  static int wordStart(String line, int cursor) {
    int arg = NameCompleter.argumentStart(line, cursor);
    if (arg >= 0) {
      return arg;
    }
    if (Evaluator.isDockerLine(line)) {
      return DockerCompleter.wordStart(line, cursor);
    }
    if (Evaluator.isCommand(line) && line.lastIndexOf(' ', cursor - 1) < 0) {
      return line.length() - line.stripLeading().length();
    }
    int start = cursor;
    while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /** Whether some snippet of the input is unfinished (the last, or one in the middle). */
  static boolean incomplete(SourceCodeAnalysis sca, String input) {
    String rest = input;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
      Completeness c = ci.completeness();
      if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
        return true;
      }
      if (c == Completeness.EMPTY || ci.remaining() == null || ci.remaining().equals(rest)) {
        return false;
      }
      rest = ci.remaining();
    }
    return false;
  }

  /** How many brackets are open at the end (outside strings, chars and comments). */
  static int openBrackets(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\'') {
        i = skipQuoted(s, i, ch);
      } else if (ch == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        int nl = s.indexOf('\n', i);
        i = nl < 0 ? s.length() : nl;
      } else if (ch == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 1;
      } else if (ch == '(' || ch == '{' || ch == '[') {
        depth++;
      } else if (ch == ')' || ch == '}' || ch == ']') {
        depth = Math.max(0, depth - 1);
      }
    }
    return depth;
  }

  private static int skipQuoted(String s, int i, char quote) {
    if (quote == '"' && s.startsWith("\"\"\"", i)) {
      int end = s.indexOf("\"\"\"", i + 3);
      return end < 0 ? s.length() : end + 2;
    }
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != quote && s.charAt(j) != '\n') {
      if (s.charAt(j) == '\\') {
        j++;
      }
      j++;
    }
    return j;
  }
}
