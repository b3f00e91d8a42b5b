package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netbook.engine.Engine;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's items 5 and 6 in a real terminal on the real daemon: a long ping prints its lines as
 * they come and Ctrl-C ends it inside the container; {@code docker attach} and {@code c.shell()}
 * turn the prompt into the container's, and Ctrl-P Ctrl-Q or {@code exit} come back.
 */
@RequiresDocker
class ReplLiveIT {
  static final Duration WAIT = Duration.ofSeconds(40);
  final String p = DockerFixture.prefix();
  Engine engine;
  Tmux pane;
  @TempDir Path home;

  @BeforeEach
  void start(Engine docker) throws Exception {
    engine = docker;
    Assumptions.assumeTrue(Tmux.available() || requireDocker(), "tmux is not installed");
    String cmd =
        "NETBOOK_OFFLINE=1 NETBOOK_CDS=0 NETBOOK_JAVA_OPTS=-Duser.home="
            + home
            + " "
            + Path.of("bin/netbook").toAbsolutePath()
            + " --engine docker --cleanup";
    pane = Tmux.start("nb-live-" + p, 120, 50, cmd);
  }

  private static boolean requireDocker() {
    return "1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"));
  }

  @AfterEach
  void stop() throws Exception {
    if (pane != null) {
      pane.close();
    }
    for (String c : List.of(p + "-a", p + "-b")) {
      try {
        engine.removeContainer(c, true);
      } catch (RuntimeException ignored) {
        // the REPL's cleanup removed it
      }
    }
    try {
      engine.removeNetwork(p);
    } catch (RuntimeException ignored) {
      // as above
    }
  }

  private boolean pingRunsIn(String container) {
    return engine.exec(container, List.of("pidof", "ping"), Duration.ofSeconds(10)).ok();
  }

  @Test
  void aLongPingStreamsAndCtrlCEndsItInTheContainer_thenTheContainersShell() throws Exception {
    pane.await("netbook>", Duration.ofSeconds(60));
    String a = p + "-a";
    String b = p + "-b";
    pane.type(
        "var a = net(\""
            + p
            + "\").run(\"busybox\", name(\""
            + a
            + "\")); var b = net(\""
            + p
            + "\").run(\"busybox\", name(\""
            + b
            + "\"))");
    pane.keys("Enter");
    pane.await("container " + b + " (", Duration.ofSeconds(90));

    // 5. the lines come while the ping runs; Ctrl-C ends it in the container
    pane.type("a.ping(\"" + b + "\", 60)");
    pane.keys("Enter");
    String screen = pane.await("seq=2", WAIT);
    assertThat(screen).doesNotContain("ping statistics"); // still running: it streamed
    assertThat(pingRunsIn(a)).isTrue();
    pane.keys("C-c");
    screen = pane.await("stopped (Ctrl-C): 'ping -c 60", WAIT);
    assertThat(screen).contains("packets transmitted"); // ping's own summary, after its SIGINT
    assertThat(pingRunsIn(a)).isFalse();

    // 6. docker attach: the container's prompt; its lines run there; Ctrl-P Ctrl-Q comes back
    String host = engine.findContainer(a).orElseThrow().hostname();
    pane.type("docker attach " + a);
    pane.keys("Enter");
    pane.await("root@" + host + ":/# ", WAIT);
    pane.type("cat /etc/hostname");
    pane.keys("Enter");
    pane.await(s -> s.contains("\n" + host + "\n"), WAIT);
    pane.keys("C-p", "C-q");
    pane.await("read escape sequence", WAIT);
    pane.type("6 * 7");
    pane.keys("Enter");
    pane.await("\n42\n", WAIT);
    assertThat(engine.findContainer(a).orElseThrow().running()).isTrue();

    // and c.shell(): exit comes back, the container keeps running
    pane.type("b.shell()");
    pane.keys("Enter");
    String bHost = engine.findContainer(b).orElseThrow().hostname();
    pane.await("root@" + bHost + ":/# ", WAIT);
    pane.type("exit");
    pane.keys("Enter");
    pane.type("7 * 6");
    pane.keys("Enter");
    pane.await(s -> s.split("\n42\n", -1).length > 2, WAIT);
    assertThat(engine.findContainer(b).orElseThrow().running()).isTrue();
  }
}
