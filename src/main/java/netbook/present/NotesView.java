package netbook.present;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import netbook.render.MarkdownRenderer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * {@code present --notes FILE.md}, on a second terminal: follows the presenting session through its
 * {@link PresenterState} file (read every {@link Keys#POLL_MS} ms) and shows the current slide's
 * title and speaker notes, the next slide's title and the time since the presentation started.
 * {@code q} or Ctrl-C ends it.
 */
public final class NotesView {
  private final Terminal terminal;
  private final List<Slide> slides;
  private final String title;
  private final PresenterState state;
  private final LongSupplier clock;
  private final IntFunction<MarkdownRenderer> renderers;
  private final boolean color;
  private final AtomicBoolean quit = new AtomicBoolean();
  private final AtomicBoolean resized = new AtomicBoolean();

  public NotesView(
      Terminal terminal,
      List<Slide> slides,
      String title,
      PresenterState state,
      LongSupplier clock,
      IntFunction<MarkdownRenderer> renderers,
      boolean color) {
    this.terminal = terminal;
    this.slides = List.copyOf(slides);
    this.title = title;
    this.state = state;
    this.clock = clock;
    this.renderers = renderers;
    this.color = color;
  }

  /** Follows the presenter until {@code q} or Ctrl-C. */
  public void follow() {
    Attributes saved = terminal.enterRawMode();
    Terminal.SignalHandler intr = terminal.handle(Terminal.Signal.INT, s -> quit.set(true));
    Terminal.SignalHandler winch = terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
    Keys keys = new Keys(terminal);
    try {
      terminal.puts(Capability.cursor_invisible);
      List<String> shown = List.of();
      while (!quit.get()) {
        List<String> screen = current();
        if (!screen.equals(shown) || resized.getAndSet(false)) {
          draw(screen);
          shown = screen;
        }
        List<String> now = shown;
        Keys.Key k = keys.next(() -> quit.get() || resized.get() || !current().equals(now));
        if (k == Keys.Key.QUIT || k == Keys.Key.INTERRUPT) {
          break;
        }
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, intr);
      terminal.handle(Terminal.Signal.WINCH, winch);
      terminal.setAttributes(saved);
      terminal.puts(Capability.cursor_visible);
      terminal.puts(Capability.clear_screen);
      terminal.flush();
    }
  }

  private List<String> current() {
    return texts(screen(state.read(), clock.getAsLong(), width()));
  }

  /** The notes screen for where the presenter is ({@code at}), {@code now} in epoch ms. */
  List<AttributedString> screen(Optional<PresenterState.Position> at, long now, int width) {
    List<AttributedString> wrapped = new ArrayList<>();
    for (AttributedString line : unwrapped(at, now, width)) {
      wrapped.addAll(line.length() == 0 ? List.of(line) : words(line, Math.max(20, width - 4)));
    }
    return wrapped;
  }

  private static List<AttributedString> words(AttributedString line, int width) {
    return SlideView.words(line, width);
  }

  private List<AttributedString> unwrapped(
      Optional<PresenterState.Position> at, long now, int width) {
    List<AttributedString> lines = new ArrayList<>();
    int w = Math.max(20, width - 4);
    if (at.isEmpty()) {
      lines.add(new AttributedString("Speaker notes · " + title, AttributedStyle.BOLD));
      lines.add(AttributedString.EMPTY);
      lines.add(
          new AttributedString(
              "waiting for the presenter: bin/netbook present with the same file, on another"
                  + " terminal (this view follows its slides)",
              SlideView.DIM));
      return lines;
    }
    PresenterState.Position p = at.get();
    String head = "slide " + p.slide() + "/" + p.total() + " · " + elapsed(now - p.started());
    lines.add(new AttributedString(head, AttributedStyle.BOLD));
    lines.add(new AttributedString("─".repeat(Math.min(w, 60)), SlideView.DIM));
    if (p.slide() > slides.size() || p.total() != slides.size()) {
      lines.add(
          new AttributedString(
              "the presenter shows "
                  + p.total()
                  + " slides, this file has "
                  + slides.size()
                  + ": was it edited since? start both again",
              SlideView.BAD));
      if (p.slide() > slides.size()) {
        return lines;
      }
    }
    Slide s = slides.get(p.slide() - 1);
    lines.add(new AttributedString(s.label(), SlideView.TITLE));
    lines.add(AttributedString.EMPTY);
    if (s.notes().isEmpty()) {
      lines.add(new AttributedString("(no notes for this slide)", SlideView.DIM));
    } else {
      lines.addAll(renderers.apply(w).lines(String.join("\n\n", s.notes())));
    }
    lines.add(AttributedString.EMPTY);
    lines.add(
        new AttributedString(
            p.slide() < slides.size()
                ? "next: " + slides.get(p.slide()).label()
                : "next: (this is the last slide)",
            SlideView.DIM));
    return lines;
  }

  static String elapsed(long ms) {
    long s = Math.max(0, ms / 1000);
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60);
  }

  private List<String> texts(List<AttributedString> lines) {
    return lines.stream().map(l -> color ? l.toAnsi() : l.toString()).toList();
  }

  private void draw(List<String> screen) {
    PrintWriter out = terminal.writer();
    terminal.puts(Capability.clear_screen);
    int rows = Math.max(2, height() - 1);
    for (int i = 0; i < Math.min(rows, screen.size()); i++) {
      out.print("  " + screen.get(i) + "\r\n");
    }
    terminal.puts(Capability.cursor_address, height() - 1, 0);
    String hint =
        "q quits" + (screen.size() > rows ? " · (notes cut: make the terminal taller)" : "");
    out.print(color ? new AttributedString("  " + hint, SlideView.DIM).toAnsi() : "  " + hint);
    terminal.flush();
  }

  private int width() {
    int w = terminal.getWidth();
    return w > 0 ? w : 80;
  }

  private int height() {
    int h = terminal.getHeight();
    return h > 0 ? h : 24;
  }
}
