package netbook.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The debug log: what netbook notices and carries on from (a helper that would not go, a cleanup
 * that found a container gone, a terminal that fell back) is logged at DEBUG through {@link
 * System.Logger} by the class that caught it; this handler, on the {@code netbook} loggers, appends
 * each record to a file under the user's cache folder (opened on the first record: a start that
 * logs nothing touches no file) and, with --verbose, prints it on stderr too.
 */
final class DebugLog extends Handler {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final Path file;
  private final PrintStream err;
  private final BooleanSupplier verbose;
  private Writer out;
  private boolean unwritable;

  private DebugLog(Path file, PrintStream err, BooleanSupplier verbose) {
    this.file = file;
    this.err = err;
    this.verbose = verbose;
    setLevel(Level.FINE);
  }

  /**
   * Routes the {@code netbook} loggers here; returns their root logger, which the caller keeps (the
   * logging framework holds loggers only weakly, and a collected one forgets its handler).
   */
  static Logger install(Path file, PrintStream err, BooleanSupplier verbose) {
    Logger root = Logger.getLogger("netbook");
    root.setUseParentHandlers(false);
    root.setLevel(Level.FINE);
    root.addHandler(new DebugLog(file, err, verbose));
    return root;
  }

  /** ~/.cache/netbook/debug.log (XDG_CACHE_HOME when set). */
  static Path defaultFile(String xdgCacheHome, String userHome) {
    Path cache =
        xdgCacheHome != null && !xdgCacheHome.isBlank()
            ? Path.of(xdgCacheHome)
            : Path.of(userHome, ".cache");
    return cache.resolve("netbook").resolve("debug.log");
  }

  @Override
  public synchronized void publish(LogRecord r) {
    if (!isLoggable(r)) {
      return;
    }
    String line = format(r);
    if (verbose.getAsBoolean()) {
      err.print("netbook: debug: " + line);
      err.flush();
    }
    Writer w = writer();
    if (w != null) {
      try {
        w.write(LocalDateTime.now().format(TIME) + " " + r.getLoggerName() + " " + line);
        w.flush();
      } catch (IOException e) {
        unwritable = true;
      }
    }
  }

  private static String format(LogRecord r) {
    StringBuilder sb = new StringBuilder(String.valueOf(r.getMessage()));
    Throwable t = r.getThrown();
    if (t != null) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      sb.append(": ").append(trace);
    } else {
      sb.append('\n');
    }
    return sb.toString();
  }

  private Writer writer() {
    if (out == null && !unwritable) {
      try {
        Files.createDirectories(file.getParent());
        out =
            Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException | RuntimeException e) {
        unwritable = true; // a read-only home: the log is an aid, never worth failing for
      }
    }
    return out;
  }

  @Override
  public synchronized void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        unwritable = true;
      }
    }
  }

  @Override
  public synchronized void close() {
    flush();
  }
}
