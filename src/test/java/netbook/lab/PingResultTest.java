package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PingResultTest {
  private static final String OK =
      """
      PING container_a (172.18.0.2): 56 data bytes
      64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.131 ms
      64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.106 ms
      64 bytes from 172.18.0.2: seq=2 ttl=64 time=0.118 ms

      --- container_a ping statistics ---
      3 packets transmitted, 3 packets received, 0% packet loss
      round-trip min/avg/max = 0.106/0.118/0.131 ms
      """;

  @Test
  void readsBusyboxOutputOfASuccessfulPing() {
    PingResult r = PingResult.parse("container_b", "container_a", OK);
    assertThat(r.ok()).isTrue();
    assertThat(r.address()).isEqualTo("172.18.0.2");
    assertThat(r.transmitted()).isEqualTo(3);
    assertThat(r.received()).isEqualTo(3);
    assertThat(r.loss()).isZero();
    assertThat(r.times()).containsExactly(0.131, 0.106, 0.118);
    assertThat(r.avgMs()).isBetween(0.118, 0.119);
    assertThat(r.toString()).isEqualTo(OK.stripTrailing());
  }

  @Test
  void aNameThatDoesNotResolveIsABadAddress() {
    PingResult r =
        PingResult.parse("container_1", "container_2", "ping: bad address 'container_2'\n");
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo("bad address 'container_2'");
    assertThat(r.loss()).isEqualTo(100);
    assertThat(r.toString()).isEqualTo("ping: bad address 'container_2'");
  }

  @Test
  void lostPacketsCountAsLoss() {
    String out =
        """
        PING 172.19.0.2 (172.19.0.2): 56 data bytes

        --- 172.19.0.2 ping statistics ---
        2 packets transmitted, 0 packets received, 100% packet loss
        """;
    PingResult r = PingResult.parse("a", "172.19.0.2", out);
    assertThat(r.ok()).isFalse();
    assertThat(r.loss()).isEqualTo(100);
    assertThat(r.times()).isEmpty();
  }
}
