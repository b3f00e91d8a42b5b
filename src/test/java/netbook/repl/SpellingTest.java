package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netbook.Spelling;
import org.junit.jupiter.api.Test;

class SpellingTest {
  @Test
  void findsTheClosestKnownNameOrNone() {
    List<String> api = List.of("net", "networks", "containers", "container", "ping", "run");
    assertThat(Spelling.closest("netwroks", api)).hasValue("networks");
    assertThat(Spelling.closest("pingg", api)).hasValue("ping");
    assertThat(Spelling.closest("Containers", api)).hasValue("containers");
    assertThat(Spelling.closest("foo", api)).isEmpty();
    assertThat(Spelling.closest("networks", List.of("networks"))).isEmpty();
  }
}
