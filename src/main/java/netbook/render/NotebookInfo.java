package netbook.render;

import java.util.Locale;

/** The language word of a fence's info string ("java {name=x}" → "java"). */
final class NotebookInfo {
  private NotebookInfo() {}

  static String language(String info) {
    String s = info == null ? "" : info.strip();
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '{') {
      i++;
    }
    return s.substring(0, i).toLowerCase(Locale.ROOT);
  }
}
