package netbook.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The REPL's history file ({@code ~/.netbook/history}): its folder and the file are created
 * readable by the user alone (700 and 600), and an existing file is narrowed to 600, since the
 * history may hold addresses and names of a user's lab.
 */
final class HistoryFile {
  private HistoryFile() {}

  /** Makes the file ready; returns false (and history stays in memory) when that fails. */
  static boolean prepare(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      boolean posix = Files.getFileStore(existing(dir)).supportsFileAttributeView("posix");
      if (dir != null && !Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(dir, perms("rwx------"));
        } else {
          Files.createDirectories(dir);
        }
      }
      if (!Files.exists(file)) {
        if (posix) {
          Files.createFile(file, perms("rw-------"));
        } else {
          Files.createFile(file);
        }
      } else if (posix) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Files.isWritable(file);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static Path existing(Path p) {
    Path q = p;
    while (q != null && !Files.exists(q)) {
      q = q.getParent();
    }
    return q == null ? Path.of(".").toAbsolutePath() : q;
  }

  private static FileAttribute<Set<PosixFilePermission>> perms(String s) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(s));
  }
}
