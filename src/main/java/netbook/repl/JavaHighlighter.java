package netbook.repl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import netbook.console.Docker;
import netbook.lab.Exercises;
import netbook.lab.Lab;
import netbook.render.JavaKeywords;
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

  /**
   * The API's entry points, as the preload imports them statically (preload.jsh: {@code import
   * static netbook.lab.Lab.*} and {@code netbook.console.Docker.*}): their public static methods.
   * Read from the classes the first time they are asked for.
   */
  static Set<String> apiNames() {
    return ApiNames.NAMES;
  }

  private static final class ApiNames {
    static final Set<String> NAMES =
        Stream.of(Lab.class, Exercises.class, Docker.class)
            .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());
  }

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
      } else if (JavaKeywords.is(t)) {
        style = KEYWORD;
      } else if (apiNames().contains(t) && followedByParen(buffer, m.end())) {
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
