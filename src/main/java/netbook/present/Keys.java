package netbook.present;

import java.util.function.BooleanSupplier;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/** The keys presenter mode and its notes view answer to, read from a terminal in raw mode. */
final class Keys {
  /** What a key press means. */
  enum Key {
    NEXT,
    BACK,
    DOWN,
    UP,
    PAGE_DOWN,
    PAGE_UP,
    REPL,
    QUIT,
    /** Ctrl-C with the terminal's signals off (nothing runs): said, not acted on. */
    INTERRUPT,
    /** Nothing was pressed, but the screen must be drawn again (a resize, a change). */
    REDRAW,
    /** A key that means nothing here. */
    OTHER
  }

  /** How often, at most, a wait for a key looks whether to draw again. */
  static final long POLL_MS = 200;

  private final BindingReader reader;
  private final KeyMap<Key> map = new KeyMap<>();

  Keys(Terminal terminal) {
    this.reader = new BindingReader(terminal.reader());
    map.setNomatch(Key.OTHER);
    map.setUnicode(Key.OTHER);
    map.setAmbiguousTimeout(100);
    bind(terminal, Key.NEXT, Capability.key_right, "\033[C", "\033OC", " ", "\r", "\n", "l", "n");
    bind(terminal, Key.BACK, Capability.key_left, "\033[D", "\033OD", "h", "p");
    bind(terminal, Key.DOWN, Capability.key_down, "\033[B", "\033OB", "j");
    bind(terminal, Key.UP, Capability.key_up, "\033[A", "\033OA", "k");
    bind(terminal, Key.PAGE_DOWN, Capability.key_npage, "\033[6~");
    bind(terminal, Key.PAGE_UP, Capability.key_ppage, "\033[5~");
    map.bind(Key.REPL, "r");
    map.bind(Key.QUIT, "q", "Q");
    map.bind(Key.INTERRUPT, KeyMap.ctrl('C'));
  }

  private void bind(Terminal terminal, Key key, Capability cap, String... sequences) {
    String fromTerminfo = KeyMap.key(terminal, cap);
    if (fromTerminfo != null && !fromTerminfo.isEmpty()) {
      map.bindIfNotBound(key, fromTerminfo);
    }
    for (String s : sequences) {
      map.bindIfNotBound(key, s);
    }
  }

  /**
   * The next key; {@link Key#REDRAW} as soon as {@code redraw} says so (asked every {@link
   * #POLL_MS} while no key comes); {@link Key#QUIT} when the input ends.
   */
  Key next(BooleanSupplier redraw) {
    while (true) {
      int c = reader.peekCharacter(POLL_MS);
      if (c == NonBlockingReader.EOF) {
        return Key.QUIT;
      }
      if (c == NonBlockingReader.READ_EXPIRED) {
        if (redraw.getAsBoolean()) {
          return Key.REDRAW;
        }
        continue;
      }
      Key k = reader.readBinding(map);
      return k == null ? Key.QUIT : k;
    }
  }
}
