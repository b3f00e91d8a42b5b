package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputMaskingTest {

  @Test
  void masksWhatChangesFromRunToRun() {
    String ping =
        "PING container_a (172.18.0.2): 56 data bytes\n"
            + "64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.131 ms\n"
            + "round-trip min/avg/max = 0.106/0.118/0.131 ms\n";
    assertThat(OutputMasking.mask(ping))
        .isEqualTo(
            "PING container_a (<ip>): 56 data bytes\n"
                + "64 bytes from <ip>: seq=0 ttl=64 time=<t> ms\n"
                + "round-trip min/avg/max = <t> ms\n");
    assertThat(
            OutputMasking.mask(
                "3143420cfe08   bridge  172.17.0.1/16 02:42:ac:11:00:02 veth3fc36ad"))
        .isEqualTo("<id>   bridge  <ip>/16 <mac> veth<id>");
    assertThat(
            OutputMasking.mask(
                "nameserver 127.0.0.11 created 2024-05-01T10:00:00.123Z, 2 minutes ago"))
        .isEqualTo("nameserver 127.0.0.11 created <date>, <ago>");
    assertThat(OutputMasking.mask("my_bridge stays, so does deadline"))
        .isEqualTo("my_bridge stays, so does deadline");
  }

  @Test
  void unifiedDiffOfOutputs() {
    assertThat(UnifiedDiff.of("a", "b", "x\ny\n", "x\ny\n")).isEmpty();
    assertThat(UnifiedDiff.of("recorded", "actual", "1\n2\n3\n", "1\n2 changed\n3\n"))
        .isEqualTo("--- recorded\n+++ actual\n@@ -1,3 +1,3 @@\n 1\n-2\n+2 changed\n 3\n");
  }
}
