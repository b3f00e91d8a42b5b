package netbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The system terminal, opened without the process starts JLine would otherwise make before the
 * prompt: its provider search loads every provider and asks each whether stdout is a terminal (the
 * JNA one runs {@code ldconfig -p}, the exec one {@code test -t 1}), and it runs {@code infocmp -x
 * $TERM} for every terminal type, even the ones it bundles. Each is a fork and exec, slow on a busy
 * machine (docs/benchmarks.md). So: the native (JNI) provider alone, and only if that fails JLine's
 * whole search (which may end in a dumb terminal); the capabilities of the common types from
 * JLine's bundled set, and tmux's two from the jar (ncurses' terminfo, as {@code infocmp -x} prints
 * it). Other types still ask {@code infocmp}.
 */
final class Terminals {
  private static final System.Logger LOG = System.getLogger(Terminals.class.getName());

  private static final List<String> OURS = List.of("tmux-256color", "tmux");
  private static final List<String> JLINES =
      List.of("xterm-256color", "xterm", "screen-256color", "screen", "rxvt-unicode-256color");

  private Terminals() {}

  static Terminal system() throws IOException {
    for (String type : OURS) {
      if (InfoCmp.getLoadedInfoCmp(type) == null) {
        InfoCmp.setLoadedInfoCmp(type, () -> caps(type));
      }
    }
    for (String type : JLINES) {
      if (InfoCmp.getLoadedInfoCmp(type) == null) {
        InfoCmp.setLoadedInfoCmp(type, () -> InfoCmp.getDefaultInfoCmp(type));
      }
    }
    try {
      return TerminalBuilder.builder()
          .name("netbook")
          .system(true)
          .provider("jni")
          .ffm(false)
          .jansi(false)
          .jna(false)
          .exec(false)
          .dumb(false)
          .build();
    } catch (IOException | RuntimeException | LinkageError e) {
      // no native library here (a noexec temporary directory, say), or not a terminal
      LOG.log(Level.DEBUG, "no system terminal; a dumb one instead", e);
      return TerminalBuilder.builder().name("netbook").system(true).dumb(true).build();
    }
  }

  private static String caps(String type) {
    String resource = "/netbook/terminfo/" + type + ".caps";
    try (InputStream in = Terminals.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("netbook's jar lacks " + resource));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
