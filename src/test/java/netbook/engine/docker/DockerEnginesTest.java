package netbook.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DockerEnginesTest {
  @Test
  void plainTcpToAnotherMachineIsWarnedAbout() {
    assertThat(DockerEngines.securityWarning("tcp://10.1.2.3:2375", false))
        .get()
        .asString()
        .startsWith(
            "warning: the Docker engine at tcp://10.1.2.3:2375 is another machine without TLS");
  }

  @Test
  void socketsLoopbackAndTlsAreNot() {
    assertThat(DockerEngines.securityWarning("unix:///var/run/docker.sock", false)).isEmpty();
    assertThat(DockerEngines.securityWarning("tcp://127.0.0.1:2375", false)).isEmpty();
    assertThat(DockerEngines.securityWarning("tcp://localhost:2375", false)).isEmpty();
    assertThat(DockerEngines.securityWarning("tcp://10.1.2.3:2376", true)).isEmpty();
    assertThat(DockerEngines.securityWarning("", false)).isEmpty();
  }

  @Test
  void loopbackHostsAreRecognised() {
    assertThat(DockerEngines.isLoopback(URI.create("tcp://127.0.0.5:1"))).isTrue();
    assertThat(DockerEngines.isLoopback(URI.create("tcp://example.org:1"))).isFalse();
  }
}
