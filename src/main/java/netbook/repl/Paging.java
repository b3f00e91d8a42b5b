package netbook.repl;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * Pages output longer than the screen (a 240-line inspect) through JLine's {@code less}, set up as
 * git sets it ({@code LESS=FRX}): it quits at once when the text fits, keeps the text on the screen
 * after {@code q}, Space and b page, / searches. Only in the REPL on a real terminal: never for a
 * pipe, a dumb terminal, a script or a notebook run (they have no pager at all).
 */
final class Paging implements ResultPrinter.Pager {
  private final Terminal terminal;

  Paging(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Whether {@code text} needs a pager on a screen {@code height} rows high (0: no screen). */
  static boolean tooLong(String text, int height) {
    if (height <= 2) {
      return false;
    }
    long lines = text.lines().count();
    return lines > height - 1;
  }

  @Override
  public boolean page(String text) {
    if (!tooLong(text, terminal.getHeight())) {
      return false;
    }
    Less less = new Less(terminal, Path.of("."));
    less.quitIfOneScreen = true;
    less.noInit = true;
    try {
      less.run(
          new Source.InputStreamSource(
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, "output"));
      // less leaves its ':' prompt on the last line: clear it for netbook's prompt
      terminal.puts(InfoCmp.Capability.carriage_return);
      terminal.puts(InfoCmp.Capability.clr_eol);
      terminal.flush();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true; // Ctrl-C in the pager: the rest is not wanted
    } catch (java.io.IOException | RuntimeException e) {
      return false; // the pager could not run: print the text as it is
    }
  }
}
