package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.ExecResult;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.testing.RealDockerExtension;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/**
 * Fidelity: the chapter's scenario runs on the real Docker engine and on the embedded engine, and
 * the masked transcripts (exec outputs and exit codes, network inspect JSON, containers'
 * NetworkSettings) must be equal. The real side uses the image in the system property
 * netbook.conformance.image (default netbook/toolbox:latest, which bin/lab-images builds); without
 * it the test is skipped unless NETBOOK_REQUIRE_DOCKER=1.
 */
@RequiresDocker
class EmbeddedConformanceIT {
  private static final Duration T = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theChaptersScenarioGivesTheSameMaskedTranscriptOnBothEngines(Engine real) {
    String image = System.getProperty("netbook.conformance.image", "netbook/toolbox:latest");
    RealDockerExtension.requireImages(real, image);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    List<String> onDocker = scenario(real, image, suffix);
    Engine embedded =
        DockerEngines.embedded(
            new EmbeddedDockerApi(
                EmbeddedOptions.defaults().withPreloadedImages(List.of("netbook/toolbox"))));
    List<String> onEmbedded;
    try {
      onEmbedded = scenario(embedded, "netbook/toolbox:latest", suffix);
    } finally {
      embedded.close();
    }
    for (int i = 0; i < onDocker.size(); i++) {
      assertThat(onEmbedded.get(i)).as("step %d", i + 1).isEqualTo(onDocker.get(i));
    }
    assertThat(onEmbedded).hasSameSizeAs(onDocker);
  }

  @Test
  void webPagesAndTheNoneAndContainerNetworkModesGiveTheSameMaskedTranscript(Engine real) {
    String toolbox = System.getProperty("netbook.conformance.image", "netbook/toolbox:latest");
    String web = System.getProperty("netbook.conformance.web", "netbook/web:latest");
    RealDockerExtension.requireImages(real, toolbox, web);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    List<String> onDocker = webScenario(real, toolbox, web, suffix);
    Engine embedded =
        DockerEngines.embedded(
            new EmbeddedDockerApi(
                EmbeddedOptions.defaults()
                    .withPreloadedImages(List.of("netbook/toolbox", "netbook/web"))));
    List<String> onEmbedded;
    try {
      onEmbedded = webScenario(embedded, "netbook/toolbox:latest", "netbook/web:latest", suffix);
    } finally {
      embedded.close();
    }
    for (int i = 0; i < onDocker.size(); i++) {
      assertThat(onEmbedded.get(i)).as("step %d", i + 1).isEqualTo(onDocker.get(i));
    }
    assertThat(onEmbedded).hasSameSizeAs(onDocker);
  }

  private static List<String> webScenario(
      Engine engine, String toolbox, String web, String suffix) {
    String net = "emb-probe-net-" + suffix;
    String w = "emb-probe-web-" + suffix;
    String a = "emb-probe-a-" + suffix;
    String none = "emb-probe-none-" + suffix;
    String side = "emb-probe-side-" + suffix;
    TranscriptMask mask = new TranscriptMask();
    List<String> steps = new ArrayList<>();
    try {
      engine.createNetwork(NetworkSpec.bridge(net, Map.of()));
      engine.start(engine.createContainer(ContainerSpec.builder(web).name(w).network(net).build()));
      String[][] specs = {{a, net}, {none, "none"}, {side, "container:" + a}};
      for (String[] spec : specs) {
        engine.start(
            engine.createContainer(
                ContainerSpec.builder(toolbox)
                    .name(spec[0])
                    .network(spec[1])
                    .cmd(List.of("sleep", "300"))
                    .build()));
      }
      String aIp = engine.findContainer(a).orElseThrow().endpoint(net).orElseThrow().ipv4();
      step(engine, mask, steps, a, "wget", "-qO-", "http://" + w + "/");
      step(engine, mask, steps, a, "wget", "-O-", "http://" + w + ":80/");
      step(engine, mask, steps, a, "wget", "-qO-", "http://" + w + "/nope");
      step(engine, mask, steps, a, "wget", "-qO-", "http://" + a + "/");
      step(engine, mask, steps, a, "wget", "-qO-", "http://nosuch-" + suffix + "/");
      step(engine, mask, steps, none, "ip", "addr");
      step(engine, mask, steps, none, "ip", "route");
      step(engine, mask, steps, none, "ping", "-c", "1", "-W", "1", aIp);
      step(engine, mask, steps, none, "cat", "/etc/resolv.conf");
      step(engine, mask, steps, none, "cat", "/etc/hosts");
      step(engine, mask, steps, side, "hostname");
      step(engine, mask, steps, a, "hostname");
      step(engine, mask, steps, side, "ip", "addr");
      step(engine, mask, steps, side, "ping", "-c", "1", w);
      step(engine, mask, steps, side, "cat", "/etc/hosts");
      return steps;
    } finally {
      for (String name : List.of(side, none, a, w)) {
        engine.findContainer(name).ifPresent(x -> engine.removeContainer(x.id(), true));
      }
      engine.findNetwork(net).ifPresent(n -> engine.removeNetwork(n.id()));
    }
  }

