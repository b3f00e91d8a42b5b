package netbook.present;

/**
 * How a slide's section title is drawn. {@link #DOUBLE_HEIGHT}: DEC double-height, double-width
 * lines ({@code ESC # 3} for the top half, {@code ESC # 4} for the bottom), which xterm and the
 * terminals that copy it draw; tmux and screen do not pass them on (the text would show twice), so
 * the command line chooses it only for TERM=xterm* outside tmux/screen. {@link #BOLD}: bold and
 * coloured, over a rule. {@link #PLAIN}: no styles at all (a dumb terminal, NO_COLOR), over a rule.
 */
public enum TitleStyle {
  DOUBLE_HEIGHT,
  BOLD,
  PLAIN;

  /**
   * The style for a terminal: {@code term} its TERM, {@code multiplexed} whether TMUX or STY is
   * set, {@code color} whether styles are on at all.
   */
  public static TitleStyle forTerminal(String term, boolean multiplexed, boolean color) {
    if (!color) {
      return PLAIN;
    }
    String t = term == null ? "" : term;
    return t.startsWith("xterm") && !multiplexed ? DOUBLE_HEIGHT : BOLD;
  }
}
