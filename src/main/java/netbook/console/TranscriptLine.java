package netbook.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a console transcript, by its prompt: a host command ({@code $ …}, {@code user@host:~$
 * …}), a command in a container ({@code root@<hex>:/# …}, {@code / # …}), a {@code # …} line (a
 * container command when one is attached, else a comment), a detach ({@code CTRL-p CTRL-q}), or the
 * output of the command above.
 *
 * @param command the command after the prompt (empty for output and detaches)
 * @param promptHost the host name a container prompt shows ({@code root@ffa4…:/#}), else empty
 */
record TranscriptLine(Kind kind, String command, String promptHost) {
  private static final Pattern HOST_PROMPT =
      Pattern.compile("^(?:[\\w.-]+@[\\w.-]+:[^\\s#$]*)?\\$(?:\\s+(.*))?$");
  private static final Pattern USER_PROMPT =
      Pattern.compile("^[\\w.-]+@([\\w.-]+):[^\\s#$]*#(?:\\s+(.*))?$");
  private static final Pattern PATH_PROMPT = Pattern.compile("^/[\\w./-]*\\s#(?:\\s+(.*))?$");
  private static final Pattern HASH_PROMPT = Pattern.compile("^#\\s+([a-z0-9_./-]+(?:\\s.*)?)$");
  private static final Pattern DETACH =
      Pattern.compile("(?i)(ctrl-?p\\s*,?\\s*ctrl-?q|\\^p\\s*\\^q|read escape sequence)");

  enum Kind {
    HOST,
    CONTAINER,
    HASH,
    DETACH,
    OUTPUT
  }

  static boolean isDetach(String line) {
    return DETACH.matcher(line).find();
  }

  static TranscriptLine of(String line) {
    String l = line.stripTrailing();
    Matcher m = HOST_PROMPT.matcher(l);
    if (m.matches()) {
      return new TranscriptLine(Kind.HOST, m.group(1) == null ? "" : m.group(1), "");
    }
    m = USER_PROMPT.matcher(l);
    if (m.matches()) {
      String cmd = m.group(2) == null ? "" : m.group(2);
      return isDetach(cmd) ? detach() : new TranscriptLine(Kind.CONTAINER, cmd, m.group(1));
    }
    m = PATH_PROMPT.matcher(l);
    if (m.matches()) {
      String cmd = m.group(1) == null ? "" : m.group(1);
      return isDetach(cmd) ? detach() : new TranscriptLine(Kind.CONTAINER, cmd, "");
    }
    if (isDetach(l)) {
      return detach();
    }
    m = HASH_PROMPT.matcher(l);
    if (m.matches()) {
      return new TranscriptLine(Kind.HASH, m.group(1), "");
    }
    return new TranscriptLine(Kind.OUTPUT, "", "");
  }

  private static TranscriptLine detach() {
    return new TranscriptLine(Kind.DETACH, "", "");
  }
}
