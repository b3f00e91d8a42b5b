package netbook.present;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import netbook.notebook.Cell;
import netbook.notebook.CellResult;
import netbook.notebook.FileReport;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookRunner;
import netbook.notebook.ReplHandoff;
import netbook.render.MarkdownRenderer;
import netbook.shell.JavaShell;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.InfoCmp.Capability;

/**
 * Presenter mode: one slide per screen ({@link Slides}), the section title large, the counter in
 * the bottom right corner beside one line of key hints. Right, Space or Enter: a slide longer than
 * the screen pages on first, a cell that has not run runs (its output appears under the code, set
 * apart), then the next slide comes; Left: the previous slide as it was, not run again; Up/Down
 * scroll; {@code r}: the REPL ({@code :continue} comes back); {@code q}: quit, cleaned up as step
 * mode is; Ctrl-C stops a running cell. Hidden cells run when their slide is first shown.
 */
public final class Presenter {
  private final Terminal terminal;
  private final NotebookRunner runner;
  private final IntFunction<MarkdownRenderer> renderers;
  private final ReplHandoff repl;
  private final TitleStyle style;
  private final PresenterState state;
  private final LongSupplier clock;
  private final PrintWriter out;
  private final Map<Integer, CellResult> results = new HashMap<>();
  private final Map<Integer, List<AttributedString>> prose = new HashMap<>();
  private final AtomicBoolean resized = new AtomicBoolean();
  private final AtomicBoolean idleInterrupt = new AtomicBoolean();
  private List<Slide> slides = List.of();
  private int proseWidth;
  private int current;
  private int offset;
  private int shownUpTo = -1;
  private long started;
  private String notice = "";
  private Attributes cooked;

  /**
   * {@code renderers}: a Markdown renderer for a width (the terminal may be resized); {@code
   * state}: where the notes view learns the slide (null: nowhere); {@code clock}: epoch ms.
   */
  public Presenter(
      Terminal terminal,
      NotebookRunner runner,
      IntFunction<MarkdownRenderer> renderers,
      ReplHandoff repl,
      TitleStyle style,
      PresenterState state,
      LongSupplier clock) {
    this.terminal = terminal;
    this.runner = runner;
    this.renderers = renderers;
    this.repl = repl;
    this.style = style;
    this.state = state;
    this.clock = clock;
    this.out = terminal.writer();
  }

  /** Presents the notebook in this JShell session until {@code q}; cleans up unless kept. */
  public FileReport present(Notebook nb, JavaShell shell) {
    runner.bind(shell);
    slides = Slides.of(nb);
    started = clock.getAsLong();
    runner.begin(nb);
    Attributes saved = terminal.enterRawMode();
    cooked = saved;
    Terminal.SignalHandler winch = terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
    Terminal.SignalHandler intr = terminal.handle(Terminal.Signal.INT, s -> interrupt());
    Keys keys = new Keys(terminal);
    try {
      terminal.puts(Capability.cursor_invisible);
      if (!slides.isEmpty()) {
        enter(nb, shell);
        draw();
        loop(nb, shell, keys);
      }
    } finally {
      terminal.handle(Terminal.Signal.WINCH, winch);
      terminal.handle(Terminal.Signal.INT, intr);
      terminal.setAttributes(saved);
      terminal.puts(Capability.cursor_visible);
      terminal.puts(Capability.clear_screen);
      terminal.flush();
      if (state != null) {
        state.clear();
      }
      runner.end(nb, runner.options().keep());
    }
    List<CellResult> all = new ArrayList<>();
    for (Cell c : nb.cells()) {
      all.add(
          results.getOrDefault(
              c.index(), new CellResult(c, CellResult.Verdict.SKIPPED, "", "not run", "")));
    }
    return new FileReport(nb.file(), all, "");
  }

  private void interrupt() {
    if (!runner.interrupt()) {
      idleInterrupt.set(true);
    }
  }

  private void loop(Notebook nb, JavaShell shell, Keys keys) {
    while (true) {
      Keys.Key key = keys.next(() -> resized.getAndSet(false) | idleInterrupt.get());
      switch (key) {
        case NEXT -> next(nb, shell);
        case BACK -> {
          if (current == 0) {
            notice = "this is the first slide";
          } else {
            current--;
            offset = 0;
            moved();
          }
        }
        case DOWN -> offset++;
        case UP -> offset--;
        case PAGE_DOWN -> offset += page();
        case PAGE_UP -> offset -= page();
        case REPL -> repl();
        case QUIT -> {
          return;
        }
        case INTERRUPT -> idleInterrupt.set(true);
        case REDRAW, OTHER -> {
          // drawn again below
        }
      }
      if (idleInterrupt.getAndSet(false)) {
        notice = "Ctrl-C stops a running cell; q quits";
      }
      draw();
    }
  }

  /** Right, Space, Enter: page on, run the cell, or go to the next slide, whichever comes first. */
  private void next(Notebook nb, JavaShell shell) {
    SlideView.Layout l = layout(current, false);
    if (offset + page() < l.rows().size()) {
      offset += page();
      return;
    }
    Slide s = slides.get(current);
    if (s.cell() != null && !results.containsKey(s.cell().index())) {
      run(nb, s.cell(), shell);
      return;
    }
    if (current + 1 >= slides.size()) {
      notice = "this is the last slide; q quits";
      return;
    }
    current++;
    offset = 0;
    enter(nb, shell);
  }

