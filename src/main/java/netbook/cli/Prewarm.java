package netbook.cli;

/**
 * Initializes, on a thread of its own, classes the main thread is about to need on its way to the
 * first prompt or prose: {@code java.util.logging} (JLine logs through it: its set-up is a tenth of
 * the way), JLine's terminal and reader classes, and commonmark's parsers. On 2 cores the second
 * one is otherwise idle then. Class initialization runs once, under its own lock: if the main
 * thread gets to a class first, the other thread waits for it, so nothing is done twice and nothing
 * changes but the time.
 */
final class Prewarm {
  private static final String[] CLASSES = {
    "org.jline.utils.Log",
    "org.jline.utils.Signals",
    "org.jline.terminal.TerminalBuilder",
    "org.jline.terminal.impl.PosixSysTerminal",
    "org.jline.utils.InfoCmp",
    "org.jline.reader.impl.LineReaderImpl",
    "org.jline.reader.impl.DefaultParser",
    "org.jline.utils.AttributedString",
    // a notebook's way to its first prose: the Markdown parser's block and inline parsers (their
    // patterns are compiled as the classes initialize)
    "org.commonmark.parser.Parser",
    "org.commonmark.internal.DocumentParser",
    "org.commonmark.internal.HtmlBlockParser",
    "org.commonmark.internal.InlineParserImpl",
    "org.commonmark.internal.util.Escaping",
    "org.commonmark.internal.util.Html5Entities",
  };

  private Prewarm() {}

  /** Starts the thread (a daemon: it never holds the process up). */
  static void start() {
    Thread t = new Thread(Prewarm::run, "netbook-prewarm");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    ClassLoader loader = Prewarm.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // another version of the library: the main thread finds out for itself
      }
    }
  }
}
