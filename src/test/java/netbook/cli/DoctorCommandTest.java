package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netbook.Marks;
import netbook.shell.OutputRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20.4: doctor's exit code: 0 when a class can start, 1 when a chapter's port is taken. */
class DoctorCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private int doctor() {
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    App app =
        new App(
            Settings.from(Map.of()),
            dir,
            out,
            out,
            new OutputRouter(out),
            new Lifecycle(out),
            "testhost",
            Marks.NONE,
            new CommonOptions());
    return new Main(app)
        .commandLine()
        .execute("doctor", "--engine", "embedded", "--notebooks", dir.toString());
  }

  @Test
  void aChaptersPortInUseFailsTheCheckAFreeOneDoesNot() throws Exception {
    int port;
    try (ServerSocket held = new ServerSocket()) {
      held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = held.getLocalPort();
      Files.writeString(
          dir.resolve("01-web.md"),
          "# Web\n\n```java\nrun(\"nginx\", publish(\"127.0.0.1\", " + port + ", 80))\n```\n");
      assertThat(doctor()).as(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.FAILED);
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .contains("✓ engine   embedded (--engine embedded): models Docker ")
          .contains("✗ ports    127.0.0.1:" + port + " is in use (01-web.md:3: ")
          .contains("not ready: 1 problem");
    }
    bytes.reset();
    assertThat(doctor()).as(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("✓ ports    " + port + " free")
        .contains("ready for class");
  }
}
