package netbook.repl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import netbook.engine.EngineException;
import netbook.lab.Session;
import netbook.shell.JavaShell;
import netbook.shell.OutputRouter;

/**
 * A JShell whose printed output and the REPL's own output land in one buffer, as on a terminal; the
 * test installs the router as System.out (snippets print there in the local engine) and puts the
 * old one back on close.
 */
final class ShellFixture implements AutoCloseable {
  final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  final OutputRouter router = new OutputRouter(buffer);
  final PrintWriter writer = new PrintWriter(buffer, true, StandardCharsets.UTF_8);
  private final PrintStream previousOut = System.out;

  ShellFixture() {
    System.setOut(router.printStream());
  }

  JavaShell newShell() {
    JavaShell s = new JavaShell(router);
    s.warmUp();
    return s;
  }

  /** A REPL session whose engine failed to open (no daemon), as Java-only tests want. */
  Workspace withoutEngine() {
    return Workspace.starting(
        () -> {
          throw new EngineException(EngineException.UNREACHABLE, "no Docker engine at test://none");
        },
        this::newShell);
  }

  /** A REPL session over an open lab session. */
  Workspace with(Session session) {
    return Workspace.starting(() -> session, this::newShell);
  }

  String output() {
    writer.flush();
    return buffer.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  void clear() {
    buffer.reset();
  }

  @Override
  public void close() {
    System.setOut(previousOut);
  }
}
