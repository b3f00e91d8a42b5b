package netbook.notebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Runme-style attributes after a cell's language: {@code {name=dns expect=fail timeout=20s
 * hidden skip verify}} ({@code verify}: the cell checks an exercise, see netbook.lab.Exercises).
 * {@code timeout} is null when the cell did not set one.
 */
public record CellAttributes(
    String name,
    boolean expectFail,
    Duration timeout,
    boolean hidden,
    boolean skip,
    boolean verify) {

  public static final CellAttributes NONE =
      new CellAttributes("", false, null, false, false, false);

  /** The longest {@code timeout=} a cell may ask for: a day. */
  static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  private static final Pattern TIMEOUT = Pattern.compile("(\\d+)(ms|s|m)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

  public CellAttributes {
    name = name == null ? "" : name;
  }

  /** These attributes with {@code skip} set. */
  public CellAttributes skipped() {
    return new CellAttributes(name, expectFail, timeout, hidden, true, verify);
  }

  /**
   * Parses what follows the language in a fence's info string ("" or "{...}").
   *
   * @throws IllegalArgumentException with a message naming the bad attribute and the fix
   */
  public static CellAttributes parse(String text) {
    return parse(text, new ArrayList<>());
  }

  /**
   * Parses like {@link #parse(String)}; an attribute netbook does not know (another tool's, like
   * Runme's {@code interactive=false}) is ignored and its name added to {@code ignored}.
   */
  public static CellAttributes parse(String text, List<String> ignored) {
    String t = text.strip();
    if (t.isEmpty()) {
      return NONE;
    }
    if (!t.startsWith("{") || !t.endsWith("}")) {
      throw new IllegalArgumentException(
          "attributes must be written in braces after the language, like ```java {name=dns"
              + " expect=fail}, not '"
              + t
              + "'");
    }
    String name = "";
    boolean expectFail = false;
    Duration timeout = null;
    boolean hidden = false;
    boolean skip = false;
    boolean verify = false;
    for (String token : tokens(t.substring(1, t.length() - 1))) {
      int eq = token.indexOf('=');
      String key = (eq < 0 ? token : token.substring(0, eq)).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? null : unquote(token.substring(eq + 1));
      switch (key) {
        case "name" -> name = checkName(required(key, value));
        case "expect" -> expectFail = expect(required(key, value));
        case "timeout" -> timeout = timeout(required(key, value));
        case "hidden" -> hidden = flag(key, value);
        case "skip" -> skip = flag(key, value);
        case "verify" -> verify = flag(key, value);
        default -> ignored.add(eq < 0 ? token : token.substring(0, eq));
      }
    }
    return new CellAttributes(name, expectFail, timeout, hidden, skip, verify);
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (char c : s.toCharArray()) {
      if (quote != 0) {
        cur.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
      } else if (Character.isWhitespace(c) || c == ',') {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in cell attributes: close it");
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static String required(String key, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "cell attribute '" + key + "' needs a value, like " + key + "=" + example(key));
    }
    return value;
  }

  private static String example(String key) {
    return switch (key) {
      case "name" -> "dns";
      case "expect" -> "fail";
      default -> "20s";
    };
  }

  private static String checkName(String v) {
    if (!NAME.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "cell name '" + v + "' may use only letters, digits, '.', '_' and '-'");
    }
    return v;
  }

  private static boolean expect(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "fail", "failure", "error" -> true;
      case "pass", "success", "ok" -> false;
      default ->
          throw new IllegalArgumentException(
              "bad value expect=" + v + ": use expect=fail (or expect=pass)");
    };
  }

  private static Duration timeout(String v) {
    Matcher m = TIMEOUT.matcher(v.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bad value timeout=" + v + ": write a duration like timeout=20s, 500ms or 2m");
    }
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d;
    try {
      long n = Long.parseLong(m.group(1));
      d =
          switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
          };
    } catch (NumberFormatException | ArithmeticException e) {
      d = null; // more digits than a long holds, or more minutes than a Duration: too long anyway
    }
    if (d == null || d.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "timeout="
              + v
              + " is longer than a day: use at most timeout=1440m (or leave it out for the default)");
    }
    if (d.isZero()) {
      throw new IllegalArgumentException("timeout=" + v + " is zero: give the cell some time");
    }
    return d;
  }

  private static boolean flag(String key, String value) {
    if (value == null) {
      return true;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default ->
          throw new IllegalArgumentException(
              "bad value " + key + "=" + value + ": write just '" + key + "'");
    };
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (!name.isEmpty()) {
      parts.add("name=" + name);
    }
    if (expectFail) {
      parts.add("expect=fail");
    }
    if (timeout != null) {
      parts.add("timeout=" + timeout.toMillis() + "ms");
    }
    if (hidden) {
      parts.add("hidden");
    }
    if (skip) {
      parts.add("skip");
    }
    return "{" + String.join(" ", parts) + "}";
  }
}
