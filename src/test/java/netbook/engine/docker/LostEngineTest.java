package netbook.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import netbook.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon that goes away in the middle (closes its connections, or hangs): the next call ends
 * within 10 s as one line ("lost the Docker engine at …", or "… stopped answering"). And
 * DOCKER_CONTEXT: a context's endpoint is where netbook goes, as the docker CLI would. All on a
 * fake loopback daemon.
 */
class LostEngineTest {
  @Test
  void aDaemonThatClosesItsConnectionsIsLostAtOnce() throws Exception {
    try (FakeDaemon d = new FakeDaemon();
        DockerEngine e = DockerEngines.connect(d.host(), Duration.ofSeconds(2))) {
      d.mode = FakeDaemon.Mode.CLOSE;
      long t0 = System.nanoTime();
      EngineException x = catchThrowableOfType(EngineException.class, () -> e.containers(true));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      assertThat(x.getMessage())
          .startsWith("lost the Docker engine at " + d.host() + " (")
          .doesNotContain("\n");
    }
  }

  @Test
  void aDaemonThatHangsIsLostWithinTenSeconds() throws Exception {
    try (FakeDaemon d = new FakeDaemon();
        DockerEngine e = DockerEngines.connect(d.host(), Duration.ofSeconds(2))) {
      d.mode = FakeDaemon.Mode.HANG;
      long t0 = System.nanoTime();
      EngineException x = catchThrowableOfType(EngineException.class, () -> e.networks());
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      assertThat(x.getMessage())
          .startsWith("the Docker engine at " + d.host() + " stopped answering (")
          .endsWith("no answer within 8 s)")
          .doesNotContain("\n");
    }
  }

  @Test
  void dockerContextNamesTheDaemon(@TempDir Path config) throws Exception {
    try (FakeDaemon d = new FakeDaemon()) {
      Path meta = config.resolve("contexts/meta/" + DockerContexts.sha256("lab") + "/meta.json");
      Files.createDirectories(meta.getParent());
      Files.writeString(
          meta,
          "{\"Name\":\"lab\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
              + d.host()
              + "\",\"SkipTLSVerify\":false}}}",
          StandardCharsets.UTF_8);
      Optional<DockerContexts.Endpoint> ctx = DockerContexts.resolve("lab", config);
      assertThat(ctx).map(DockerContexts.Endpoint::host).contains(d.host());
      try (DockerEngine e =
          DockerEngines.connect("unix:///nonexistent.sock", ctx, Duration.ofSeconds(2))) {
        assertThat(e.endpoint()).isEqualTo(d.host());
        assertThat(d.requests).anyMatch(p -> p.endsWith("/_ping"));
      }
      assertThat(DockerContexts.resolve("default", config)).isEmpty();
      EngineException x =
          catchThrowableOfType(EngineException.class, () -> DockerContexts.resolve("nope", config));
      assertThat(x.getMessage()).startsWith("docker context \"nope\" does not exist (no ");
    }
  }

  @Test
  void aContextWithTlsMaterialTurnsTlsOnAndARemoteOneWithoutItIsWarnedAbout(@TempDir Path config)
      throws Exception {
    String hash = DockerContexts.sha256("remote");
    Path meta = config.resolve("contexts/meta/" + hash + "/meta.json");
    Files.createDirectories(meta.getParent());
    Files.writeString(
        meta,
        "{\"Name\":\"remote\",\"Endpoints\":{\"docker\":{\"Host\":\"tcp://10.9.8.7:2376\"}}}",
        StandardCharsets.UTF_8);
    Optional<DockerContexts.Endpoint> plain = DockerContexts.resolve("remote", config);
    assertThat(DockerEngines.securityWarning("", plain))
        .hasValueSatisfying(
            w -> assertThat(w).startsWith("warning: the Docker engine at tcp://10.9.8.7:2376"));
    Path tls = config.resolve("contexts/tls/" + hash + "/docker");
    Files.createDirectories(tls);
    Files.writeString(tls.resolve("ca.pem"), "not a real certificate");
    Optional<DockerContexts.Endpoint> secured = DockerContexts.resolve("remote", config);
    assertThat(secured.get().tlsDir()).contains(tls);
    assertThat(DockerEngines.config("", secured).getSSLConfig()).isNotNull();
  }
}
