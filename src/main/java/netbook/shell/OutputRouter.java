package netbook.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The stream snippets print to. JShell's local engine ignores the builder's out/err, so snippet
 * {@code System.out} is the process's: the command-line layer installs one router as System.out and
 * System.err and hands it here, and each evaluation captures into its own buffer while it runs,
 * echoing to the terminal as it goes when asked to.
 */
public final class OutputRouter extends OutputStream {
  private final OutputStream terminal;
  private volatile ByteArrayOutputStream capture;
  private volatile boolean echo = true;
  private volatile OutputStream tee;

  public OutputRouter(OutputStream terminal) {
    this.terminal = terminal;
  }

  /** A print stream over this router, for System.setOut. */
  public PrintStream printStream() {
    return new PrintStream(this, true, StandardCharsets.UTF_8);
  }

  /**
   * Also writes what reaches the terminal to {@code also} (a recording of the run), until called
   * with null.
   */
  public synchronized void tee(OutputStream also) {
    this.tee = also;
  }

  /** Starts capturing what snippets print; {@code echo} also passes it on to the terminal. */
  public synchronized void begin(boolean echo) {
    this.capture = new ByteArrayOutputStream();
    this.echo = echo;
  }

  /** Stops capturing and returns what was printed since {@link #begin}. */
  public synchronized String end() {
    ByteArrayOutputStream c = capture;
    capture = null;
    echo = true;
    return c == null ? "" : c.toString(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (capture != null) {
      capture.write(b);
    }
    if (capture == null || echo) {
      try {
        terminal.write(b);
        if (tee != null) {
          tee.write(b);
        }
      } catch (IOException e) {
        // the terminal went away; what was captured is still returned
      }
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    if (capture != null) {
      capture.write(b, off, len);
    }
    if (capture == null || echo) {
      try {
        terminal.write(b, off, len);
        if (tee != null) {
          tee.write(b, off, len);
        }
      } catch (IOException e) {
        // as above
      }
    }
  }

  @Override
  public synchronized void flush() {
    try {
      terminal.flush();
      if (tee != null) {
        tee.flush();
      }
    } catch (IOException e) {
      // as above
    }
  }
}
