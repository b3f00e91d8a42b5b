package netbook.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import netbook.NetbookException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Go-template subset on a real {@code docker inspect} of a busybox container on network
 * r17bnet; each expected text is what {@code docker inspect -f TEMPLATE} (docker CLI 27) printed
 * for the same container.
 */
class GoTemplateTest {
  static JsonNode c;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        GoTemplateTest.class.getResourceAsStream("/netbook/json/container-inspect.json")) {
      c = JsonText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static String run(String template) {
    return GoTemplate.parse(template).execute(c);
  }

  @Test
  void rangeOverTheNetworksPrintsTheAddressAsDockerDoes() {
    assertThat(run("{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}"))
        .isEqualTo("172.21.0.2");
  }

  @Test
  void fieldsPrintAsGoPrintsThem() {
    assertThat(run("{{.Name}} {{.State.Running}} {{.State.Pid}}")).isEqualTo("/r17bc true 10182");
    assertThat(run("{{.Config.Cmd}}")).isEqualTo("[sleep 600]");
    assertThat(run("{{.HostConfig.Dns}}")).isEqualTo("[]");
    assertThat(run("{{.Config.Labels}}")).isEqualTo("map[]");
  }

  @Test
  void jsonIsCompactLikeGoMarshal() {
    assertThat(run("{{json .Config.Cmd}}")).isEqualTo("[\"sleep\",\"600\"]");
    assertThat(run("{{json .NetworkSettings.Networks.r17bnet.Aliases}}"))
        .isEqualTo("[\"2f10a06ec69a\"]");
  }

  @Test
  void rangeWithKeyAndValueVariablesAndANewlineLiteral() {
    assertThat(
            run(
                "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}}{{\"\\n\"}}{{end}}"))
        .isEqualTo("r17bnet=172.21.0.2\n");
    assertThat(run("{{range .Config.Cmd}}[{{.}}]{{end}}")).isEqualTo("[sleep][600]");
    assertThat(run("{{range $i, $a := .Config.Cmd}}{{$i}}:{{$a}} {{end}}"))
        .isEqualTo("0:sleep 1:600 ");
  }

  @Test
  void indexReadsAMapByKeyAndGivesNilForAMissingOne() {
    assertThat(run("{{json (index .NetworkSettings.Networks \"r17bnet\" )}}"))
        .startsWith("{\"IPAMConfig\":null,");
    assertThat(run("{{index .NetworkSettings.Networks \"zz\"}}")).isEqualTo("<nil>");
    assertThat(run("{{index .Config.Cmd 1}}")).isEqualTo("600");
  }

  @Test
  void ifElseTrimsAndFunctions() {
    assertThat(run("{{if .State.Running}}up{{else}}down{{end}}")).isEqualTo("up");
    assertThat(run("a  {{- \" b\" -}}  c")).isEqualTo("a bc");
    assertThat(run("{{len .Config.Cmd}} {{join .Config.Cmd \",\"}} {{upper .Driver}}"))
        .isEqualTo("2 sleep,600 OVERLAY2");
  }

  @Test
  void aMissingKeyNamesTheKeysThere() {
    assertThatThrownBy(() -> run("{{.NetworkSettings.Nope.X}}"))
        .isInstanceOf(NetbookException.class)
        .hasMessageStartingWith(
            "template: .NetworkSettings.Nope.X: no key \"Nope\" at NetworkSettings:")
        .hasMessageContaining("Networks");
    assertThatThrownBy(() -> run("{{.networksettings}}"))
        .hasMessageContaining("did you mean NetworkSettings?");
  }

  @Test
  void badTemplatesFailWithOnePlainLine() {
    assertThatThrownBy(() -> GoTemplate.parse("{{.Foo"))
        .hasMessage("template: the action at column 1 is not closed: end it with }}");
    assertThatThrownBy(() -> GoTemplate.parse("{{range .A}}x"))
        .hasMessage("template: {{range}} at column 1 has no {{end}}: add {{end}} after its body");
    assertThatThrownBy(() -> run("{{printf \"%s\" .Name}}"))
        .hasMessageStartingWith("template: function \"printf\" is not one netbook knows");
    assertThatThrownBy(() -> GoTemplate.parse("x{{end}}"))
        .hasMessage("template: {{end}} has no {{range}} or {{if}} to close: remove it");
  }
}
