package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.engine.docker.DockerEngine;
import netbook.engine.docker.DockerEngines;
import netbook.engine.docker.EngineDiscovery;
import netbook.engine.docker.EngineDiscovery.Candidate;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DOCKER_HOST=ssh://root@127.0.0.1:PORT reaches the local dockerd through a local sshd of the
 * test's own (its config, host key and authorized key in a temporary directory, keys made with
 * ssh-keygen here; killed by pid at the end), as it would reach a class server: netbook runs {@code
 * ssh … docker system dial-stdio}. The client is pointed at the test's key and known_hosts through
 * NETBOOK_SSH_OPTS="-F config". Nothing leaves 127.0.0.1.
 */
@RequiresDocker
class SshEngineIT {
  private static final Path LAUNCHER = Path.of("bin/netbook").toAbsolutePath();

  @TempDir static Path dir;
  private static Process sshd;
  private static int port;
  private static String host;
  private static String opts;

  @BeforeAll
  static void startSshd() throws Exception {
    for (String tool : List.of("/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen")) {
      assertThat(Path.of(tool))
          .as(tool + " (apt-get install openssh-server openssh-client)")
          .exists();
    }
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id_ed25519").toString());
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("stranger").toString());
    Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.writeString(
        dir.resolve("sshd_config"),
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + dir.resolve("host_key"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PidFile " + dir.resolve("sshd.pid"),
            "PermitRootLogin prohibit-password",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            ""));
    String hostKey = Files.readString(dir.resolve("host_key.pub")).strip();
    Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
    writeClientConfig("client_config", "id_ed25519");
    writeClientConfig("stranger_config", "stranger");
    Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege-separation directory
    sshd =
        new ProcessBuilder(
                "/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sshd.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        break;
      } catch (IOException e) {
        if (!sshd.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError(
              "sshd did not start:\n" + Files.readString(dir.resolve("sshd.log")));
        }
        Thread.sleep(50);
      }
    }
    host = "ssh://root@127.0.0.1:" + port;
    opts = "-F " + dir.resolve("client_config");
  }

  private static void writeClientConfig(String name, String key) throws IOException {
    Files.writeString(
        dir.resolve(name),
        String.join(
            "\n",
            "Host *",
            "  IdentityFile " + dir.resolve(key),
            "  IdentitiesOnly yes",
            "  UserKnownHostsFile " + dir.resolve("known_hosts"),
            "  GlobalKnownHostsFile /dev/null",
            "  StrictHostKeyChecking yes",
            ""));
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) {
      new ProcessBuilder("kill", "-TERM", String.valueOf(sshd.pid())).start().waitFor();
      if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
        sshd.destroyForcibly();
      }
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
  }

  private static Candidate candidate(String config) {
    return EngineDiscovery.candidates(
            Map.of("DOCKER_HOST", host, "NETBOOK_SSH_OPTS", "-F " + dir.resolve(config)),
            dir,
            p -> false)
        .get(0);
  }

  private static long sshChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(h -> h.info().command().orElse("").endsWith("/ssh"))
        .count();
  }

  @Test
  void theEngineAnswersThroughSshAndItsSshProcessesEndWithIt() {
    long t0 = System.nanoTime();
    try (DockerEngine e =
        DockerEngines.connect(candidate("client_config"), Duration.ofSeconds(5))) {
      long connectMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      assertThat(e.networks()).extracting(NetworkInfo::name).contains("bridge", "host", "none");
      assertThat(e.endpoint()).isEqualTo(host);
      assertThat(e.info().origin()).isEqualTo("DOCKER_HOST");
      assertThat(sshChildren()).isPositive();
      System.out.println("ssh engine: connected and pinged in " + connectMs + " ms");
    }
    assertThat(sshChildren()).isZero();
  }

  @Test
  void aKeyTheServerDoesNotKnowIsOneLineNamingTheFix() {
    EngineException x =
        catchThrowableOfType(
            EngineException.class,
            () -> DockerEngines.connect(candidate("stranger_config"), Duration.ofSeconds(5)));
    assertThat(x.getMessage())
        .startsWith("ssh to root@127.0.0.1 was refused (Permission denied): load your key in")
        .doesNotContain("\n");
    assertThat(sshChildren()).isZero();
  }

  @Test
  void binNetbookListsNetworksThroughSshAndSaysWhichEngineOnStderr() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "--engine", "docker");
    pb.environment().put("DOCKER_HOST", host);
    pb.environment().put("NETBOOK_SSH_OPTS", opts);
    pb.environment().put("NETBOOK_OFFLINE", "1");
    pb.environment().remove("DOCKER_CONTEXT");
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    p.getOutputStream().write("networks()\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(p.exitValue()).as(out + err).isZero();
    assertThat(out).contains("bridge").doesNotContain("netbook: using");
    assertThat(err.lines().findFirst())
        .contains("netbook: using the Docker engine at " + host + " (DOCKER_HOST)");
  }

  @Test
  void doctorSaysWhatAnswersThroughSsh() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "doctor").redirectErrorStream(true);
    pb.environment().put("DOCKER_HOST", host);
    pb.environment().put("NETBOOK_SSH_OPTS", opts);
    pb.environment().remove("DOCKER_CONTEXT");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .containsPattern(
            "✓ engine +Docker .*, API 1\\.\\d+ via DOCKER_HOST "
                + java.util.regex.Pattern.quote(host));
  }
}
