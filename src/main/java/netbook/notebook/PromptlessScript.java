package netbook.notebook;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code sh}/{@code bash}/{@code shell} block written as a script, without {@code $ } prompts:
 * when its every line is a docker command (or a comment, or the continuation of a line ending in a
 * backslash), it runs as those command lines; otherwise it is not run at all. A {@code console}
 * block without prompts is the book's output of the previous cell's last command, as before.
 */
final class PromptlessScript {
  private static final Pattern DOCKER = Pattern.compile("(?:sudo\\s+)?docker(?:\\s.*)?");

  /** A container's prompt ({@code root@cf2d53fead42:/# }, {@code / # }): a transcript. */
  private static final Pattern PROMPT = Pattern.compile("^[\\w@.:/~-]+\\s?[#$] ");

  /** What a command line starts with; output ({@code PING …}, {@code 64 bytes …}) does not. */
  private static final Pattern COMMAND = Pattern.compile("^(?:sudo\\s+)?[a-z][\\w.-]*(?:\\s|$)");

  private PromptlessScript() {}

  /** Whether a block of this language with this source is a prompt-less script. */
  static boolean applies(String language, String source) {
    String lang = language.toLowerCase(Locale.ROOT);
    if (!lang.equals("sh") && !lang.equals("bash") && !lang.equals("shell")) {
      return false;
    }
    String first = null;
    for (String line : source.split("\n")) {
      String l = line.strip();
      if (l.startsWith("$ ") || l.equals("$") || PROMPT.matcher(l).find()) {
        return false;
      }
      if (first == null && !l.isEmpty() && !l.startsWith("#")) {
        first = l;
      }
    }
    // a block of output only is the book's output of the previous cell's last command
    return first != null && COMMAND.matcher(first).find();
  }

  /**
   * The block as console lines ({@code $ docker …}) when every non-empty line is a docker command,
   * a {@code #} comment or a continued line; null when it is something else.
   */
  static String dockerLines(String source) {
    StringBuilder sb = new StringBuilder();
    boolean continued = false;
    boolean any = false;
    for (String line : source.split("\n")) {
      String l = line.strip();
      if (continued) {
        sb.append(l).append('\n');
      } else if (l.isEmpty() || l.startsWith("#")) {
        continue;
      } else if (DOCKER.matcher(l).matches()) {
        sb.append("$ ").append(l).append('\n');
        any = true;
      } else {
        return null;
      }
      continued = l.endsWith("\\");
    }
    return any ? sb.toString() : null;
  }
}
