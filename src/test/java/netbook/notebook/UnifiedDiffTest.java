package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("a", "b", "x\ny\n", "x\ny\n")).isEmpty();
  }

  @Test
  void changedLineWithContext() {
    assertThat(UnifiedDiff.of("recorded", "actual", "1\n2\n3\n", "1\n2 changed\n3\n"))
        .isEqualTo("--- recorded\n+++ actual\n@@ -1,3 +1,3 @@\n 1\n-2\n+2 changed\n 3\n");
  }

  @Test
  void checkComparesMaskedOutputs() {
    assertThat(CellExecutor.normalize("64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.131 ms  \n\n"))
        .isEqualTo(
            CellExecutor.normalize("64 bytes from 172.19.0.9: seq=0 ttl=64 time=0.072 ms\n"));
  }
}
