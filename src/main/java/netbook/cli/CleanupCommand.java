package netbook.cli;

import java.util.concurrent.Callable;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.lab.CleanupReport;
import netbook.lab.Session;
import picocli.CommandLine.Command;

/**
 * {@code netbook cleanup}: removes what crashed sessions left (the start's reaper) and what earlier
 * sessions kept on purpose (answered {@code n} at the exit, or ran with {@code --keep}); says what
 * went. Nothing else is touched.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description =
        "Remove the containers and networks earlier sessions kept (--keep, or n at the exit)"
            + " and what crashed sessions left.")
final class CleanupCommand implements Callable<Integer> {
  private final App app;

  CleanupCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    try (Engine engine = app.openEngine()) {
      Session s = app.openSession(engine, false);
      CleanupReport r = s.cleanupAll();
      app.out().println(r);
      app.lifecycle().finished();
      return r.failed().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    } catch (NetbookException e) {
      app.err().println("netbook: cleanup failed: " + e.getMessage());
      return ExitCode.FAILED;
    }
  }
}
