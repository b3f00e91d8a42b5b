package netbook.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import netbook.render.CastRecorder;

/**
 * {@code run --cast OUT.cast}: what the run writes to the terminal (its own lines and what the
 * cells' snippets print) is recorded as it goes, with its timing, and written as an asciicast v2
 * file at the end.
 */
final class CastSession implements AutoCloseable {
  private final App app;
  private final OutputFile file;
  private final CastRecorder recorder = new CastRecorder(System::nanoTime);
  private final long started = Instant.now().getEpochSecond();
  private final int width;
  private final String title;

  private CastSession(App app, OutputFile file, int width, String title) {
    this.app = app;
    this.file = file;
    this.width = width;
    this.title = title;
    app.router().tee(recorder);
  }

  /** Starts recording into {@code path} (checked first: a bad path fails before the run). */
  static CastSession start(App app, Path path, int width, List<Path> files) {
    OutputFile out = OutputFile.checked("--cast", path);
    String title =
        "netbook run "
            + files.stream()
                .map(f -> String.valueOf(f.getFileName()))
                .collect(Collectors.joining(" "));
    return new CastSession(app, out, width, title);
  }

  /** The writer of the run: to the terminal, and recorded. */
  PrintWriter writer() {
    OutputStream both = recorder.tee(app.out());
    return new PrintWriter(both, true, StandardCharsets.UTF_8);
  }

  /** Stops recording and writes the file; says where it went (not in the recording). */
  @Override
  public void close() {
    app.router().tee(null);
    recorder.flush();
    String term = System.getenv("TERM");
    String text =
        recorder.text(
            width,
            rows(),
            started,
            title,
            term == null || term.isBlank() || term.equals("dumb") ? "xterm-256color" : term);
    file.write(text);
    app.out().println("recorded the run to " + file + " (" + recorder.events().size() + " events)");
  }

  private static int rows() {
    try {
      String lines = System.getenv("LINES");
      return lines == null ? 24 : Math.max(10, Integer.parseInt(lines.strip()));
    } catch (NumberFormatException e) {
      return 24;
    }
  }
}
