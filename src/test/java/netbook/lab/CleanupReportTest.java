package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupReportTest {
  @Test
  void readsAsOneSentence() {
    CleanupReport r = new CleanupReport(List.of("a", "b"), List.of("my_bridge"), List.of());
    assertThat(r).hasToString("removed 2 containers (a, b) and 1 network (my_bridge)");
  }

  @Test
  void saysWhenThereWasNothing() {
    assertThat(new CleanupReport(List.of(), List.of(), List.of()))
        .hasToString("nothing to clean up");
  }

  @Test
  void listsWhatCouldNotBeRemoved() {
    CleanupReport r =
        new CleanupReport(List.of(), List.of(), List.of("n: network n has active endpoints"));
    assertThat(r.toString()).endsWith("\ncould not remove n: network n has active endpoints");
  }
}
