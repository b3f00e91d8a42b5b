package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 as a learner meets it: bin/netbook on the embedded engine in a tmux pane, keys sent and
 * the screen read. Tab after {@code (} shows signatures and never inserts {@code $1}, Shift-Tab
 * shows the API's documentation, docker lines complete, jshell's /list and /edit work, the tables
 * can be looped over, and typos get a "did you mean".
 */
class ReplKeysIT {
  static final Duration SHORT = Duration.ofSeconds(20);
  Tmux pane;
  @TempDir Path home;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
    String cmd =
        "EDITOR='sed -i s/41/42/' NETBOOK_ENGINE=embedded NETBOOK_CDS=0 NETBOOK_OFFLINE=1"
            + " NETBOOK_JAVA_OPTS=-Duser.home="
            + home
            + " "
            + Path.of("bin/netbook").toAbsolutePath();
    pane = Tmux.start("nb-keys-" + ProcessHandle.current().pid(), 120, 50, cmd);
  }

  @AfterEach
  void stop() throws Exception {
    if (pane != null) {
      pane.close();
    }
  }

  @Test
  void aLearnersSessionWithTabShiftTabDockerLinesAndJShellCommands() throws Exception {
    pane.await("netbook>", Duration.ofSeconds(60));
    pane.type("6 * 7"); // (the prompt comes before JShell is up: a learner types for longer)
    pane.keys("Enter");
    pane.await("\n42\n", Duration.ofSeconds(60));

    // 1. the first Tab after '(' shows the signatures; nothing is inserted
    pane.type("\"abc\".substring(");
    pane.keys("Tab");
    pane.await("String String.substring(int beginIndex, int endIndex)", Duration.ofSeconds(40));
    assertThat(pane.screen()).contains("Signatures:").doesNotContain("substring($");
    pane.keys("Tab"); // the second Tab completes: all names, so JLine asks first
    pane.await("possibilities", SHORT);
    pane.keys("n");
    assertThat(pane.screen()).doesNotContain("substring($");
    pane.keys("C-u");

    // 2. Shift-Tab: the signatures with the API's Javadoc
    pane.type("container(\"x\").ping");
    pane.keys("BTab");
    pane.await("Pings a container name or an address count times", SHORT);
    assertThat(pane.screen()).contains("PingResult Container.ping(String target, int count)");
    pane.keys("C-u");

    pane.type("net(\"keys_net\").run(\"busybox\", name(\"keys_a\"))");
    pane.keys("Enter");
    pane.await("container keys_a (", Duration.ofSeconds(40));

    // 3. docker lines: subcommands, and live names after --network
    pane.type("docker network ");
    pane.keys("Tab");
    pane.await(s -> s.contains("connect") && s.contains("disconnect"), SHORT);
    pane.keys("C-u");
    pane.type("docker run --network keys_n");
    pane.keys("Tab");
    pane.await("docker run --network keys_net", SHORT);
    pane.keys("C-u");

    // 4. jshell's commands
    pane.type("int kept = 41");
    pane.keys("Enter");
    pane.await("kept ==> 41", SHORT);
    pane.type("/list");
    pane.keys("Enter");
    pane.await("   3 : int kept = 41;", SHORT);
    pane.type("/edit kept"); // EDITOR is a sed that makes it 42
    pane.keys("Enter");
    pane.await("kept ==> 42", SHORT);

    // 7. the tables are lists of handles
    pane.type("for (var c : containers()) System.out.println(\"looped \" + c.name())");
    pane.keys("Enter");
    pane.await("looped keys_a", SHORT);

    // 8. typos
    pane.type("netwroks()");
    pane.keys("Enter");
    pane.await("did you mean networks()?", SHORT);
    pane.type("container(\"keys_b\")");
    pane.keys("Enter");
    pane.await("did you mean keys_a?", SHORT);

    pane.keys("C-d");
    pane.await("Remove container keys_a, network keys_net?", SHORT);
    pane.type("y");
    pane.keys("Enter");
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (pane.alive() && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(pane.alive()).as("netbook left after Ctrl-D").isFalse();
  }
}