  /** A slide shown: its hidden cells run the first time, and the notes view is told. */
  private void enter(Notebook nb, JavaShell shell) {
    Slide s = slides.get(current);
    if (current > shownUpTo) {
      shownUpTo = current;
      for (Cell hidden : s.hidden()) {
        if (!results.containsKey(hidden.index())) {
          status("setting up…");
          CellResult r = runner.executor().execute(nb.file(), hidden, hidden.source(), shell);
          results.put(hidden.index(), r);
          if (r.failed()) {
            notice = "hidden cell " + hidden.index() + " failed: " + r.message();
          }
        }
      }
    }
    moved();
  }

  private void moved() {
    if (state != null) {
      state.write(new PresenterState.Position(current + 1, slides.size(), started));
    }
  }

  private void run(Notebook nb, Cell cell, JavaShell shell) {
    if (cell.attributes().skip()) {
      results.put(
          cell.index(), new CellResult(cell, CellResult.Verdict.SKIPPED, "", "not run (skip)", ""));
      return;
    }
    // the slide down to a "running" rule; what the cell prints flows under it as it comes
    SlideView.Layout running = layout(current, true);
    // the view as it is when the rule falls in its upper half, else scrolled to put it there
    int start =
        running.output() - offset < height() / 2
            ? offset
            : Math.max(0, running.output() + 1 - Math.max(3, height() / 2));
    clear();
    for (int i = start; i <= running.output(); i++) {
      row(running.rows().get(i));
    }
    terminal.flush();
    CellResult r = runner.executor().execute(nb.file(), cell, cell.source(), shell);
    results.put(cell.index(), r);
    SlideView.Layout done = layout(current, false);
    offset = Math.max(0, done.output() - 4);
  }

  private void repl() {
    if (repl == null) {
      notice = "the REPL is not available here";
      return;
    }
    Attributes raw = terminal.getAttributes();
    terminal.setAttributes(cooked);
    terminal.puts(Capability.cursor_visible);
    clear();
    out.println(
        text(
            new AttributedString(
                "the REPL, with everything the cells defined; :continue returns to slide "
                    + (current + 1)
                    + "/"
                    + slides.size(),
                SlideView.DIM)));
    out.flush();
    try {
      repl.enter();
    } finally {
      terminal.handle(Terminal.Signal.INT, s -> interrupt());
      terminal.setAttributes(raw);
      terminal.puts(Capability.cursor_invisible);
    }
  }

  private SlideView.Layout layout(int index, boolean running) {
    Slide s = slides.get(index);
    CellResult r = s.cell() == null ? null : results.get(s.cell().index());
    return SlideView.layout(s, proseOf(index), r, running, width(), style);
  }

  /** A slide's prose rendered once (a live topology picture shows the network as it was then). */
  private List<AttributedString> proseOf(int index) {
    int w = Math.max(10, width() - 2 * SlideView.MARGIN);
    if (w != proseWidth) {
      prose.clear();
      proseWidth = w;
    }
    return prose.computeIfAbsent(index, i -> renderers.apply(w).lines(slides.get(i).prose()));
  }

  /** The slide, scrolled to {@link #offset}, and the bottom line: hints and the counter. */
  void draw() {
    SlideView.Layout l = layout(current, false);
    int page = page();
    offset = Math.max(0, Math.min(offset, l.rows().size() - page));
    clear();
    for (int i = offset; i < Math.min(l.rows().size(), offset + page); i++) {
      row(l.rows().get(i));
    }
    boolean more = offset + page < l.rows().size();
    Slide s = slides.get(current);
    String hint;
    if (!notice.isEmpty()) {
      hint = notice;
      notice = "";
    } else {
      String next =
          more
              ? "→ more"
              : s.cell() != null && !results.containsKey(s.cell().index())
                  ? "→ run"
                  : current + 1 < slides.size() ? "→ next" : "last slide";
      hint = next + " · ← back · ↑↓ scroll · r REPL · q quit";
    }
    String counter = (more ? "↓ " : "") + (current + 1) + "/" + slides.size();
    int room = Math.max(0, width() - 1 - counter.length() - 2);
    if (hint.length() > room) {
      hint = hint.substring(0, Math.max(0, room - 1)) + "…";
    }
    terminal.puts(Capability.cursor_address, height() - 1, 0);
    String gap = " ".repeat(Math.max(1, width() - 1 - hint.length() - counter.length()));
    out.print(
        text(
            new AttributedStringBuilder()
                .style(SlideView.DIM)
                .append(hint)
                .append(gap)
                .style(SlideView.DIM.bold())
                .append(counter)
                .toAttributedString()));
    terminal.flush();
  }

  /** One line on an empty screen while something happens. */
  private void status(String line) {
    clear();
    out.print(text(new AttributedString("  " + line, SlideView.DIM)));
    terminal.flush();
  }

  private void row(SlideView.Row r) {
    if (r.half() != 0) {
      out.print("\033#" + r.half());
    }
    out.print(text(r.text()));
    out.print("\r\n");
  }

  private String text(AttributedString s) {
    return style == TitleStyle.PLAIN ? s.toString() : s.toAnsi();
  }

  private void clear() {
    terminal.puts(Capability.clear_screen);
  }

  private int page() {
    return Math.max(1, height() - 1);
  }

  private int width() {
    int w = terminal.getWidth();
    return w > 0 ? w : 80;
  }

  private int height() {
    int h = terminal.getHeight();
    return h > 0 ? h : 24;
  }

  /** The slides, for tests. */
  List<Slide> slides() {
    return slides;
  }

  /** The slide shown (from 0), for tests. */
  int current() {
    return current;
  }
}
