package netbook.engine.embedded.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv6Test {
  @Test
  void printsTheShortFormDockerAndBusyboxPrint() {
    assertThat(Ipv6.format(Ipv6.parse("fd00:ab12:0:0:0:0:0:2"))).isEqualTo("fd00:ab12::2");
    assertThat(Ipv6.format(Ipv6.parse("::1"))).isEqualTo("::1");
    assertThat(Ipv6.format(Ipv6.parse("::"))).isEqualTo("::");
    assertThat(Ipv6.format(Ipv6.parse("fd00::"))).isEqualTo("fd00::");
    assertThat(Ipv6.format(Ipv6.parse("1:0:0:2:0:0:0:3"))).isEqualTo("1:0:0:2::3");
    assertThat(Ipv6.format(Ipv6.parse("1:0:2:3:4:5:6:7")))
        .as("one zero group stays")
        .isEqualTo("1:0:2:3:4:5:6:7");
    assertThat(Ipv6.format(Ipv6.parse("FE80::42:ACff:fe12:2"))).isEqualTo("fe80::42:acff:fe12:2");
  }

  @Test
  void refusesNamesAndBadLiteralsWithoutLookingThemUp() {
    assertThat(Ipv6.isAddress("localhost")).isFalse();
    assertThat(Ipv6.isAddress("172.18.0.2")).isFalse();
    assertThat(Ipv6.isAddress("fd00:zz::1")).isFalse();
    assertThat(Ipv6.isAddress(":::")).isFalse();
    assertThatThrownBy(() -> Cidr6.parse("fd00::/129"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subnetsContainAndOverlap() {
    Cidr6 net = Cidr6.parse("fd00:ab12::5/64");
    assertThat(net.toString()).isEqualTo("fd00:ab12::/64");
    assertThat(net.contains(Ipv6.parse("fd00:ab12::ffff"))).isTrue();
    assertThat(net.contains(Ipv6.parse("fd00:ab13::1"))).isFalse();
    assertThat(net.overlaps(Cidr6.parse("fd00:ab12::/80"))).isTrue();
    assertThat(Ipv6.format(net.at(2))).isEqualTo("fd00:ab12::2");
  }
}
