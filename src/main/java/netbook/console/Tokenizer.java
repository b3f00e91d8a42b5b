package netbook.console;

import java.util.ArrayList;
import java.util.List;
import netbook.NetbookException;

/**
 * Splits a command line into words with the POSIX shell's quoting rules: single quotes keep
 * everything, double quotes keep everything but backslash escapes of {@code " \ $ `}, a backslash
 * outside quotes escapes the next character. Command substitutions {@code $(...)} and backticks are
 * found by {@link #substitutions(String)} before splitting; no other expansion happens.
 */
public final class Tokenizer {
  private Tokenizer() {}

  /** The words of {@code line}; throws on an unclosed quote. */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new NetbookException("unclosed ' in: " + line);
        }
        cur.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char d = line.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
            cur.append(line.charAt(i + 1));
            i += 2;
          } else {
            cur.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new NetbookException("unclosed \" in: " + line);
        }
        inWord = true;
      } else if (c == '\\' && i + 1 < n) {
        cur.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        cur.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }

  /** One command substitution in a line: {@code start..end} (exclusive) spans {@code $(inner)}. */
  public record Substitution(int start, int end, String inner) {}

  /** The {@code $(...)} and {@code `...`} substitutions of a line, outside single quotes. */
  public static List<Substitution> substitutions(String line) {
    List<Substitution> out = new ArrayList<>();
    boolean single = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        single = !single;
      } else if (!single && c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        int depth = 0;
        for (int j = i + 1; j < line.length(); j++) {
          char d = line.charAt(j);
          if (d == '(') {
            depth++;
          } else if (d == ')' && --depth == 0) {
            out.add(new Substitution(i, j + 1, line.substring(i + 2, j)));
            i = j;
            break;
          }
        }
        if (depth > 0) {
          throw new NetbookException("unclosed $( in: " + line);
        }
      } else if (!single && c == '`') {
        int end = line.indexOf('`', i + 1);
        if (end < 0) {
          throw new NetbookException("unclosed ` in: " + line);
        }
        out.add(new Substitution(i, end + 1, line.substring(i + 1, end)));
        i = end;
      }
    }
    return out;
  }
}
