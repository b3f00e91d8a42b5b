package netbook.repl;

import java.util.List;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * Tab and Shift-Tab as jshell has them. The first Tab where an argument starts ({@code
 * "abc".substring(} + Tab) shows the method's signatures instead of completing; the next Tab
 * completes. Shift-Tab shows the signatures with their documentation, for the call the cursor is in
 * or the name just before it ({@code ping} + Shift-Tab). What they show is printed above the
 * prompt, after a copy of the line as typed, so it stays in the scrollback as jshell's does.
 */
final class HelpKeys {
  static final String TAB = "netbook-tab";
  static final String DOCS = "netbook-docs";

  /** JLine's name for Shift-Tab where terminfo lacks it (xterm and tmux send this). */
  static final String BACK_TAB = "\033[Z";

  private final CallHelp help;
  private final ResultPrinter style;
  private String signaturesShownFor;

  HelpKeys(CallHelp help, ResultPrinter style) {
    this.help = help;
    this.style = style;
  }

  /** Binds Tab and Shift-Tab in the emacs and vi insert key maps of {@code reader}. */
  void install(LineReader reader, Terminal terminal) {
    reader.getWidgets().put(TAB, () -> tab(reader));
    reader.getWidgets().put(DOCS, () -> docs(reader));
    for (String map : List.of(LineReader.EMACS, LineReader.VIINS)) {
      KeyMap<Binding> keys = reader.getKeyMaps().get(map);
      if (keys == null) {
        continue;
      }
      keys.bind(new Reference(TAB), "\t");
      keys.bind(new Reference(DOCS), BACK_TAB);
      String btab = KeyMap.key(terminal, Capability.key_btab);
      if (btab != null && !btab.isEmpty()) {
        keys.bind(new Reference(DOCS), btab);
      }
    }
  }

  private boolean tab(LineReader reader) {
    String line = reader.getBuffer().toString();
    int cursor = reader.getBuffer().cursor();
    String state = line + '\0' + cursor;
    if (!state.equals(signaturesShownFor) && CallHelp.atArgumentStart(line, cursor)) {
      List<String> signatures = help.signatures(line, cursor);
      if (!signatures.isEmpty()) {
        signaturesShownFor = state;
        AttributedStringBuilder sb = echo(line);
        sb.append("Signatures:\n");
        for (String s : signatures) {
          sb.append("  ").append(s).append('\n');
        }
        faint(sb, "<Tab again: completions · Shift-Tab: documentation>");
        reader.printAbove(sb.toAttributedString());
        return true;
      }
    }
    signaturesShownFor = state;
    reader.callWidget(LineReader.COMPLETE_WORD);
    return true;
  }

  private boolean docs(LineReader reader) {
    String line = reader.getBuffer().toString();
    int cursor = reader.getBuffer().cursor();
    List<CallHelp.Doc> docs = help.documentation(line, cursor);
    AttributedStringBuilder sb = echo(line);
    if (docs.isEmpty()) {
      faint(sb, "(no documentation here: Shift-Tab after a method's name or inside its ( ))");
    }
    for (int i = 0; i < docs.size(); i++) {
      CallHelp.Doc d = docs.get(i);
      sb.style(style.color() ? AttributedStyle.BOLD : AttributedStyle.DEFAULT)
          .append(d.signature())
          .style(AttributedStyle.DEFAULT)
          .append('\n');
      String text = d.text().isEmpty() ? "(no documentation)" : d.text();
      for (String l : text.split("\n", -1)) {
        sb.append("  ").append(l).append('\n');
      }
      if (i < docs.size() - 1) {
        sb.append('\n');
      }
    }
    AttributedString shown = sb.toAttributedString();
    reader.printAbove(
        shown.toString().endsWith("\n") ? shown.subSequence(0, shown.length() - 1) : shown);
    return true;
  }

  private AttributedStringBuilder echo(String line) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    sb.style(style.color() ? ResultPrinter.FAINT : AttributedStyle.DEFAULT)
        .append(Repl.PROMPT)
        .append(line.replace("\n", "\n" + Repl.CONTINUATION))
        .style(AttributedStyle.DEFAULT)
        .append('\n');
    return sb;
  }

  private void faint(AttributedStringBuilder sb, String text) {
    sb.style(style.color() ? ResultPrinter.FAINT : AttributedStyle.DEFAULT)
        .append(text)
        .style(AttributedStyle.DEFAULT);
  }
}
