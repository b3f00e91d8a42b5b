package netbook.repl;

import java.util.ArrayList;
import java.util.List;
import netbook.notebook.OutputCap;

/**
 * The session so far, for {@code :save}: every accepted input (Java snippets, docker lines) with
 * what it showed, written back as a notebook — a {@code java} cell with its recorded {@code output}
 * block, or a {@code console} cell of {@code $ docker …} lines followed by their output. Each
 * output is kept cut as {@link OutputCap} cuts a recorded one.
 */
public final class SessionLog {
  /** One accepted input: {@code docker} tells a docker line from Java. */
  public record Entry(boolean docker, String source, String output) {}

  private final List<Entry> entries = new ArrayList<>();

  public synchronized void java(String source, String output) {
    entries.add(new Entry(false, source.strip(), OutputCap.cap(output)));
  }

  public synchronized void docker(String line, String output) {
    entries.add(new Entry(true, line.strip(), OutputCap.cap(output)));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }

  /** The notebook Markdown of the session, titled {@code title}. */
  public synchronized String toMarkdown(String title) {
    StringBuilder sb = new StringBuilder("# ").append(title).append("\n");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      sb.append('\n');
      if (e.docker()) {
        sb.append("```console\n");
        // consecutive docker lines share one console cell
        while (true) {
          sb.append("$ ").append(e.source()).append('\n').append(e.output());
          if (!e.output().isEmpty() && !e.output().endsWith("\n")) {
            sb.append('\n');
          }
          if (i + 1 < entries.size() && entries.get(i + 1).docker()) {
            e = entries.get(++i);
          } else {
            break;
          }
        }
        sb.append("```\n");
        continue;
      }
      String fence = fence(e.source() + e.output());
      sb.append(fence).append("java\n").append(e.source()).append('\n').append(fence).append('\n');
      if (!e.output().isBlank()) {
        sb.append("\n<!-- netbook:output -->\n")
            .append(fence)
            .append("output\n")
            .append(e.output());
        if (!e.output().endsWith("\n")) {
          sb.append('\n');
        }
        sb.append(fence).append('\n');
      }
    }
    return sb.toString();
  }

  /** A backtick fence longer than any run of backticks in the text. */
  private static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
