package netbook.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import netbook.engine.EngineException;
import netbook.engine.docker.EngineDiscovery.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine discovery over a temporary HOME: DOCKER_HOST, contexts, and the well-known sockets (real
 * unix sockets, made here) in the docker CLI's and Testcontainers' order. The host's own
 * /var/run/docker.sock and /run/podman are hidden from the "exists" test, so the results do not
 * depend on the machine.
 */
class EngineDiscoveryTest {
  @TempDir Path home;

  private final List<ServerSocketChannel> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() throws IOException {
    for (ServerSocketChannel s : sockets) {
      s.close();
    }
  }

  private Path socket(String relative) throws IOException {
    Path p = home.resolve(relative);
    Files.createDirectories(p.getParent());
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(p));
    sockets.add(s);
    return p;
  }

  /** Exists only under the temporary HOME. */
  private Predicate<Path> existsInHome() {
    return p -> p.startsWith(home) && Files.exists(p);
  }

  private List<Candidate> discover(Map<String, String> env) {
    return EngineDiscovery.candidates(env, home, existsInHome());
  }

  private void context(String name, String host) throws IOException {
    Path meta = home.resolve(".docker/contexts/meta/" + DockerContexts.sha256(name) + "/meta.json");
    Files.createDirectories(meta.getParent());
    Files.writeString(
        meta,
        "{\"Name\":\"" + name + "\",\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\"}}}",
        StandardCharsets.UTF_8);
  }

  @Test
  void withNothingSetTheWellKnownSocketsComeInOrderAndTheDefaultIsLast() {
    List<Candidate> all = discover(Map.of("XDG_RUNTIME_DIR", home.resolve("run").toString()));
    assertThat(all)
        .extracting(Candidate::host)
        .containsExactly(
            "unix://" + home.resolve(".docker/run/docker.sock"),
            "unix://" + home.resolve(".docker/desktop/docker.sock"),
            "unix://" + home.resolve(".colima/default/docker.sock"),
            "unix://" + home.resolve(".rd/docker.sock"),
            "unix://" + home.resolve(".orbstack/run/docker.sock"),
            "unix://" + home.resolve("run/podman/podman.sock"),
            "unix:///run/podman/podman.sock",
            "unix:///var/run/docker.sock");
    assertThat(all).noneMatch(Candidate::present).noneMatch(Candidate::explicit);
    // only the default is worth a try, and it needs no word at start
    assertThat(EngineDiscovery.toTry(all))
        .extracting(Candidate::host)
        .containsExactly("unix:///var/run/docker.sock");
    assertThat(EngineDiscovery.toTry(all).get(0).isPlainDefault()).isTrue();
    assertThat(EngineDiscovery.toTry(all).get(0).source()).isEqualTo("the default socket");
  }

  @Test
  void presentSocketsAreTriedFirstInTheDockerClisOrder() throws IOException {
    Path colima = socket(".colima/default/docker.sock");
    Path desktop = socket(".docker/desktop/docker.sock");
    Path podman = socket("xdg/podman/podman.sock");
    List<Candidate> toTry =
        EngineDiscovery.toTry(discover(Map.of("XDG_RUNTIME_DIR", home.resolve("xdg").toString())));
    assertThat(toTry)
        .extracting(Candidate::host)
        .containsExactly(
            "unix://" + desktop,
            "unix://" + colima,
            "unix://" + podman,
            "unix:///var/run/docker.sock");
    assertThat(toTry)
        .extracting(Candidate::product)
        .containsExactly("Docker Desktop", "Colima", "Podman", "Docker");
    assertThat(toTry.get(1).source()).isEqualTo("Colima's socket in your home");
    assertThat(toTry.get(1).isPlainDefault()).isFalse();
  }

  @Test
  void dockerHostIsTheOnlyPlaceAndWinsOverDockerContextAsInTheDockerCli() throws IOException {
    socket(".colima/default/docker.sock");
    context("lab", "tcp://10.0.0.5:2375");
    List<Candidate> all =
        discover(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375", "DOCKER_CONTEXT", "lab"));
    assertThat(all)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.host()).isEqualTo("tcp://127.0.0.1:2375");
              assertThat(c.explicit()).isTrue();
              assertThat(c.source())
                  .isEqualTo(
                      "DOCKER_HOST, which wins over DOCKER_CONTEXT=lab as in the docker CLI");
              assertThat(c.tlsVerify()).isFalse();
            });
  }

  @Test
  void tlsComesFromDockerTlsVerifyAndDockerCertPath() {
    Candidate c =
        discover(
                Map.of(
                    "DOCKER_HOST", "tcp://10.1.2.3:2376",
                    "DOCKER_TLS_VERIFY", "1",
                    "DOCKER_CERT_PATH", "/certs"))
            .get(0);
    assertThat(c.tlsVerify()).isTrue();
    assertThat(c.certPath()).contains(Path.of("/certs"));
    Candidate defaultCerts =
        discover(Map.of("DOCKER_HOST", "tcp://10.1.2.3:2376", "DOCKER_TLS_VERIFY", "1")).get(0);
    assertThat(defaultCerts.certPath()).contains(home.resolve(".docker"));
    assertThat(DockerEngines.securityWarning(c)).isEmpty();
  }

  @Test
  void sshHostsCarryTheirSshOptions() {
    Candidate c =
        discover(
                Map.of(
                    "DOCKER_HOST", "ssh://me@lab.example:2222",
                    "NETBOOK_SSH_OPTS", "-F /tmp/cfg  -o IdentitiesOnly=yes"))
            .get(0);
    assertThat(c.product()).isEqualTo("Docker over ssh");
    assertThat(c.sshOptions()).containsExactly("-F", "/tmp/cfg", "-o", "IdentitiesOnly=yes");
    assertThat(
            SshBridge.command(java.net.URI.create(c.host()), c.sshOptions(), Duration.ofSeconds(5)))
        .containsExactly(
            "ssh",
            "-T",
            "-o",
            "BatchMode=yes",
            "-o",
            "ConnectTimeout=5",
            "-F",
            "/tmp/cfg",
            "-o",
            "IdentitiesOnly=yes",
            "-p",
            "2222",
            "-l",
            "me",
            "--",
            "lab.example",
            "docker",
            "system",
            "dial-stdio");
  }

  @Test
  void dockerContextAndThenTheConfigsCurrentContextNameTheEngine() throws IOException {
    context("lab", "ssh://admin@lab.example");
    context("colima", "unix://" + home.resolve(".colima/default/docker.sock"));
    Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"colima\"}");
    socket(".docker/run/docker.sock"); // not looked at: a context names the engine

    Candidate byEnv = discover(Map.of("DOCKER_CONTEXT", "lab")).get(0);
    assertThat(byEnv.host()).isEqualTo("ssh://admin@lab.example");
    assertThat(byEnv.source()).isEqualTo("DOCKER_CONTEXT=lab");

    List<Candidate> byConfig = discover(Map.of());
    assertThat(byConfig)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.host()).endsWith("/.colima/default/docker.sock");
              assertThat(c.product()).isEqualTo("Colima");
              assertThat(c.source())
                  .isEqualTo(
                      "docker context colima, currentContext in "
                          + home.resolve(".docker/config.json"));
            });

    // DOCKER_CONFIG moves the config and its contexts; "default" means the sockets
    assertThat(discover(Map.of("DOCKER_CONTEXT", "default"))).hasSize(7);
    EngineException x =
        catchThrowableOfType(
            EngineException.class,
            () ->
                discover(
                    Map.of(
                        "DOCKER_CONFIG",
                        home.resolve("elsewhere").toString(),
                        "DOCKER_CONTEXT",
                        "lab")));
    assertThat(x.getMessage()).startsWith("docker context \"lab\" does not exist");
  }

  @Test
  void aDesktopSocketThatDoesNotAnswerSaysTheDesktopIsNotRunning() throws IOException {
    Path desktop = socket(".docker/run/docker.sock");
    sockets.remove(0).close(); // the file stays, nobody listens: Docker Desktop quit
    Candidate c = EngineDiscovery.toTry(discover(Map.of())).get(0);
    assertThat(c.host()).isEqualTo("unix://" + desktop);
    EngineException x =
        catchThrowableOfType(
            EngineException.class, () -> DockerEngines.connect(c, Duration.ofSeconds(2)));
    assertThat(x.getMessage())
        .isEqualTo(
            "Docker Desktop is not running: start it (its socket "
                + desktop
                + " refuses connections)");
  }

  @Test
  void permissionDeniedOnTheSocketNamesTheDockerGroup() {
    // (the tests run as root, whom no socket refuses: the cause is the one a user's JVM reports)
    Candidate c = discover(Map.of("DOCKER_HOST", "unix:///var/run/docker.sock")).get(0);
    EngineException e =
        new EngineException(
            EngineException.UNREACHABLE,
            "ping",
            new RuntimeException(new java.net.SocketException("Permission denied")));
    assertThat(EngineProblems.explain(c, e))
        .isEqualTo(
            "permission denied on /var/run/docker.sock: add yourself to the docker group (sudo"
                + " usermod -aG docker $USER), then log in again (or run netbook with sudo)");
  }

  @Test
  void sshFailuresBecomeOneLineNamingTheFix() {
    java.net.URI u = java.net.URI.create("ssh://me@lab.example:2222");
    assertThat(SshBridge.diagnose(u, "me@lab.example: Permission denied (publickey,password)."))
        .startsWith("ssh to me@lab.example was refused (Permission denied): load your key in")
        .contains("ssh-copy-id -p 2222 me@lab.example");
    assertThat(
            SshBridge.diagnose(
                u,
                "No ED25519 host key is known for [lab.example]:2222 and you"
                    + " have requested strict checking.\nHost key verification failed."))
        .isEqualTo(
            "ssh to me@lab.example: its host key is not known: connect once with `ssh -p"
                + " 2222 me@lab.example` and accept the key, then start again");
    assertThat(SshBridge.diagnose(u, "bash: line 1: docker: command not found"))
        .startsWith("there is no docker command on lab.example (ssh reached it)");
    assertThat(
            SshBridge.diagnose(u, "ssh: connect to host lab.example port 2222: Connection refused"))
        .isEqualTo(
            "ssh to me@lab.example could not connect (ssh: connect to host lab.example port"
                + " 2222: Connection refused): check the host and port");
    assertThat(SshBridge.diagnose(u, "")).isEmpty();
  }
}
