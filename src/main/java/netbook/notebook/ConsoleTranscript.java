package netbook.notebook;

import java.time.Duration;
import netbook.NetbookException;
import netbook.console.CommandResult;
import netbook.console.DockerConsole;

/**
 * The plain transcript runner: each {@code $ docker …} line runs through {@link DockerConsole}, the
 * other lines are the document's output and are not run. A failing command fails the cell. Lines
 * inside an attached container need the console package's transcript runner.
 */
public final class ConsoleTranscript implements TranscriptCells {
  private final DockerConsole console;

  public ConsoleTranscript(DockerConsole console) {
    this.console = console;
  }

  @Override
  public CellRun run(Cell cell, Duration timeout) {
    StringBuilder out = new StringBuilder();
    for (String line : cell.source().split("\n")) {
      if (!line.startsWith("$ ")) {
        continue;
      }
      String cmd = line.substring(2).strip();
      try {
        CommandResult r = console.run(cmd);
        out.append(r.output());
        if (!r.output().isEmpty() && !r.output().endsWith("\n")) {
          out.append('\n');
        }
        if (!r.ok()) {
          return new CellRun(true, out.toString(), cmd + " exited with " + r.exitCode());
        }
      } catch (NetbookException e) {
        out.append(e.getMessage()).append('\n');
        return new CellRun(true, out.toString(), e.getMessage());
      }
    }
    return new CellRun(false, out.toString(), "");
  }
}
