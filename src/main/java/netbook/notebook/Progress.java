package netbook.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A learner's progress: the chapters completed and the exercises passed, kept in a small text file
 * in the user's data directory (a line each: the chapter, a tab, when), written atomically. A
 * chapter is completed when a run or a step-through of it ends with every cell run and none failed;
 * an exercise (a chapter in a folder named {@code exercises}) is passed the same way. A file that
 * is not one of these, or cannot be read, is one line and progress starts afresh.
 */
public final class Progress {
  private static final String HEADER = "# netbook progress: chapters completed, exercises passed";

  private final Path file;
  private final Map<String, String> done;

  private Progress(Path file, Map<String, String> done) {
    this.file = file;
    this.done = done;
  }

  /** $XDG_DATA_HOME/netbook/progress, else ~/.local/share/netbook/progress. */
  public static Path defaultFile(String xdgDataHome, Path home) {
    Path data =
        xdgDataHome != null && !xdgDataHome.isBlank()
            ? Path.of(xdgDataHome)
            : home.resolve(".local").resolve("share");
    return data.resolve("netbook").resolve("progress");
  }

  /**
   * The progress in {@code file}: none yet when there is no file; a bad one is said in one line.
   */
  public static Progress load(Path file, Consumer<String> warn) {
    Map<String, String> done = new TreeMap<>();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return new Progress(file, done);
    } catch (IOException | RuntimeException e) {
      warn.accept(file + ": cannot read your progress (" + e.getMessage() + "): it starts afresh");
      return new Progress(file, done);
    }
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 2 || !f[0].endsWith(".md") || !valid(f[1])) {
        warn.accept(
            file
                + ":"
                + n
                + ": not netbook's progress file: progress starts afresh (it is"
                + " rewritten when a chapter is completed)");
        return new Progress(file, new TreeMap<>());
      }
      done.put(f[0], f[1]);
    }
    return new Progress(file, done);
  }

  private static boolean valid(String instant) {
    try {
      Instant.parse(instant);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** "05-user-defined-networks.md", or "exercises/01-….md" for an exercise. */
  public static String key(Path chapter) {
    String name = chapter.getFileName().toString();
    return exercise(chapter) ? "exercises/" + name : name;
  }

  /** Whether the chapter is an exercise: a file in a folder named {@code exercises}. */
  public static boolean exercise(Path chapter) {
    Path dir = chapter.toAbsolutePath().normalize().getParent();
    return dir != null
        && dir.getFileName() != null
        && dir.getFileName().toString().equals("exercises");
  }

  /**
   * Whether a run of {@code nb} completes it: nothing broke it, no cell failed, and every cell ran
   * (a cell the book marks {@code skip} aside; one skipped by the learner, or outside --from/--to,
   * was not run).
   */
  public static boolean completes(Notebook nb, FileReport r) {
    if (!r.error().isEmpty() || r.failed() > 0 || r.results().size() != nb.cells().size()) {
      return false;
    }
    return r.results().stream()
        .allMatch(c -> c.passed() || (c.cell().attributes().skip() && !c.failed()));
  }

  public boolean completed(Path chapter) {
    return done.containsKey(key(chapter));
  }

  /** How many chapters and exercises are done. */
  public int count() {
    return done.size();
  }

  /**
   * Records the chapter as completed (passed, for an exercise) and writes the file; a file that
   * cannot be written is one line to {@code warn}, never a failure of the run.
   */
  public void complete(Path chapter, Instant when, Consumer<String> warn) {
    String k = key(chapter);
    if (done.containsKey(k)) {
      return;
    }
    done.put(k, when.toString());
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    done.forEach((c, t) -> sb.append(c).append('\t').append(t).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, sb.toString());
    } catch (IOException e) {
      warn.accept(
          file
              + ": cannot save your progress ("
              + netbook.Problems.io(e)
              + "): check the"
              + " folder's permissions");
    }
  }

  @Override
  public String toString() {
    return file + ": " + done.keySet();
  }
}
