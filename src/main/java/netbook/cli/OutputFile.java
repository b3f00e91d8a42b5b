package netbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netbook.notebook.AtomicFile;
import netbook.notebook.NotebookException;

/**
 * A file a command writes at its end ({@code export --html}, {@code run --cast}): checked before
 * the work starts, so that a bad path costs one line and not a whole run; written atomically.
 */
record OutputFile(String option, Path path) {

  /** The file, once its folder exists and can be written; else one line naming the fix. */
  static OutputFile checked(String option, Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    String fix = "; choose a writable place, like " + option + " /tmp/" + path.getFileName();
    if (Files.isDirectory(abs)) {
      throw new NotebookException(option + " " + path + ": that is a folder" + fix);
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new NotebookException(
          option + " " + path + ": the folder " + dir + " does not exist" + fix);
    }
    if (!Files.isWritable(dir) || (Files.exists(abs) && !Files.isWritable(abs))) {
      throw new NotebookException(option + " " + path + ": not writable" + fix);
    }
    return new OutputFile(option, path);
  }

  /** Writes {@code text} in one step (a reader never sees half of it). */
  void write(String text) {
    try {
      AtomicFile.write(path, text);
    } catch (IOException e) {
      throw new NotebookException(
          option
              + " "
              + path
              + ": cannot write it ("
              + netbook.Problems.io(e)
              + "); free some space or choose another place");
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
