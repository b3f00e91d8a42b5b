package netbook.cli;

import java.nio.file.Path;
import java.time.Instant;
import netbook.notebook.FileReport;
import netbook.notebook.Notebook;
import netbook.notebook.Progress;

/** The learner's progress where the process keeps it: the user's data directory. */
final class Learner {
  private Learner() {}

  /** The progress file ($XDG_DATA_HOME/netbook/progress, else ~/.local/share/…), read now. */
  static Progress progress(App app) {
    return Progress.load(
        Progress.defaultFile(app.settings().env().get("XDG_DATA_HOME"), app.home()),
        line -> app.err().println("netbook: " + line));
  }

  /**
   * After a run or a step-through: a chapter all of whose cells ran and passed is completed (never
   * when --solutions put the exercises' solutions in: that is not the learner's work).
   */
  static void record(App app, StepOptions o, Path file, Notebook nb, FileReport report) {
    if (o.solutions == null && Progress.completes(nb, report)) {
      progress(app).complete(file, Instant.now(), line -> app.err().println("netbook: " + line));
    }
  }
}
