package netbook.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.shell.JavaShell;

/**
 * The chapters in notebooks/, checked the way {@code bin/netbook check} checks them: one session
 * per chapter (offline unless asked otherwise), console cells strict, recorded outputs compared
 * after masking.
 */
final class Chapters {
  static final Path DIR = Path.of("notebooks");

  private Chapters() {}

  static List<Path> files() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exercise chapters (notebooks/exercises), checked with their solutions put in. */
  static List<Path> exercises() {
    try (Stream<Path> s = Files.list(DIR.resolve("exercises"))) {
      return s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chapters, then the exercise chapters. */
  static List<Path> withExercises() {
    return Stream.concat(files().stream(), exercises().stream()).toList();
  }

  /**
   * The notebook as {@code check --solutions} runs it: an exercise chapter with the cells of its
   * solutions file (exercises/solutions/, same name) before its verify cells.
   */
  static Notebook parse(Path file, String text) throws IOException {
    Notebook nb = NotebookParser.parse(file.getFileName().toString(), text);
    Path solutions = file.resolveSibling("solutions").resolve(file.getFileName());
    if (!file.getParent().getFileName().toString().equals("exercises")) {
      return nb;
    }
    return Solutions.apply(
        nb,
        NotebookParser.parse(
            solutions.getFileName().toString(),
            Files.readString(solutions, StandardCharsets.UTF_8)));
  }

  /** Checks one chapter offline (NETBOOK_OFFLINE=1); the report and everything it printed. */
  static Result check(Engine engine, Path file, String sessionId) throws IOException {
    return check(engine, file, sessionId, true, l -> {});
  }

  /**
   * Checks one chapter, offline or not (online, missing images are pulled); the report of the run
   * and everything it printed; the session's notices go to {@code notices}.
   */
  static Result check(
      Engine engine, Path file, String sessionId, boolean offline, Consumer<String> notices)
      throws IOException {
    return check(engine, file, sessionId, offline, notices, true);
  }

  /** An exercise chapter as a learner first meets it: without its solutions. */
  static Result unsolved(Engine engine, Path file, String sessionId) throws IOException {
    return check(engine, file, sessionId, true, l -> {}, false);
  }

  private static Result check(
      Engine engine,
      Path file,
      String sessionId,
      boolean offline,
      Consumer<String> notices,
      boolean solved)
      throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!canBind(80)) {
      // the seed chapter publishes host port 80 as its author did; without root (or with port 80
      // taken) the replay moves to a free port, as ChapterTranscriptIT does
      text = text.replace("-p 80:80", "-p " + freePort() + ":80");
    }
    try (Harness h = new Harness()) {
      Session session =
          new Session(
              engine,
              new SessionConfig(
                  sessionId, offline, ProcessHandle.current().pid(), "", notices, null));
      NotebookRunner checker =
          new NotebookRunner(
              session,
              () -> new JavaShell(h.router),
              s -> ConsoleTranscript.of(s, RunOptions.Mode.CHECK),
              h.out,
              h.renderer,
              RunOptions.of(RunOptions.Mode.CHECK));
      FileReport report =
          checker.run(
              solved
                  ? parse(file, text)
                  : NotebookParser.parse(file.getFileName().toString(), text));
      return new Result(report, h.text());
    }
  }

  record Result(FileReport report, String output) {}

  private static boolean canBind(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
