package netbook.repl;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Light colouring of the line being typed: Java keywords, strings, numbers, comments, the API's
 * names, {@code :commands} and {@code docker} lines. No colour at all when it is off (NO_COLOR).
 */
final class JavaHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle API = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "record",
          "return",
          "short",
          "static",
          "super",
          "switch",
          "this",
          "throw",
          "throws",
          "try",
          "var",
          "void",
          "while",
          "true",
          "false",
          "null",
          "yield");

  /** The fluent API's entry points and verbs. */
  static final Set<String> API_NAMES =
      Set.of(
          "net",
          "run",
          "container",
          "ping",
          "name",
          "publish",
          "alias",
          "cmd",
          "env",
          "hostname",
          "ipv4",
          "networks",
          "containers",
          "host",
          "engine",
          "http",
          "cleanup",
          "connect",
          "disconnect",
          "exec",
          "sh",
          "inspect",
          "logs",
          "rm",
          "start",
          "stop",
          "ip",
          "mac",
          "gateway",
          "subnet",
          "docker");

  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<comment>//[^\\n]*|/\\*(?:.|\\n)*?(?:\\*/|$))"
              + "|(?<string>\"\"\"(?:.|\\n)*?(?:\"\"\"|$)|\"(?:\\\\.|[^\"\\\\\\n])*\"?"
              + "|'(?:\\\\.|[^'\\\\\\n])*'?)"
              + "|(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?[lLfFdD]?\\b)"
              + "|(?<word>[A-Za-z_$][\\w$]*)");

  private final boolean color;

  JavaHighlighter(boolean color) {
    this.color = color;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  AttributedString highlight(String buffer) {
    if (!color) {
      return new AttributedString(buffer);
    }
    AttributedStringBuilder sb = new AttributedStringBuilder();
    String trimmed = buffer.stripLeading();
    if (Evaluator.isCommand(trimmed)) {
      int end = trimmed.indexOf(' ');
      int head = buffer.length() - trimmed.length() + (end < 0 ? trimmed.length() : end);
      sb.styled(COMMAND, buffer.substring(0, head)).append(buffer.substring(head));
      return sb.toAttributedString();
    }
    if (Evaluator.isDockerLine(trimmed)) {
      int head = buffer.length() - trimmed.length() + "docker".length();
      sb.styled(COMMAND, buffer.substring(0, head)).append(buffer.substring(head));
      return sb.toAttributedString();
    }
    Matcher m = TOKEN.matcher(buffer);
    int last = 0;
    while (m.find()) {
      sb.append(buffer.substring(last, m.start()));
      String t = m.group();
      AttributedStyle style = AttributedStyle.DEFAULT;
      if (m.group("comment") != null) {
        style = COMMENT;
      } else if (m.group("string") != null) {
        style = STRING;
      } else if (m.group("number") != null) {
        style = NUMBER;
      } else if (KEYWORDS.contains(t)) {
        style = KEYWORD;
      } else if (API_NAMES.contains(t) && followedByParen(buffer, m.end())) {
        style = API;
      }
      sb.styled(style, t);
      last = m.end();
    }
    sb.append(buffer.substring(last));
    return sb.toAttributedString();
  }

  private static boolean followedByParen(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i < s.length() && s.charAt(i) == '(';
  }
}
