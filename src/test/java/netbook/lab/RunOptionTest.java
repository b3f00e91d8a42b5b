package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netbook.NetbookException;
import netbook.engine.ContainerSpec;
import org.junit.jupiter.api.Test;

class RunOptionTest {
  @Test
  void optionsFillTheSpecLikeDockerRunFlags() {
    ContainerSpec.Builder b = ContainerSpec.builder("ubuntu");
    for (RunOption o :
        new RunOption[] {
          Lab.name("web"),
          Lab.publish(8080, 80),
          Lab.publish("127.0.0.1", 8443, 443),
          Lab.alias("db"),
          Lab.cmd("sleep", "60"),
          Lab.env("K", "V"),
          Lab.hostname("h"),
          Lab.ipv4("172.30.0.9")
        }) {
      o.applyTo(b);
    }
    ContainerSpec s = b.build();
    assertThat(s.name()).isEqualTo("web");
    assertThat(s.ports())
        .extracting(Object::toString)
        .containsExactly("0.0.0.0:8080->80/tcp", "127.0.0.1:8443->443/tcp");
    assertThat(s.aliases()).containsExactly("db");
    assertThat(s.cmd()).containsExactly("sleep", "60");
    assertThat(s.env()).containsEntry("K", "V");
    assertThat(s.hostname()).isEqualTo("h");
    assertThat(s.ipv4()).isEqualTo("172.30.0.9");
  }

  @Test
  void badNamesAndPortsAreOneClearLine() {
    assertThatThrownBy(() -> Lab.name("-oops"))
        .isInstanceOf(NetbookException.class)
        .hasMessage(
            "invalid container name '-oops': use letters, digits, '_', '.' and '-',"
                + " starting with a letter or digit");
    assertThatThrownBy(() -> Lab.publish(70000, 80))
        .isInstanceOf(NetbookException.class)
        .hasMessage("invalid host port 70000: ports go from 1 to 65535");
  }
}
