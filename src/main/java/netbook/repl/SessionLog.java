package netbook.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.notebook.OutputCap;

/**
 * The session so far, for {@code :save}: every accepted input (Java snippets, docker lines) with
 * what it showed, written back as a notebook — a {@code java} cell with its recorded {@code output}
 * block, or a {@code console} cell of {@code $ docker …} lines followed by their output. Each
 * output is kept cut as {@link OutputCap} cuts a recorded one.
 */
public final class SessionLog {
  /** What an input was: a Java snippet, a docker line, or prose typed as a comment. */
  public enum Kind {
    JAVA,
    DOCKER,
    PROSE
  }

  /**
   * One accepted input; {@code scratch} are the JShell names ({@code $3}) its expressions' values
   * got, each with the snippet that made it.
   */
  public record Entry(Kind kind, String source, String output, Map<String, String> scratch) {
    public Entry {
      scratch = Map.copyOf(scratch);
    }

    public boolean docker() {
      return kind == Kind.DOCKER;
    }
  }

  private static final Pattern SCRATCH = Pattern.compile("\\$(\\d+)\\b");
  private static final Pattern FIRST_WORD = Pattern.compile("[a-z][A-Za-z0-9_]*");
  private static final Set<String> NOT_NAMES =
      Set.of("new", "this", "super", "true", "false", "null", "var", "int", "long", "double");

  private final List<Entry> entries = new ArrayList<>();

  /**
   * Whether a typed input is prose for {@code :save}: every line a {@code //} comment ({@code //
   * text} a paragraph line, {@code // # Title} a heading), or a Markdown heading ({@code # Title}).
   */
  public static boolean isProse(String input) {
    String s = input.strip();
    if (s.isEmpty()) {
      return false;
    }
    if (s.startsWith("#") && s.matches("#{1,6} \\S.*") && !s.contains("\n")) {
      return true;
    }
    return s.lines().allMatch(l -> l.strip().startsWith("//"));
  }

  public synchronized void java(String source, String output) {
    java(source, output, Map.of());
  }

  /** A Java input; {@code scratch}: {@code $N} to the snippet whose value it names. */
  public synchronized void java(String source, String output, Map<String, String> scratch) {
    entries.add(new Entry(Kind.JAVA, source.strip(), OutputCap.cap(output), scratch));
  }

  public synchronized void docker(String line, String output) {
    entries.add(new Entry(Kind.DOCKER, line.strip(), OutputCap.cap(output), Map.of()));
  }

  /** Prose typed at the prompt ({@link #isProse}). */
  public synchronized void prose(String text) {
    entries.add(new Entry(Kind.PROSE, text.strip(), "", Map.of()));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }

  /** The notebook Markdown of the session, titled {@code title}. */
  public synchronized String toMarkdown(String title) {
    List<Entry> list = named(entries);
    StringBuilder sb = new StringBuilder();
    boolean titled =
        !list.isEmpty()
            && list.get(0).kind() == Kind.PROSE
            && markdown(list.get(0).source()).startsWith("# ");
    if (!titled) {
      sb.append("# ").append(title).append("\n");
    }
    for (int i = 0; i < list.size(); i++) {
      Entry e = list.get(i);
      if (sb.length() > 0) {
        sb.append('\n');
      }
      if (e.kind() == Kind.PROSE) {
        // consecutive prose lines make one paragraph; a heading stands alone, a bare // ends it
        String text = markdown(e.source());
        List<String> paragraph = new ArrayList<>(List.of(text));
        while (!text.startsWith("#")
            && i + 1 < list.size()
            && list.get(i + 1).kind() == Kind.PROSE) {
          String next = markdown(list.get(i + 1).source());
          if (next.startsWith("#")) {
            break;
          }
          i++;
          if (next.isEmpty()) {
            break;
          }
          paragraph.add(next);
          text = next;
        }
        String joined = String.join("\n", paragraph).strip();
        if (joined.isEmpty()) {
          sb.setLength(Math.max(0, sb.length() - 1));
        } else {
          sb.append(joined).append('\n');
        }
        continue;
      }
      if (e.docker()) {
        sb.append("```console\n");
        // consecutive docker lines share one console cell
        while (true) {
          sb.append("$ ").append(e.source()).append('\n').append(e.output());
          if (!e.output().isEmpty() && !e.output().endsWith("\n")) {
            sb.append('\n');
          }
          if (i + 1 < list.size() && list.get(i + 1).docker()) {
            e = list.get(++i);
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

  /** Prose typed as comments, as Markdown: {@code // text} is text, a bare {@code //} a break. */
  static String markdown(String prose) {
    StringBuilder sb = new StringBuilder();
    for (String line : prose.split("\n", -1)) {
      String l = line.strip();
      if (l.startsWith("//")) {
        l = l.substring(2);
        l = l.startsWith(" ") ? l.substring(1) : l;
      }
      sb.append(l.stripTrailing()).append('\n');
    }
    return sb.toString().strip();
  }

  /**
   * The entries with every {@code $N} a later input uses given a readable name: the snippet that
   * made it becomes {@code var net3 = net("x");} and the later inputs say {@code net3}, so a saved
   * notebook never depends on JShell's numbering.
   */
  static List<Entry> named(List<Entry> entries) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.kind() != Kind.JAVA) {
        continue;
      }
      Matcher m = SCRATCH.matcher(e.source());
      while (m.find()) {
        String ref = m.group();
        if (names.containsKey(ref)) {
          continue;
        }
        for (int j = i - 1; j >= 0; j--) {
          String snippet = entries.get(j).scratch().get(ref);
          if (snippet != null) {
            names.put(ref, name(snippet, m.group(1)));
            break;
          }
        }
      }
    }
    if (names.isEmpty()) {
      return entries;
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.kind() != Kind.JAVA) {
        out.add(e);
        continue;
      }
      String source = e.source();
      String output = e.output();
      for (var s : e.scratch().entrySet()) {
        String name = names.get(s.getKey());
        if (name == null) {
          continue;
        }
        source = declare(source, s.getValue(), name);
        output = output.replace(s.getKey() + " ==> ", name + " ==> ");
      }
      Matcher m = SCRATCH.matcher(source);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(names.getOrDefault(m.group(), m.group())));
      }
      m.appendTail(sb);
      out.add(new Entry(Kind.JAVA, sb.toString(), output, Map.of()));
    }
    return out;
  }

  /** {@code snippet} in {@code source} as a variable declaration named {@code name}. */
  private static String declare(String source, String snippet, String name) {
    String expr = snippet.strip();
    expr = expr.endsWith(";") ? expr.substring(0, expr.length() - 1).stripTrailing() : expr;
    int at = source.indexOf(expr);
    if (at < 0) {
      return source;
    }
    int after = at + expr.length();
    boolean semicolon = after < source.length() && source.charAt(after) == ';';
    return source.substring(0, at)
        + "var "
        + name
        + " = "
        + expr
        + (semicolon ? "" : ";")
        + source.substring(after);
  }

  /** A readable name for the value of {@code snippet}: its first call's name and the number. */
  private static String name(String snippet, String number) {
    Matcher m = FIRST_WORD.matcher(snippet);
    while (m.find()) {
      if (!NOT_NAMES.contains(m.group())
          && (m.start() == 0 || !Character.isLetterOrDigit(snippet.charAt(m.start() - 1)))) {
        return m.group() + number;
      }
    }
    return "value" + number;
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
