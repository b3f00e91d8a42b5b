package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private long leftovers() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  @Test
  void replacesTheContentKeepsThePermissionsAndLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("nb.md");
    Files.writeString(f, "old\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFile.write(f, "new ✓\n");
    assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("new ✓\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-rw----");
    assertThat(leftovers()).isZero();
  }

  @Test
  void aNewFileIsNotMadePrivate() throws IOException {
    Path f = dir.resolve("new.md");
    AtomicFile.write(f, "x");
    assertThat(Files.readString(f)).isEqualTo("x");
    // created as Files.writeString creates files (0666 less the umask), not 0600
    Path plain = Files.writeString(dir.resolve("plain.md"), "x");
    assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
    Path real = Files.writeString(dir.resolve("real.md"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);
    AtomicFile.write(link, "new");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
  }

  @Test
  void aMissingDirectoryIsNamedAndNothingIsWritten() {
    Path f = dir.resolve("no/such/dir/nb.md");
    assertThatThrownBy(() -> AtomicFile.write(f, "x"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no such directory");
  }

  @Test
  void aFailedMoveLeavesTheOldFileAndRemovesTheTemporaryOne() throws IOException {
    // the target is a non-empty directory: the rename fails after the temporary file is written
    Path target = Files.createDirectories(dir.resolve("busy.md"));
    Files.writeString(target.resolve("inside"), "keep");
    assertThatThrownBy(() -> AtomicFile.write(target, "x")).isInstanceOf(IOException.class);
    assertThat(Files.readString(target.resolve("inside"))).isEqualTo("keep");
    assertThat(leftovers()).isZero();
  }
}
