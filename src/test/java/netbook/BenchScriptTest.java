package netbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark is not run by the tests (no timing assertions); its scripts must at least parse.
 */
class BenchScriptTest {
  @Test
  void benchScriptsParse() throws Exception {
    for (String script : new String[] {"bench/run", "bin/netbook"}) {
      assertThat(Files.isRegularFile(Path.of(script))).as(script).isTrue();
      Process p = new ProcessBuilder("bash", "-n", script).redirectErrorStream(true).start();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(script + ": " + out).isZero();
    }
  }
}
