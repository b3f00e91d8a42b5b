package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 10 in the REPL, on the embedded engine (which answers through the same docker
 * adapter as Docker): each bad input is one line and the session goes on.
 */
class SmallerBadInputsTest {
  private String run(String input) throws Exception {
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(18));
        ShellFixture f = new ShellFixture()) {
      Session s =
          new Session(
              engine,
              new SessionConfig("bad", true, ProcessHandle.current().pid(), "", null, null));
      try (Workspace rs = f.with(s)) {
        rs.begin();
        new ScriptRunner(rs, f.writer, false).run(new BufferedReader(new StringReader(input)));
        s.cleanup();
        return f.output();
      }
    }
  }

  @Test
  void stoppingAStoppedContainerAndStartingARunningOneAreQuietSuccessesAsInDocker()
      throws Exception {
    String out =
        run(
            "docker run -dit --name bad_a netbook/toolbox\n"
                + "docker stop bad_a\ndocker stop bad_a\n"
                + "docker start bad_a\ndocker start bad_a\n"
                + "\"still here\"\n");
    assertThat(out).doesNotContain("Error response from daemon");
    assertThat(out.lines().filter(l -> l.equals("bad_a"))).hasSize(4);
    assertThat(out).contains("\"still here\"");
  }

  @Test
  void openingABinaryOrNonUtf8FileIsOneLineNamingIt(@TempDir Path dir) throws Exception {
    Path bin = Files.write(dir.resolve("tool.md"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 0, 0});
    Path latin = Files.write(dir.resolve("cafe.md"), "# caf\u00e9\n".getBytes("ISO-8859-1"));
    String out = run(":open " + bin + "\n:open " + latin + "\n1 + 1\n");
    assertThat(out)
        .contains(
            bin + ":1: not a Markdown notebook: a NUL byte at byte 6; a notebook is UTF-8 text\n")
        .contains(
            latin
                + ":1: not a Markdown notebook: bytes that are not UTF-8 at byte 5; a notebook is"
                + " UTF-8 text\n")
        .doesNotContain("Input length")
        .endsWith("2\n");
  }
}
