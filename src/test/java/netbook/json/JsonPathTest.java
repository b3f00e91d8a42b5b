package netbook.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  @BeforeAll
  static void load() throws Exception {
    GoTemplateTest.load();
  }

  @Test
  void aDottedPathFindsThePartAndPrintsItInDockersLayout() {
    String nets = JsonPath.show(JsonPath.find(GoTemplateTest.c, "NetworkSettings.Networks"));
    assertThat(nets).startsWith("{\n    \"r17bnet\": {\n        \"IPAMConfig\": null,");
    assertThat(
            JsonPath.show(
                JsonPath.find(GoTemplateTest.c, "NetworkSettings.Networks.r17bnet.IPAddress")))
        .isEqualTo("172.21.0.2");
    assertThat(JsonPath.show(JsonPath.find(GoTemplateTest.c, "Config.Cmd.1"))).isEqualTo("600");
  }

  @Test
  void aMissingKeyListsTheKeysAtThatLevel() {
    assertThatThrownBy(() -> JsonPath.find(GoTemplateTest.c, "NetworkSettings.Netwroks"))
        .hasMessageStartingWith(
            "no key \"Netwroks\" at NetworkSettings: did you mean Networks? keys there: ")
        .hasMessageContaining("Ports")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> JsonPath.find(GoTemplateTest.c, "Config.Cmd.x"))
        .hasMessage("Config.Cmd is a list of 2 item(s): use an index 0..1 instead of \"x\"");
  }
}
