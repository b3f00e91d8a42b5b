package netbook.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Word-wraps styled text: {@link Wrap#breaks} decides the breaks on the plain text, and each
 * character keeps the style it had. Long words are not broken; line breaks already in the text are
 * kept.
 */
final class StyledWrap {
  private StyledWrap() {}

  static List<AttributedString> wrap(AttributedString text, int width) {
    List<AttributedString> out = new ArrayList<>();
    int from = 0;
    String plain = text.toString();
    for (int i = 0; i <= plain.length(); i++) {
      if (i == plain.length() || plain.charAt(i) == '\n') {
        out.addAll(wrapLine(text.subSequence(from, i), Math.max(1, width)));
        from = i + 1;
      }
    }
    return out;
  }

  private static List<AttributedString> wrapLine(AttributedString line, int width) {
    String orig = line.toString();
    String wrapped = Wrap.breaks(orig, width);
    List<AttributedString> out = new ArrayList<>();
    AttributedStringBuilder cur = new AttributedStringBuilder();
    int j = 0;
    for (int i = 0; i < wrapped.length(); i++) {
      char c = wrapped.charAt(i);
      if (c == '\n') {
        out.add(trimEnd(cur.toAttributedString()));
        cur = new AttributedStringBuilder();
        if (j < orig.length() && orig.charAt(j) == ' ') {
          j++;
        }
        continue;
      }
      while (j < orig.length() && orig.charAt(j) != c && orig.charAt(j) == ' ') {
        j++;
      }
      if (j < orig.length()) {
        cur.style(line.styleAt(j)).append(c);
        j++;
      } else {
        cur.append(c);
      }
    }
    out.add(trimEnd(cur.toAttributedString()));
    return out;
  }

  static AttributedString trimEnd(AttributedString s) {
    String p = s.toString();
    int e = p.length();
    while (e > 0 && p.charAt(e - 1) == ' ') {
      e--;
    }
    return e == p.length() ? s : s.subSequence(0, e);
  }
}
