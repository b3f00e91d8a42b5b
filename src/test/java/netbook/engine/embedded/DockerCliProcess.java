package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real {@code docker} CLI pointed at a served engine: one-shot runs, and runs on a pseudo
 * terminal ({@code script}) that a test types into and reads the screen of. Without a docker binary
 * (or {@code script}) the test is skipped, unless NETBOOK_REQUIRE_DOCKER=1 (as in CI).
 */
final class DockerCliProcess {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String docker;
  private final String dockerHost;
  private final Path config;

  /** What one docker command printed and its exit code. */
  record Run(int exit, String out, String err) {}

  DockerCliProcess(String dockerHost, Path config) {
    this.docker = binary("docker");
    this.dockerHost = dockerHost;
    this.config = config;
  }

  /**
   * The named binary on PATH (or /usr/local/bin, /usr/bin); missing fails under
   * NETBOOK_REQUIRE_DOCKER.
   */
  static String binary(String name) {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/local/bin");
    dirs.add("/usr/bin");
    return dirs.stream()
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst()
        .orElseGet(
            () -> {
              if ("1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"))) {
                fail("NETBOOK_REQUIRE_DOCKER=1 but there is no " + name + " on PATH");
              }
              assumeTrue(false, "no " + name + " on PATH");
              return null;
            });
  }

  private ProcessBuilder builder(List<String> cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("DOCKER_HOST", dockerHost);
    env.put("DOCKER_CONFIG", config.toString());
    env.remove("DOCKER_CONTEXT");
    env.remove("DOCKER_TLS_VERIFY");
    return pb;
  }

  Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(docker));
    cmd.addAll(List.of(args));
    Process p = builder(cmd).start();
    p.getOutputStream().close();
    Screen out = new Screen(p.getInputStream());
    Screen err = new Screen(p.getErrorStream());
    if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("docker " + String.join(" ", args) + " did not end in " + WAIT + ": " + out.text());
    }
    return new Run(p.exitValue(), out.finished(), err.finished());
  }

  /** Starts docker in the background (as {@code docker logs -f}); read it with {@link Screen}. */
  Started start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(docker));
    cmd.addAll(List.of(args));
    Process p = builder(cmd).start();
    p.getOutputStream().close();
    return new Started(p, new Screen(p.getInputStream()), null);
  }

  /** Starts docker on a pseudo terminal, as a user at a terminal runs it. */
  Started onTerminal(String... args) throws IOException {
    String line =
        List.of(args).stream()
            .map(a -> "'" + a.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" ", "'" + docker + "' ", ""));
    Process p = builder(List.of(binary("script"), "-qec", line, "/dev/null")).start();
    return new Started(p, new Screen(p.getInputStream()), p.getOutputStream());
  }

  /** A docker command running: its screen, its keyboard (on a terminal), its end. */
  record Started(Process process, Screen screen, OutputStream keyboard) {
    void type(String keys) throws IOException {
      keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    }

    int exitCode() throws InterruptedException {
      if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("docker did not end in " + WAIT + "; its screen: " + screen.text());
      }
      return process.exitValue();
    }
  }

  /** What a process printed so far, read on a thread of its own. */
  static final class Screen {
    private final StringBuffer text = new StringBuffer();
    private final Thread reader;

    Screen(InputStream in) {
      reader =
          new Thread(
              () -> {
                byte[] buf = new byte[4096];
                try (in) {
                  for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                  }
                } catch (IOException e) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      return text.toString();
    }

    /** The whole output once the stream closed. */
    String finished() throws InterruptedException {
      reader.join(WAIT.toMillis());
      return text();
    }

    /** Waits until {@code needle} has been printed {@code times} times; fails after a while. */
    void waitFor(String needle, int times) throws InterruptedException {
      if (!printed(needle, times, WAIT)) {
        fail("\"" + needle + "\" not printed " + times + " times in " + WAIT + ": " + text());
      }
    }

    /** Whether {@code needle} is printed {@code times} times within {@code wait}. */
    boolean printed(String needle, int times, Duration wait) throws InterruptedException {
      long deadline = System.nanoTime() + wait.toNanos();
      while (count(text(), needle) < times) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(20);
      }
      return true;
    }

    static int count(String haystack, String needle) {
      int n = 0;
      for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
        n++;
      }
      return n;
    }
  }
}
