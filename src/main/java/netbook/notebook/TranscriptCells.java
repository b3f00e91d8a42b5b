package netbook.notebook;

import java.time.Duration;

/**
 * Runs a console cell (a transcript of {@code $ docker …} lines). The console package's transcript
 * runner implements this; {@link ConsoleTranscript} is the plain fallback over DockerConsole.
 */
@FunctionalInterface
public interface TranscriptCells {
  CellRun run(Cell cell, Duration timeout);
}
