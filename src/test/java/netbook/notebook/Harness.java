package netbook.notebook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import netbook.lab.Session;
import netbook.render.MarkdownRenderer;
import netbook.shell.JavaShell;
import netbook.shell.OutputRouter;

/**
 * Test wiring: snippets' System.out goes through an OutputRouter into a buffer that the runner
 * writes to as well, as bin/netbook wires it to the terminal. Close it to restore System.out.
 */
final class Harness implements AutoCloseable {
  final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  final OutputRouter router = new OutputRouter(buffer);
  final PrintWriter out = new PrintWriter(buffer, true, StandardCharsets.UTF_8);
  final MarkdownRenderer renderer = new MarkdownRenderer(72, false, null);
  private final PrintStream savedOut = System.out;

  Harness() {
    System.setOut(router.printStream());
  }

  NotebookRunner runner(Session session, RunOptions options) {
    return new NotebookRunner(
        session,
        () -> new JavaShell(router),
        s -> (cell, timeout) -> new CellRun(true, "", "no console in this test"),
        out,
        renderer,
        options);
  }

  String text() {
    out.flush();
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setOut(savedOut);
  }
}
