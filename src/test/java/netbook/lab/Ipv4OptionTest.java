package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netbook.NetbookException;
import org.junit.jupiter.api.Test;

/** {@code ipv4(...)} is checked as it is written, with one line that is about the address. */
class Ipv4OptionTest {
  @Test
  void anAddressOutOfRangeOrMisspeltIsOneLineAboutTheAddress() {
    for (String bad : new String[] {"999.1.1.1", "172.18.0", "172.18.0.256", "a.b.c.d", ""}) {
      assertThatThrownBy(() -> Lab.ipv4(bad))
          .isInstanceOf(NetbookException.class)
          .hasMessage(
              "ipv4(\""
                  + bad
                  + "\") is not an IPv4 address: write four numbers from 0 to 255,"
                  + " e.g. ipv4(\"172.18.0.10\")");
    }
    assertThat(((RunOption.Ipv4) Lab.ipv4(" 172.18.0.10 ")).value()).isEqualTo("172.18.0.10");
  }
}
