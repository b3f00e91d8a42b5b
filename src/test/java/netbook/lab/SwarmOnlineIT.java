package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.on;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netbook.engine.Engine;
import netbook.engine.PullProgress;
import netbook.engine.SwarmNode;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 where the users are: online, without the project's node image, a swarm's nodes run the
 * official {@code docker:dind}, pulled (through CI's mirror, which seeds a stand-in with the same
 * entrypoint interface) — and their containers reach each other over an overlay. Part of the online
 * suite ({@code mvn -Ponline verify}).
 */
@RequiresDocker
class SwarmOnlineIT {
  @Test
  void nodesOfThePulledDockerDindFormASwarmAndAnOverlayWorks(Engine engine) throws Exception {
    if (engine.findImage(Swarm.DIND_IMAGE).isPresent()
        && engine.containers(true).stream().noneMatch(c -> c.image().startsWith("docker:dind"))) {
      // the pull is what is tested
      new ProcessBuilder("docker", "rmi", Swarm.DIND_IMAGE).inheritIO().start().waitFor();
    }
    List<String> notices = Collections.synchronizedList(new ArrayList<>());
    List<PullProgress> progress = Collections.synchronizedList(new ArrayList<>());
    Session s =
        new Session(
            engine,
            new SessionConfig(
                    "swarm-online-" + Long.toHexString(System.nanoTime() & 0xffffff),
                    false,
                    ProcessHandle.current().pid(),
                    "",
                    notices::add,
                    Duration.ofSeconds(30))
                .withProgress(progress::add));
    Lab.Binding bound = Lab.bind(s);
    try {
      Swarm sw = Swarm.of(s, 2, unique("swo") + "_", Swarm.DIND_IMAGE);
      assertThat(sw.ls()).extracting(SwarmNode::hostname).containsExactly("node1", "node2");
      assertThat(engine.findImage(Swarm.DIND_IMAGE)).isPresent();
      assertThat(progress).isNotEmpty(); // it was pulled, with progress
      Overlay ov = sw.overlay("ov");
      ov.run("busybox", name("container_a"), on("node1"));
      Container b = ov.run("busybox", name("container_b"), on("node2"));
      PingResult r = b.ping("container_a", 1);
      assertThat(r.received()).as(r.output() + "\n" + notices).isEqualTo(1);
    } finally {
      s.cleanup();
      bound.close();
    }
  }
}