  /** Runs the scenario, removing what it created by name afterwards; returns masked steps. */
  private static List<String> scenario(Engine engine, String image, String suffix) {
    String net = "emb-probe-net-" + suffix;
    String a = "emb-probe-a-" + suffix;
    String b = "emb-probe-b-" + suffix;
    String c = "emb-probe-c-" + suffix;
    TranscriptMask mask = new TranscriptMask();
    List<String> steps = new ArrayList<>();
    try {
      engine.createNetwork(NetworkSpec.bridge(net, Map.of()));
      for (String[] spec : new String[][] {{a, net}, {b, net}, {c, ""}}) {
        String id =
            engine.createContainer(
                ContainerSpec.builder(image)
                    .name(spec[0])
                    .network(spec[1])
                    .cmd(List.of("sleep", "300"))
                    .build());
        engine.start(id);
      }
      steps.add(mask.mask(json(engine.inspectNetworkJson(net), null)));
      steps.add(mask.mask(json(engine.inspectContainerJson(a), "NetworkSettings")));
      steps.add(mask.mask(json(engine.inspectContainerJson(c), "NetworkSettings")));
      String cIp = engine.findContainer(c).orElseThrow().endpoint("bridge").orElseThrow().ipv4();
      step(engine, mask, steps, b, "ping", "-c", "2", a);
      step(engine, mask, steps, c, "ping", "-c", "2", a);
      step(engine, mask, steps, a, "ping", "-c", "1", "-W", "1", cIp);
      step(engine, mask, steps, a, "ip", "addr");
      step(engine, mask, steps, a, "ip", "route");
      step(engine, mask, steps, a, "ifconfig", "eth0");
      step(engine, mask, steps, a, "cat", "/etc/hosts");
      step(engine, mask, steps, a, "cat", "/etc/resolv.conf");
      step(engine, mask, steps, c, "cat", "/etc/resolv.conf");
      step(engine, mask, steps, a, "hostname", "-i");
      step(engine, mask, steps, a, "nslookup", b);
      step(engine, mask, steps, a, "nslookup", "nosuch-" + suffix);
      step(engine, mask, steps, c, "nslookup", a);
      step(engine, mask, steps, a, "sh", "-c", "echo hi; nosuchcmd");
      step(engine, mask, steps, a, "nosuchcmd");
      step(engine, mask, steps, a, "cat", "/nope");
      engine.connect(net, c, List.of(), "");
      step(engine, mask, steps, c, "ip", "addr");
      step(engine, mask, steps, c, "ip", "route");
      step(engine, mask, steps, c, "cat", "/etc/resolv.conf");
      step(engine, mask, steps, c, "ping", "-c", "1", a);
      engine.disconnect(net, c, false);
      step(engine, mask, steps, c, "ping", "-c", "1", a);
      return steps;
    } finally {
      for (String name : List.of(a, b, c)) {
        engine.findContainer(name).ifPresent(x -> engine.removeContainer(x.id(), true));
      }
      engine.findNetwork(net).ifPresent(n -> engine.removeNetwork(n.id()));
    }
  }

  /** The JSON (or one member of it) re-printed, with its timestamps masked. */
  private static String json(String text, String member) {
    try {
      JsonNode node = JSON.readTree(text);
      if (member != null) {
        node = node.get(member);
      }
      if (node.get("Containers") instanceof ObjectNode containers) {
        // keyed by random container IDs: order the endpoints by container name instead
        ObjectNode byName = JSON.createObjectNode();
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        containers
            .properties()
            .forEach(e -> sorted.put(e.getValue().path("Name").asText(), e.getValue()));
        sorted.forEach(byName::set);
        ((ObjectNode) node).set("Containers", byName);
      }
      return JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(node)
          .replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "<TIME>")
          .replaceAll("\"IPPrefixLen\" : [1-9]\\d*", "\"IPPrefixLen\" : <P>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void step(
      Engine engine, TranscriptMask mask, List<String> steps, String container, String... cmd) {
    ExecResult r = engine.exec(container, List.of(cmd), T);
    steps.add(
        mask.mask(
            "$ "
                + String.join(" ", cmd)
                + "\nexit "
                + r.exitCode()
                + "\n"
                + r.stdout()
                + "--- stderr\n"
                + r.stderr()));
  }
}
