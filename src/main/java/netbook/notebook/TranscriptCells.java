package netbook.notebook;

import java.time.Duration;

/**
 * Runs a console cell (a transcript of {@code $ docker …} lines): {@link ConsoleTranscript} replays
 * it through the session's docker console; a test may give a runner of its own.
 */
@FunctionalInterface
public interface TranscriptCells {
  CellRun run(Cell cell, Duration timeout);
}
