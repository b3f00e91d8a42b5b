package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.OptionalLong;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 in piped mode on the embedded engine: jshell's /commands, loops over containers() and
 * networks(), and "did you mean" for mistyped methods and names.
 */
class JShellHabitsTest {
  private String run(String input) throws Exception {
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(17));
        ShellFixture f = new ShellFixture()) {
      Session s =
          new Session(
              engine,
              new SessionConfig("habits", true, ProcessHandle.current().pid(), "", null, null));
      try (Workspace rs = f.with(s)) {
        rs.begin();
        new ScriptRunner(rs, f.writer, false).run(new BufferedReader(new StringReader(input)));
        s.cleanup();
        return f.output();
      }
    }
  }

  @Test
  void jshellsCommandsListWhatWasTyped() throws Exception {
    String out =
        run(
            "int kept = 41\n"
                + "void hi() { System.out.println(\"hi\"); }\n"
                + "record P(int x) {}\n"
                + "kept + 1\n"
                + "/list\n/vars\n/methods\n/types\n/imports\n"
                + "/drop hi\n/list\n/history\n/reset\n/nope\n:list 1\n");
    assertThat(out)
        .contains("   1 : int kept = 41;\n   2 : void hi() { System.out.println(\"hi\"); }\n")
        .contains("   4 : kept + 1\n")
        .contains("  int kept = 41\n")
        .contains("  void hi()\n")
        .contains("  record P\n")
        .contains("  import static netbook.lab.Lab.*\n")
        .contains("dropped method hi()\n")
        .contains("/reset is jshell's; netbook's :reset is different")
        .contains("unknown command /nope: :help lists the commands");
    // the preload and the warm-up are netbook's, not the user's: never listed
    assertThat(out).doesNotContain(": 0\n").doesNotContain(": import java.util.*;");
    // after the drop, /list leaves hi out; /history has every line typed
    String afterDrop = out.substring(out.indexOf("dropped method hi()"));
    assertThat(afterDrop).doesNotContain(" : void hi()").contains("/list\n/vars\n/methods\n");
  }

  @Test
  void containersAndNetworksCanBeLoopedOverAndStillPrintAsTables() throws Exception {
    String out =
        run(
            "net(\"habits_net\").run(\"busybox\", name(\"habits_a\"))\n"
                + "for (var c : containers()) System.out.println(\"C \" + c.name() + \" \""
                + " + c.ip().isEmpty())\n"
                + "for (Network n : networks()) System.out.println(\"N \" + n.name())\n"
                + "networks()\n");
    assertThat(out)
        .contains("C habits_a false\n")
        .contains("N bridge\n")
        .contains("N habits_net\n")
        .containsPattern("NETWORK ID +NAME +DRIVER +SCOPE");
  }

  @Test
  void aMistypedMethodOrNameGetsADidYouMean() throws Exception {
    String out =
        run(
            "netwroks()\n"
                + "net(\"habits_net\").run(\"busybox\", name(\"habits_web\"))\n"
                + "container(\"habits_web\").pingg(\"habits_web\")\n"
                + "container(\"habits_wbe\")\n"
                + "container(\"habits_a\").connect(\"habits_nte\")\n");
    assertThat(out)
        .contains(
            "error: cannot find symbol\n    netwroks()\n    ^^^^^^^^\ndid you mean networks()?\n")
        .contains("did you mean ping(…)?\n")
        .contains("container habits_wbe not found")
        .contains("did you mean habits_web?");
  }
}
