package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugLogTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicBoolean verbose = new AtomicBoolean();
  private Logger root;

  @AfterEach
  void uninstall() {
    if (root != null) {
      for (Handler h : root.getHandlers()) {
        if (h instanceof DebugLog) {
          root.removeHandler(h);
        }
      }
    }
  }

  private Path install() {
    Path file = dir.resolve("cache/netbook/debug.log");
    root = DebugLog.install(file, new PrintStream(err, true, StandardCharsets.UTF_8), verbose::get);
    return file;
  }

  @Test
  void aSwallowedFailureIsAppendedToTheFileOnlyWhenOneHappens() throws Exception {
    Path file = install();
    assertThat(file).doesNotExist();
    System.getLogger("netbook.lab.Session")
        .log(Level.DEBUG, "container abc not removed", new IllegalStateException("gone"));
    assertThat(Files.readString(file))
        .contains("netbook.lab.Session container abc not removed: ")
        .contains("java.lang.IllegalStateException: gone");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void verboseAlsoPrintsItOnStderrAndOthersLoggersAreNotOurs() throws Exception {
    Path file = install();
    verbose.set(true);
    System.getLogger("netbook.repl.Repl").log(Level.DEBUG, "history not saved");
    System.getLogger("org.example.Other").log(Level.DEBUG, "not ours");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("netbook: debug: history not saved\n");
    assertThat(Files.readString(file)).doesNotContain("not ours");
  }

  @Test
  void theFileLivesInTheUsersCacheFolder() {
    assertThat(DebugLog.defaultFile(null, "/home/u"))
        .isEqualTo(Path.of("/home/u/.cache/netbook/debug.log"));
    assertThat(DebugLog.defaultFile("/xdg", "/home/u"))
        .isEqualTo(Path.of("/xdg/netbook/debug.log"));
  }
}
