package netbook.notebook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file so that it is, at every moment, either its old content or its new one: the text
 * goes to a temporary file in the same directory, is forced to disk, takes the old file's POSIX
 * permissions, and is then renamed over the file atomically. A kill or a full disk during the write
 * leaves the old file whole (and at most a {@code .FILE.netbook-*.tmp} beside it, removed when the
 * write fails with an exception). {@code record} and the REPL's {@code :save} both write this way.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Replaces {@code file}'s content with {@code text} (UTF-8), atomically. */
  public static void write(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.isSymbolicLink(target)) {
      target = target.toRealPath(); // replace what the link points to, not the link
    }
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such directory");
    }
    Set<PosixFilePermission> perms = permissions(target);
    Path tmp = temporary(dir, target.getFileName().toString());
    boolean done = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      if (perms != null) {
        Files.setPosixFilePermissions(tmp, perms);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      syncDirectory(dir);
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * A new empty file beside the target, created as any new file is (rw-rw-rw- less the umask, as
   * {@code Files.writeString} would create it), not rw------- as {@code createTempFile} does.
   */
  private static Path temporary(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      long r = java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1;
      Path tmp = dir.resolve("." + name + ".netbook-" + Long.toString(r, 36) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /** The permissions the file has: null when it is new or the file system is not POSIX. */
  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return view.readAttributes().permissions();
  }

  /** Makes the rename itself durable; some file systems cannot open a directory: no matter. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // the rename is atomic already; durability of the directory entry is best effort
    }
  }
}
