package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.OptionalLong;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;

/**
 * Every bad input of issue 9 on the embedded engine: exactly one clear line (no stack trace), and
 * the next input still works. The user's own container and network (unlabelled) are never touched.
 */
class BadInputTest {
  /** An input, and the exact line it answers (a regex when it starts with "~"). */
  record Case(String input, String line) {}

  private static final String ID = "~[0-9a-f]{64}";

  private static final List<Case> CASES =
      List.of(
          // a Java input that does not compile: JShell's message, the line, the caret
          new Case("int x = ;", "error: illegal start of expression\n    int x = ;\n            ^"),
          new Case(
              "throw new IllegalStateException(\"boom\")", "java.lang.IllegalStateException: boom"),
          new Case("Integer.parseInt(\"x\")", "\"x\" is not a number: give digits only, like 42"),
          new Case(
              "docker run --frobnicate netbook/toolbox",
              "unknown flag: --frobnicate — netbook's docker run takes -d/--detach -i/--interactive"
                  + " -t/--tty --rm --name --network/--net --network-alias/--net-alias --ip"
                  + " -p/--publish -e/--env -h/--hostname --dns --adopt"),
          // Docker refuses one-character names with a pattern "a" seems to match: said plainly
          new Case(
              "run(\"netbook/toolbox\", name(\"a\"))",
              "container name \"a\" is too short: Docker needs at least two characters, e.g."
                  + " name(\"container_a\")"),
          new Case("docker run -d --name dup netbook/toolbox sleep 100", ID),
          new Case(
              "docker run -d --name dup netbook/toolbox sleep 100",
              "~Error response from daemon: Conflict\\. The container name \"/dup\" is already in"
                  + " use by container \"[0-9a-f]{64}\"\\. You have to remove \\(or rename\\) that"
                  + " container to be able to reuse that name\\."),
          new Case(
              "run(\"netbook/toolbox\", name(\"dup\"))",
              "container dup already exists in this session: container(\"dup\") is its handle;"
                  + " container(\"dup\").rm() first to run it again"),
          new Case(
              "run(\"netbook/toolbox\", name(\"mine\"))",
              "a container named mine already exists and is not netbook's: netbook leaves it"
                  + " alone; use another name, e.g. name(\"nb_mine\")"),
          new Case(
              "docker run -d --name mine netbook/toolbox",
              "a container named mine already exists and is not netbook's: netbook leaves it"
                  + " alone; use another name, e.g. --name nb_mine"),
          new Case(
              "docker network create my_own_net",
              "a network named my_own_net already exists and is not netbook's: netbook leaves it"
                  + " alone; use another name, e.g. docker network create nb_my_own_net"),
          new Case(
              "docker rm -f mine",
              "refusing to remove mine: that container was not created by this netbook session"
                  + " (netbook only reads it: inspect, logs); to remove it anyway, add --adopt to"
                  + " the command"),
          new Case("docker network create used", ID),
          new Case("docker run -d --name user1 --network used netbook/toolbox sleep 100", ID),
          new Case(
              "docker network rm used",
              "~Error response from daemon: error while removing network: network used id"
                  + " [0-9a-f]{64} has active endpoints"),
          new Case(
              "net(\"used\").rm()",
              "~error while removing network: network used id [0-9a-f]{64} has active endpoints"),
          new Case(
              "docker run -d nosuchimage:1.0",
              "image nosuchimage:1.0 is not here and NETBOOK_OFFLINE=1 never pulls: use one of"
                  + " ubuntu, debian, alpine, busybox, nginx, httpd (played by the lab images), or"
                  + " unset NETBOOK_OFFLINE"),
          new Case(
              "run(\"nosuchimage:1.0\")",
              "image nosuchimage:1.0 is not here and NETBOOK_OFFLINE=1 never pulls: use one of"
                  + " ubuntu, debian, alpine, busybox, nginx, httpd (played by the lab images), or"
                  + " unset NETBOOK_OFFLINE"),
          new Case(
              "docker network create --subnet 300.1.2.0/24 badnet",
              "Error response from daemon: Invalid subnet 300.1.2.0/24 : invalid CIDR address: 300.1.2.0/24"),
          new Case(
              "net(\"badnet\", \"10.0.0.0/99\", \"10.0.0.1\")",
              "Invalid subnet 10.0.0.0/99 : invalid CIDR address: 10.0.0.0/99"),
          new Case("docker run -d --name p1 -p 18080:80 netbook/web", ID),
          new Case(
              "docker run -d --name p2 -p 18080:80 netbook/web",
              "host port 18080 is taken (Bind for 0.0.0.0:18080 failed: port is already"
                  + " allocated): publish another one, e.g. -p 8080:80"),
          new Case(
              "run(\"netbook/web\", name(\"p3\"), publish(18080, 80))",
              "host port 18080 is taken (Bind for 0.0.0.0:18080 failed): publish another one,"
                  + " e.g. publish(8080, 80)"),
          new Case("docker stop user1", "user1"),
          new Case(
              "docker exec user1 ping -c 1 127.0.0.1",
              "~Error response from daemon: Container [0-9a-f]{64} is not running"),
          new Case(
              "container(\"user1\").sh(\"ip addr\")",
              "container user1 is not running (exited): start it with"
                  + " container(\"user1\").start()"));

  @Test
  void everyBadInputIsOneClearLineAndTheSessionLives() throws Exception {
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(9));
        ShellFixture f = new ShellFixture()) {
      String mine =
          engine.createContainer(
              ContainerSpec.builder("netbook/toolbox")
                  .name("mine")
                  .cmd(List.of("sleep", "100"))
                  .build());
      String ownNet = engine.createNetwork(NetworkSpec.bridge("my_own_net", null)).id();
      Session s =
          new Session(
              engine,
              new SessionConfig("bad", true, ProcessHandle.current().pid(), "", null, null));
      try (Workspace rs = f.with(s)) {
        rs.begin();
        ScriptRunner r = new ScriptRunner(rs, f.writer, false);
        for (Case c : CASES) {
          f.clear();
          r.run(new BufferedReader(new StringReader(c.input() + "\n")));
          String out = f.output();
          assertThat(out).as(c.input()).doesNotContain("\tat ").endsWith("\n");
          String line = out.substring(0, out.length() - 1);
          if (c.line().startsWith("~")) {
            assertThat(line).as(c.input()).matches(c.line().substring(1));
          } else {
            assertThat(line).as(c.input()).isEqualTo(c.line());
          }
          f.clear();
          r.run(new BufferedReader(new StringReader("1 + 1\n")));
          assertThat(f.output()).as("after " + c.input()).isEqualTo("2\n");
        }
        s.cleanup();
      }
      assertThat(engine.findContainer(mine)).isPresent();
      assertThat(engine.findNetwork(ownNet)).isPresent();
    }
  }
}
