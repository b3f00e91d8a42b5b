package netbook.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import netbook.notebook.NotebookException;
import netbook.notebook.NotebookParser;
import netbook.notebook.Progress;

/**
 * {@code netbook notebooks/}: the folder's chapters, numbered with their titles; the one whose
 * number is read next (typed at the prompt on a terminal, the first line of piped input) opens.
 * With no number, one line says how to open one. {@link #next} names the chapter after a chapter.
 */
final class ChapterPicker {
  private ChapterPicker() {}

  /** One chapter of a folder: its file and title. */
  record Chapter(Path file, String title) {
    @Override
    public String toString() {
      return file.getFileName() + " — " + title;
    }
  }

  /** The folder's notebooks ({@code *.md} but its README), by file name. */
  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new NotebookException(
          dir + ": cannot list it (" + e.getMessage() + "): check the path");
    }
  }

  /** The folder's chapters with their titles (front matter, first heading, else file name). */
  static List<Chapter> chapters(Path dir) {
    List<Chapter> list = new ArrayList<>();
    for (Path f : files(dir)) {
      String title;
      try {
        title = NotebookParser.parse(f.getFileName().toString(), Files.readAllBytes(f)).title();
      } catch (IOException | RuntimeException e) {
        title = f.getFileName().toString();
      }
      list.add(new Chapter(f, title));
    }
    return list;
  }

  /** The numbered listing, a line a chapter. */
  static String listing(List<Chapter> chapters) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < chapters.size(); i++) {
      sb.append(String.format("%3d. %s%n", i + 1, chapters.get(i)));
    }
    return sb.toString();
  }

  /** The folder's chapters, then those of its {@code exercises} folder (if it has one). */
  static List<Chapter> withExercises(Path dir) {
    List<Chapter> all = new ArrayList<>(chapters(dir));
    Path ex = dir.resolve("exercises");
    if (Files.isDirectory(ex)) {
      all.addAll(chapters(ex));
    }
    return all;
  }

  /** The first chapter not completed (exercises after the chapters), or -1 when all are. */
  static int next(List<Chapter> chapters, Progress progress) {
    for (int i = 0; i < chapters.size(); i++) {
      if (!progress.completed(chapters.get(i).file())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The numbered listing with the learner's progress: ✓ beside a completed chapter or a passed
   * exercise, → beside the next one; the exercises under a line of their own.
   */
  static String listing(List<Chapter> chapters, Progress progress) {
    int next = next(chapters, progress);
    StringBuilder sb = new StringBuilder();
    boolean exercises = false;
    for (int i = 0; i < chapters.size(); i++) {
      Path f = chapters.get(i).file();
      if (!exercises && Progress.exercise(f)) {
        exercises = true;
        sb.append(String.format("     exercises (%s):%n", f.getParent()));
      }
      String mark = progress.completed(f) ? "✓" : i == next ? "→" : " ";
      sb.append(String.format("%3d. %s %s%n", i + 1, mark, chapters.get(i)));
    }
    return sb.toString();
  }

  /** The chapter after {@code file} in its folder, if any. */
  static Optional<Path> next(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Path> files = files(dir);
    String name = file.getFileName().toString();
    for (int i = 0; i < files.size() - 1; i++) {
      if (files.get(i).getFileName().toString().equals(name)) {
        return Optional.of(file.resolveSibling(files.get(i + 1).getFileName()));
      }
    }
    return Optional.empty();
  }

  /** The line that ends a chapter: "next: bin/netbook notebooks/04-….md" ("" after the last). */
  static String nextLine(Path file) {
    return next(file).map(n -> "next: bin/netbook " + n).orElse("");
  }

  /**
   * The chapter {@code answer} picks (a number), or empty for no answer; a bad answer is a {@link
   * NotebookException} of one line.
   */
  static Optional<Path> pick(List<Chapter> chapters, String answer) {
    String a = answer == null ? "" : answer.strip();
    if (a.isEmpty() || a.equalsIgnoreCase("q")) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(a);
      if (n >= 1 && n <= chapters.size()) {
        return Optional.of(chapters.get(n - 1).file());
      }
    } catch (NumberFormatException e) {
      // as below
    }
    throw new NotebookException("no chapter " + a + ": type a number from 1 to " + chapters.size());
  }

  /**
   * {@code netbook DIR} and {@code netbook learn}: lists the chapters and exercises with the
   * learner's progress, reads a number (Enter on a terminal: the next chapter not completed, q to
   * leave), opens that chapter (stepping or running it).
   */
  static int open(App app, StepOptions o, Path dir) {
    List<Chapter> chapters = withExercises(dir);
    PrintStream out = app.out();
    if (chapters.isEmpty()) {
      throw new NotebookException(dir + ": no notebooks (*.md) in it: name a folder of chapters");
    }
    Progress progress = Learner.progress(app);
    int next = next(chapters, progress);
    out.print(listing(chapters, progress));
    long done = chapters.stream().filter(c -> progress.completed(c.file())).count();
    if (done > 0) {
      out.println("     ✓ done: " + done + " of " + chapters.size());
    }
    boolean terminal = System.console() != null;
    if (terminal) {
      out.print(
          "chapter (1-"
              + chapters.size()
              + (next >= 0 ? "; Enter: " + (next + 1) + ", the next" : "; all done ✓")
              + "; q to leave): ");
      out.flush();
    }
    String answer;
    try {
      answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (terminal && answer != null && answer.isBlank() && next >= 0) {
      return NotebookCommands.step(app, o, chapters.get(next).file());
    }
    Optional<Path> chosen = pick(chapters, answer);
    if (chosen.isEmpty()) {
      Path first = chapters.get(Math.max(0, next)).file();
      out.println(
          "open one: bin/netbook "
              + first
              + (terminal ? "" : "  (or pipe its number: echo 1 | bin/netbook " + dir + ")"));
      return ExitCode.OK;
    }
    return NotebookCommands.step(app, o, chosen.get());
  }
}
