package netbook.notebook;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what changes from run to run into stable placeholders before outputs are compared:
 * container and network IDs, IPv4 addresses (loopback and 0.0.0.0 stay), MACs, veth names, ping
 * times and dates. (The console package may bring its own masking; the lead reconciles the two.)
 */
public final class OutputMasking {
  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?",
              "<date>"),
          rule(
              "\\b(?:About )?(?:an?|\\d+) (?:second|minute|hour|day|week|month|year)s? ago\\b",
              "<ago>"),
          rule(
              "\\bUp (?:About )?(?:an?|\\d+|Less than a) (?:second|minute|hour|day)s?\\b",
              "Up <ago>"),
          rule("\\b[0-9a-f]{64}\\b", "<id>"),
          rule("\\b(?=[0-9a-f]{12}\\b)(?=[0-9a-f]*\\d)[0-9a-f]{12}\\b", "<id>"),
          rule("\\b(?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}\\b", "<mac>"),
          rule("\\bveth[0-9a-f]{7}\\b", "veth<id>"),
          rule("\\btime[=<]\\d+(?:\\.\\d+)? ?ms\\b", "time=<t> ms"),
          rule(
              "\\d+(?:\\.\\d+)?/\\d+(?:\\.\\d+)?/\\d+(?:\\.\\d+)?(?:/\\d+(?:\\.\\d+)?)? ms",
              "<t> ms"),
          rule("\\btime \\d+ ?ms\\b", "time <t> ms"));

  private static final Pattern IPV4 =
      Pattern.compile(
          "(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/\\d{1,2})?(?![\\d.]*\\d)");

  private OutputMasking() {}

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }

  public static String mask(String text) {
    String s = text;
    for (Rule r : RULES) {
      s = r.pattern().matcher(s).replaceAll(Matcher.quoteReplacement(r.replacement()));
    }
    Matcher m = IPV4.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String ip = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
      boolean keep = m.group(1).equals("127") || ip.equals("0.0.0.0") || m.group(1).equals("255");
      String prefix = m.group(5) == null ? "" : m.group(5);
      m.appendReplacement(sb, Matcher.quoteReplacement(keep ? m.group() : "<ip>" + prefix));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
