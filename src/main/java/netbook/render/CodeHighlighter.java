package netbook.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Light highlighting of code lines: Java keywords, strings, numbers and comments; the prompt lines
 * of a console transcript. Plain text stays the same characters, only styles change.
 */
public final class CodeHighlighter {
  private static final Pattern JAVA =
      Pattern.compile(
          "(?<comment>//.*$)|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"?)|(?<number>\\b\\d+(?:\\.\\d+)?\\b)"
              + "|(?<word>[A-Za-z_$][\\w$]*)");
  private static final Pattern PROMPT =
      Pattern.compile("^(\\$ |# |/ # |[\\w.-]+@[\\w.-]+:[^#$]*[#$] )");

  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle PROMPT_STYLE =
      AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
  static final AttributedStyle COMMAND = AttributedStyle.BOLD;

  private CodeHighlighter() {}

  /** One line of code in a language ("java", "console", …; anything else stays plain). */
  public static AttributedString line(String language, String line) {
    return switch (language) {
      case "java", "jshell" -> java(line);
      case "console", "bash", "sh", "shell" -> console(line);
      default -> new AttributedString(line);
    };
  }

  private static AttributedString java(String line) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    Matcher m = JAVA.matcher(line);
    int last = 0;
    while (m.find()) {
      sb.append(line, last, m.start());
      AttributedStyle style =
          m.group("comment") != null
              ? COMMENT
              : m.group("string") != null
                  ? STRING
                  : m.group("number") != null
                      ? NUMBER
                      : JavaKeywords.is(m.group()) ? KEYWORD : AttributedStyle.DEFAULT;
      sb.styled(style, m.group());
      last = m.end();
    }
    sb.append(line.substring(last));
    return sb.toAttributedString();
  }

  private static AttributedString console(String line) {
    Matcher m = PROMPT.matcher(line);
    if (!m.find()) {
      return new AttributedString(line, AttributedStyle.DEFAULT.faint());
    }
    AttributedStringBuilder sb = new AttributedStringBuilder();
    sb.styled(PROMPT_STYLE, m.group());
    sb.styled(COMMAND, line.substring(m.end()));
    return sb.toAttributedString();
  }
}
