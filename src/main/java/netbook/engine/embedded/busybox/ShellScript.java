package netbook.engine.embedded.busybox;

import java.util.ArrayList;
import java.util.List;

/**
 * The small part of the shell language {@code sh -c} scripts in lessons use: words with single and
 * double quotes and backslashes, and commands joined by {@code ;}, newlines, {@code &&}, {@code ||}
 * and {@code |}.
 */
final class ShellScript {
  private ShellScript() {}

  /** One simple command and the operator that joins it to the previous one ("" for the first). */
  record Step(String operator, List<String> words) {}

  static List<Step> parse(String script) {
    List<Step> steps = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    String pending = "";
    int i = 0;
    while (i < script.length()) {
      char ch = script.charAt(i);
      if (ch == '\'') {
        int end = script.indexOf('\'', i + 1);
        end = end < 0 ? script.length() : end;
        word.append(script, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (ch == '"') {
        i++;
        while (i < script.length() && script.charAt(i) != '"') {
          if (script.charAt(i) == '\\' && i + 1 < script.length()) {
            i++;
          }
          word.append(script.charAt(i++));
        }
        inWord = true;
        i++;
      } else if (ch == '\\' && i + 1 < script.length()) {
        word.append(script.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (ch == ' ' || ch == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (ch == ';' || ch == '\n' || ch == '&' || ch == '|') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        String op = String.valueOf(ch);
        if ((ch == '&' || ch == '|') && i + 1 < script.length() && script.charAt(i + 1) == ch) {
          op = op + ch;
          i++;
        }
        if (op.equals("\n") || op.equals("&")) {
          op = ";";
        }
        if (!words.isEmpty()) {
          steps.add(new Step(pending, List.copyOf(words)));
          words.clear();
        }
        pending = op;
        i++;
      } else if (ch == '#' && !inWord) {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
      } else {
        word.append(ch);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      steps.add(new Step(pending, List.copyOf(words)));
    }
    return steps;
  }
}
