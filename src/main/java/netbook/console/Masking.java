package netbook.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns what changes from one run to the next — container and network ids, addresses, MACs, ping
 * times, veth names, dates, ages, the COMMAND column of {@code docker ps} (which the image that
 * played a name decides) — into stable placeholders, so that a book's recorded output and a live
 * one can be compared in substance. Used by transcripts and by the notebook runner alike.
 */
public final class Masking {
  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?",
              "<date>"),
          rule("(?i)\\b([0-9a-f]{2}:){5}[0-9a-f]{2}\\b", "<mac>"),
          rule("\\bveth[0-9a-f]{4,}", "<veth>"),
          rule("@if\\d+", "@if<n>"),
          rule("\\bbr-[0-9a-f]{12}\\b", "br-<id>"),
          rule("sha256:[0-9a-f]{12,64}", "sha256:<id>"),
          rule("\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12,64}\\b", "<id>"),
          // an id that happens to hold no letter (one in about 280 short ids)
          rule("\\b[0-9]{12}\\b|\\b[0-9]{64}\\b", "<id>"),
          // docker ps's COMMAND column: the image's own entrypoint and command, which differ
          // between the images that can play a name (nginx's, the lab stand-in's busybox httpd)
          rule("^(<id>\\s+\\S+\\s+)\"[^\"\n]*\"", "$1\"<command>\""),
          rule("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b", "<ip>"),
          rule("\\b(fe80|fd[0-9a-f]{2}|2001):[0-9a-f:]*[0-9a-f]\\b", "<ip6>"),
          rule("time=[\\d.]+ ?ms", "time=<t> ms"),
          rule("(min/avg/max(/mdev|/stddev)?) = [\\d./]+ ?ms", "$1 = <t> ms"),
          rule(
              "(Less than a second|About an? (minute|hour)|\\d+ (second|minute|hour|day|week|month|year)s?)"
                  + "( ago)?",
              "<ago>$4"),
          rule("\\bvalid_lft \\S+ preferred_lft \\S+", "valid_lft <t> preferred_lft <t>"),
          rule("^\\d+: ", "<n>: "));

  private Masking() {}

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex, Pattern.MULTILINE), replacement);
  }

  /** The text with every varying value replaced by its placeholder. */
  public static String mask(String text) {
    String s = text.replace("\r\n", "\n");
    for (Rule r : RULES) {
      s = r.pattern().matcher(s).replaceAll(r.replacement());
    }
    return s;
  }

  /** Masked lines, whitespace runs collapsed (table widths vary), blank lines dropped. */
  public static List<String> substance(String text) {
    List<String> out = new ArrayList<>();
    for (String line : mask(text).split("\n")) {
      String l = line.strip().replaceAll("\\s+", " ");
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  /** Whether a line stands for lines the author left out: "…", "...". */
  public static boolean isEllipsis(String line) {
    String l = line.strip();
    return l.equals("…") || l.equals("...") || l.equals("[...]");
  }

  /**
   * Whether book and live output say the same after masking. A book with "…" lines shows only part
   * of the output: then its other lines must appear in the live output, in order.
   */
  public static boolean sameInSubstance(String book, String live) {
    List<String> b = substance(book);
    List<String> l = substance(live);
    if (b.stream().anyMatch(Masking::isEllipsis)) {
      int at = 0;
      for (String line : b) {
        if (isEllipsis(line)) {
          continue;
        }
        while (at < l.size() && !l.get(at).equals(line)) {
          at++;
        }
        if (at == l.size()) {
          return false;
        }
        at++;
      }
      return true;
    }
    return b.equals(l);
  }
}
