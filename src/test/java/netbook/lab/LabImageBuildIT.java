package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.ExecResult;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The lab images built through the engine's API (what netbook does when one is missing and this
 * machine has a static busybox), under tags of this test's own, which it removes afterwards: the
 * real lab images are never touched. Each image does what bin/lab-images' does.
 */
@RequiresDocker
class LabImageBuildIT {

  @Test
  void theThreeLabImagesBuildThroughTheEngineAndWork(Engine engine) throws Exception {
    LabImageBuilder builder = new LabImageBuilder(LabImageBuilder.HOST_BUSYBOX);
    String unusable = builder.unusable();
    if (!unusable.isEmpty() && !"1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"))) {
      Assumptions.abort(unusable + ": apt-get install busybox-static");
    }
    assertThat(unusable)
        .as("a static busybox at /bin/busybox (CI installs busybox-static)")
        .isEmpty();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String toolbox = "netbook-it/toolbox:" + suffix;
    String web = "netbook-it/web:" + suffix;
    String bare = "netbook-it/bare:" + suffix;
    List<String> built = new ArrayList<>();
    Session s = RealDocker.session(engine);
    try {
      for (String[] r : new String[][] {{"toolbox", toolbox}, {"web", web}, {"bare", bare}}) {
        LabImageBuilder.Recipe recipe =
            switch (r[0]) {
              case "toolbox" -> LabImageBuilder.TOOLBOX;
              case "web" -> LabImageBuilder.WEB;
              default -> LabImageBuilder.BARE;
            };
        String id = builder.build(engine, recipe, r[1]);
        built.add(r[1]);
        assertThat(id).isNotBlank();
        assertThat(engine.findImage(r[1])).isPresent();
      }
      assertThat(
              docker(
                  "image",
                  "inspect",
                  "--format",
                  "{{index .Config.Labels \"netbook.lab\"}}",
                  toolbox))
          .isEqualTo("1");

      String t =
          s.run(
                  ContainerSpec.builder(toolbox)
                      .name(RealDocker.unique("lab_t"))
                      .tty(true)
                      .openStdin(true)
                      .build(),
                  Dialect.JAVA)
              .id();
      ExecResult ping =
          engine.exec(
              t, List.of("ping", "-c", "1", "-W", "1", "127.0.0.1"), Duration.ofSeconds(10));
      assertThat(ping.exitCode()).as(ping.output()).isZero();
      assertThat(
              engine.exec(t, List.of("sh", "-c", "echo \"$PS1\""), Duration.ofSeconds(10)).output())
          .isEqualTo("\\u@\\h:\\w# \n");

      String w =
          s.run(ContainerSpec.builder(web).name(RealDocker.unique("lab_w")).build(), Dialect.JAVA)
              .id();
      String page = "";
      for (int i = 0; i < 20 && !page.contains("Welcome to nginx!"); i++) {
        page =
            engine
                .exec(w, List.of("wget", "-qO-", "http://127.0.0.1:80/"), Duration.ofSeconds(10))
                .output();
        Thread.sleep(100);
      }
      assertThat(page).contains("<h1>Welcome to nginx!</h1>");

      String b =
          s.run(ContainerSpec.builder(bare).name(RealDocker.unique("lab_b")).build(), Dialect.JAVA)
              .id();
      ExecResult noShell = engine.exec(b, List.of("sh", "-c", "true"), Duration.ofSeconds(10));
      assertThat(NetTools.missingTool(noShell)).as(noShell.output()).isTrue();
      assertThat(engine.exec(b, List.of("cat", "/etc/passwd"), Duration.ofSeconds(10)).output())
          .isEqualTo("root:x:0:0:root:/root:/bin/sh\n");
    } finally {
      s.cleanup();
      for (String tag : built) {
        docker("rmi", tag);
      }
    }
    for (String tag : built) {
      assertThat(engine.findImage(tag)).as(tag + " removed").isEmpty();
    }
  }

  private static String docker(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out.strip();
  }
}
