package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.lab.LabImages;
import netbook.lab.Session;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/** {@code docker stop $(docker ps -a -q)} and friends touch only this session's containers. */
@RequiresDocker
class SessionScopeIT {
  @Test
  void stopAllStopsOnlyTheSessionsContainers(Engine engine) {
    Session session = LiveEngines.session(engine, LiveEngines.notices());
    DockerConsole console = DockerConsole.of(session);
    String sfx = LiveEngines.suffix();
    String foreign = "foreign-" + sfx;
    String foreignId =
        engine.createContainer(
            ContainerSpec.builder(LabImages.TOOLBOX)
                .name(foreign)
                .cmd(List.of("sleep", "300"))
                .labels(Map.of("netbook.test", "foreign"))
                .build());
    try {
      engine.start(foreignId);
      assertThat(console.run("docker run -dit --name a_" + sfx + " ubuntu").ok()).isTrue();
      assertThat(console.run("run -d --name b_" + sfx + " busybox sleep 300").ok()).isTrue();

      CommandResult ps = console.run("docker ps -a -q");
      assertThat(ps.lines()).hasSize(2);

      CommandResult stop = console.run("docker stop $(docker ps -a -q)");
      assertThat(stop.exitCode()).as(stop.toString()).isZero();
      assertThat(stop.lines()).hasSize(2);
      assertThat(stop.notes()).anyMatch(n -> n.contains("this netbook session's containers only"));
      assertThat(state(engine, "a_" + sfx)).isEqualTo("exited");
      assertThat(state(engine, "b_" + sfx)).isEqualTo("exited");
      assertThat(state(engine, foreign)).isEqualTo("running");

      CommandResult refused = console.run("docker rm -f " + foreign);
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.output())
          .isEqualTo(
              "refusing to remove "
                  + foreign
                  + ": that container was not created by this netbook session (netbook only"
                  + " reads it: inspect, logs); to remove it anyway, add --adopt to the"
                  + " command\n");
      CommandResult all = console.run("docker stop $(docker ps -a -q --all-sessions)");
      assertThat(all.output()).contains("refusing to stop");
      assertThat(state(engine, foreign)).isEqualTo("running");

      assertThat(console.run("docker ps --all-sessions").output()).contains(foreign);
      assertThat(console.run("docker ps").output()).doesNotContain(foreign);

      CommandResult rm = console.run("docker rm a_" + sfx + " b_" + sfx);
      assertThat(rm.output()).isEqualTo("a_" + sfx + "\nb_" + sfx + "\n");
      assertThat(console.run("docker inspect a_" + sfx).output())
          .isEqualTo("[]\nError: No such object: a_" + sfx + "\n");
    } finally {
      session.cleanup();
      try {
        engine.removeContainer(foreignId, true);
      } catch (EngineException e) {
        // already gone
      }
    }
  }

  @Test
  void networkCommandsAndIdPrefixes(Engine engine) {
    Session session = LiveEngines.session(engine, LiveEngines.notices());
    DockerConsole console = DockerConsole.of(session);
    String sfx = LiveEngines.suffix();
    String net = "lan_" + sfx;
    try {
      CommandResult created =
          console.run("docker network create --subnet 10.213.0.0/24 --gateway 10.213.0.1 " + net);
      assertThat(created.output().strip()).as(created.toString()).matches("[0-9a-f]{64}");
      String id = created.output().strip();
      CommandResult run =
          console.run(
              "docker run -dit --name c_"
                  + sfx
                  + " --network "
                  + net
                  + " --network-alias db"
                  + " alpine");
      String cid = run.output().strip();
      assertThat(console.run("docker inspect " + cid.substring(0, 4)).output())
          .startsWith("[\n    {\n        \"Id\": \"" + cid + "\",\n");
      assertThat(console.run("docker network inspect " + id.substring(0, 5)).output())
          .contains("\"Name\": \"" + net + "\"", "\"Subnet\": \"10.213.0.0/24\"");
      assertThat(console.run("docker network ls").output()).contains(net, "bridge", "host");
      assertThat(console.run("docker exec c_" + sfx + " ping -c 1 -W 2 db").output())
          .contains("1 packets received");
      assertThat(console.run("docker network connect bridge c_" + sfx).ok()).isTrue();
      assertThat(console.run("docker network disconnect bridge c_" + sfx).ok()).isTrue();
      CommandResult inUse = console.run("docker network rm " + net);
      assertThat(inUse.exitCode()).isEqualTo(1);
      assertThat(inUse.output()).startsWith("Error response from daemon: ");
      assertThat(console.run("docker network rm bridge").output())
          .isEqualTo("refusing to remove network bridge: it is one of Docker's own networks\n");
      assertThat(console.run("docker rm -f c_" + sfx).ok()).isTrue();
      assertThat(console.run("docker network prune -f").output())
          .isEqualTo("Deleted Networks:\n" + net + "\n");
      assertThat(console.run("docker logs nope_" + sfx).output())
          .isEqualTo("Error response from daemon: No such container: nope_" + sfx + "\n");
      CommandResult fg = console.run("docker run --rm busybox echo hello");
      assertThat(fg.output()).isEqualTo("hello\n");
      assertThat(console.run("docker ps -a -q").lines()).isEmpty();
    } finally {
      session.cleanup();
    }
  }

  private static String state(Engine engine, String name) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String s = engine.findContainer(name).map(ContainerInfo::state).orElse("gone");
    while (s.equals("running") && System.nanoTime() < deadline && name.contains("_")) {
      s = engine.findContainer(name).map(ContainerInfo::state).orElse("gone");
    }
    return s;
  }
}
