package netbook.cli;

/**
 * Initializes, on a thread of its own, classes the main thread is about to need on its way to the
 * first prompt or prose: {@code java.util.logging} (JLine logs through it, and its set-up is a good
 * part of the way), JLine's terminal and reader classes, and commonmark's parsers. On 2 cores the
 * second one is otherwise idle then. Class initialization runs once, under its own lock: if the
 * main thread gets to a class first, the other thread waits for it, so nothing is done twice and
 * nothing changes but the time.
 */
final class Prewarm {
  private static final String[] TERMINAL = {
    "org.jline.utils.Log",
    "org.jline.utils.Signals",
    "org.jline.terminal.TerminalBuilder",
    "org.jline.terminal.impl.PosixSysTerminal",
    "org.jline.utils.InfoCmp",
    "org.jline.reader.impl.LineReaderImpl",
    "org.jline.reader.impl.DefaultParser",
    "org.jline.utils.AttributedString",
  };

  /**
   * A notebook's way to its first prose: netbook's Markdown parser (built as its class initializes)
   * and renderer, and commonmark's block and inline parsers (their patterns compile then too).
   */
  private static final String[] NOTEBOOK = {
    "org.commonmark.parser.Parser",
    "org.commonmark.internal.DocumentParser",
    "org.commonmark.internal.HtmlBlockParser",
    "org.commonmark.internal.InlineParserImpl",
    "org.commonmark.internal.util.Escaping",
    "org.commonmark.internal.util.Html5Entities",
    "netbook.notebook.NotebookParser",
    "netbook.render.MarkdownRenderer",
  };

  private Prewarm() {}

  /**
   * Starts the thread (a daemon: it never holds the process up); {@code notebook}: the command
   * opens a notebook, whose parser comes first (a notebook reads its file before its terminal).
   */
  static void start(boolean notebook) {
    Thread t =
        new Thread(
            () -> {
              if (notebook) {
                init(NOTEBOOK);
              }
              init(TERMINAL);
            },
            "netbook-prewarm");
    t.setDaemon(true);
    t.start();
  }

  private static void init(String[] classes) {
    ClassLoader loader = Prewarm.class.getClassLoader();
    for (String name : classes) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // another version of the library: the main thread finds out for itself
      }
    }
  }
}
