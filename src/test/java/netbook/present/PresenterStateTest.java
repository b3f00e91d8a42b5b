package netbook.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenterStateTest {
  @Test
  void oneFilePerNotebookWhateverPathNamesIt(@TempDir Path dir) {
    Path relative = Path.of("notebooks/05-user-defined-networks.md");
    PresenterState a = PresenterState.of(dir, relative);
    PresenterState b = PresenterState.of(dir, relative.toAbsolutePath());
    PresenterState other = PresenterState.of(dir, Path.of("notebooks/06-dns.md"));
    assertThat(a.file()).isEqualTo(b.file()).isNotEqualTo(other.file());
    assertThat(a.file().getFileName().toString()).startsWith("05-user-defined-networks-");
  }

  @Test
  void whatOneWritesTheOtherReadsAndAGarbledFileIsNoPosition(@TempDir Path dir) throws Exception {
    PresenterState writer = new PresenterState(dir.resolve("x/s.slide"));
    PresenterState reader = new PresenterState(dir.resolve("x/s.slide"));
    assertThat(reader.read()).isEmpty();
    assertThat(writer.write(new PresenterState.Position(3, 14, 1234))).isTrue();
    assertThat(reader.read()).contains(new PresenterState.Position(3, 14, 1234));
    Files.writeString(dir.resolve("x/s.slide"), "slide=three\n");
    assertThat(reader.read()).isEmpty();
    writer.clear();
    assertThat(dir.resolve("x/s.slide")).doesNotExist();
  }
}
