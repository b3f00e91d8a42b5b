package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.publish;
import static netbook.lab.Lab.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import netbook.NetbookException;
import netbook.console.CommandResult;
import netbook.console.DockerConsole;
import netbook.engine.Engine;
import netbook.engine.PortBinding;
import netbook.engine.docker.DockerEngines;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18.3: a port is published on the address asked for, never on all interfaces. {@code
 * localhost} is 127.0.0.1 (with a notice); anything that is not an address is one clear error, in
 * the Java API and in the docker console alike, on the embedded engine.
 */
class PublishAddressTest {
  private Engine engine;
  private Session session;
  private Lab.Binding binding;
  private final List<String> notices = new ArrayList<>();

  @BeforeEach
  void open() {
    engine = DockerEngines.embedded(OptionalLong.of(3));
    session = RealDocker.session(engine, notices);
    binding = Lab.bind(session);
  }

  @AfterEach
  void close() {
    try {
      session.cleanup();
    } finally {
      binding.close();
      engine.close();
    }
  }

  private List<PortBinding> ports(String container) {
    return engine.findContainer(container).orElseThrow().ports();
  }

  @Test
  void localhostIsTheLoopbackAddressAndSaysSo() {
    run("busybox", name("lo_api"), publish("localhost", 0, 80));
    assertThat(ports("lo_api")).extracting(PortBinding::hostIp).containsExactly("127.0.0.1");
    assertThat(notices).contains(Checks.LOCALHOST_NOTICE);
  }

  @Test
  void anAddressIsKeptAsWritten() {
    run("busybox", name("ip_api"), publish("127.0.0.1", 0, 80));
    assertThat(ports("ip_api")).extracting(PortBinding::hostIp).containsExactly("127.0.0.1");
    assertThat(Lab.publish("::1", 8080, 80).toString()).contains("::1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.l", "999.0.0.1", "127.0.0", "1.2.3.4.5", "web", "0x7f.0.0.1"})
  void aHostAddressThatIsNoAddressIsRefusedInTheJavaApi(String bad) {
    assertThatThrownBy(() -> publish(bad, 18097, 80))
        .isInstanceOf(NetbookException.class)
        .hasMessage(
            "invalid host address '"
                + bad
                + "': publish on an IP address such as 127.0.0.1 (this host only), or give none"
                + " for all interfaces");
  }

  @Test
  void theConsoleChecksTheSameWay() {
    DockerConsole console = DockerConsole.of(session);
    CommandResult bad = console.run("docker run -d -p 999.0.0.1:18098:80 busybox");
    assertThat(bad.ok()).isFalse();
    assertThat(bad.output()).contains("invalid host address '999.0.0.1'").doesNotContain("\n\n");
    CommandResult tooHigh = console.run("docker run -d -p 70000:80 busybox");
    assertThat(tooHigh.ok()).isFalse();
    assertThat(tooHigh.output()).contains("invalid host port 70000");
    assertThat(engine.containers(true)).isEmpty();

    CommandResult lo = console.run("docker run -dit --name lo_cli -p localhost::80 busybox");
    assertThat(lo.ok()).as(lo.output()).isTrue();
    assertThat(ports("lo_cli")).extracting(PortBinding::hostIp).containsExactly("127.0.0.1");
    assertThat(lo.output() + lo.notes()).contains(Checks.LOCALHOST_NOTICE);

    CommandResult v6 = console.run("docker run -dit --name v6_cli -p [::1]::80 busybox");
    assertThat(v6.ok()).as(v6.output()).isTrue();
    assertThat(ports("v6_cli")).extracting(PortBinding::hostIp).containsExactly("::1");
  }
}
