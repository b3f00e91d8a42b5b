package netbook.present;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import netbook.notebook.AtomicFile;

/**
 * The small file through which a presenting session tells its notes view where it is: {@code
 * slide=3 total=14 started=EPOCH_MS}, one per line, written atomically (the view never reads half a
 * file) in the user's runtime directory under a name made from the notebook's absolute path, so
 * that {@code present FILE.md} and {@code present --notes FILE.md} find the same one.
 */
public final class PresenterState {
  /** Where the presenter is: slide number (from 1), of how many, and since when (epoch ms). */
  public record Position(int slide, int total, long started) {
    @Override
    public String toString() {
      return "slide " + slide + "/" + total;
    }
  }

  private final Path file;

  public PresenterState(Path file) {
    this.file = file;
  }

  /** The state file of {@code notebook} in {@code dir}. */
  public static PresenterState of(Path dir, Path notebook) {
    String abs = notebook.toAbsolutePath().normalize().toString();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(abs.getBytes(StandardCharsets.UTF_8));
      String name = baseName(notebook) + "-" + HexFormat.of().formatHex(hash, 0, 6);
      return new PresenterState(dir.resolve(name + ".slide"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }

  public Path file() {
    return file;
  }

  /** Says where the presenter is now; a file that cannot be written costs the notes view only. */
  public boolean write(Position p) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFile.write(
          file, "slide=" + p.slide() + "\ntotal=" + p.total() + "\nstarted=" + p.started() + "\n");
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Where the presenter is, if one is presenting. */
  public Optional<Position> read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    int slide = 0;
    int total = 0;
    long started = 0;
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String value = line.substring(eq + 1).strip();
      try {
        switch (line.substring(0, eq)) {
          case "slide" -> slide = Integer.parseInt(value);
          case "total" -> total = Integer.parseInt(value);
          case "started" -> started = Long.parseLong(value);
          default -> {
            // a newer netbook's key: ignored
          }
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return slide > 0 ? Optional.of(new Position(slide, total, started)) : Optional.empty();
  }

  /** The presentation ended. */
  public void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the next presentation overwrites it
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }

  /** A file name's part that says which notebook it is, for a person looking in the directory. */
  private static String baseName(Path notebook) {
    Path name = notebook.getFileName();
    String s = name == null ? "notebook" : name.toString();
    s = s.endsWith(".md") ? s.substring(0, s.length() - 3) : s;
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
