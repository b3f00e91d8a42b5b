package netbook.engine.embedded.busybox;

import static org.assertj.core.api.Assertions.assertThat;

import netbook.engine.embedded.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * busybox nc between modelled containers (a listener as main command or exec'd, a client fed by a
 * pipe) and netstat's listening sockets, as busybox 1.35 shows them on Docker 20.10.
 */
class NcAndNetstatTest {
  private static final String HEADER =
      "Active Internet connections (only servers)\n"
          + "Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n";
  private final TestApi t = new TestApi();

  @BeforeEach
  void network() {
    t.createNetwork("n");
    t.run("cli", "netbook/toolbox", "n");
  }

  private void listener(String name, String... cmd) {
    String body =
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":"
            + TestApi.array(cmd)
            + ",\"HostConfig\":{\"NetworkMode\":\"n\"}}";
    t.ok(t.post("/containers/create?name=" + name, body));
    t.ok(t.post("/containers/" + name + "/start", ""));
  }

  @Test
  void aListenerGetsWhatIsPipedToItLogsItAndExits() {
    listener("srv", "nc", "-l", "-p", "8080");
    assertThat(t.inspect("srv").path("State").path("Running").asBoolean()).isTrue();
    assertThat(t.exec("srv", "netstat", "-tln").stdout())
        .matches(
            HEADER.replace("(", "\\(").replace(")", "\\)")
                + "tcp        0      0 127\\.0\\.0\\.11:\\d{5} {8}0\\.0\\.0\\.0:\\* {15}LISTEN {6}\n"
                + "tcp        0      0 :::8080                 :::\\*                    LISTEN      \n");
    TestApi.Output sent = t.exec("cli", "sh", "-c", "echo hi | nc srv 8080");
    assertThat(sent.all()).isEmpty();
    assertThat(sent.exitCode()).isZero();
    assertThat(t.get("/containers/srv/logs?stdout=1").bodyText()).endsWith("hi\n");
    assertThat(t.inspect("srv").path("State").path("Status").asText())
        .as("nc -l ends with its connection")
        .isEqualTo("exited");
    TestApi.Output again = t.exec("cli", "sh", "-c", "echo hi | nc srv 8080");
    assertThat(again.stderr()).isEqualTo("nc: bad address 'srv'\n");
  }

  @Test
  void aListenerInALoopKeepsListening() {
    listener("loop", "sh", "-c", "while true; do nc -l -p 9000; done");
    t.exec("cli", "sh", "-c", "echo one | nc loop 9000");
    t.exec("cli", "sh", "-c", "echo two | nc loop 9000");
    assertThat(t.get("/containers/loop/logs?stdout=1").bodyText())
        .contains("one\n")
        .contains("two\n");
    assertThat(t.inspect("loop").path("State").path("Running").asBoolean()).isTrue();
  }

  @Test
  void anExecdListenerTakesOneConnection() {
    t.run("side", "netbook/toolbox", "n");
    assertThat(t.exec("side", "nc", "-l", "-p", "7000").exitCode()).isZero();
    assertThat(t.exec("side", "netstat", "-tln").stdout()).contains(":::7000 ");
    assertThat(t.exec("cli", "nc", "side", "7000").exitCode()).isZero();
    assertThat(t.exec("side", "netstat", "-tln").stdout()).doesNotContain(":::7000 ");
    TestApi.Output refused = t.exec("cli", "nc", "side", "7000");
    assertThat(refused.stderr())
        .isEqualTo("nc: can't connect to remote host (172.18.0.3): Connection refused\n");
    assertThat(refused.exitCode()).isEqualTo(1);
  }

  @Test
  void webServersAcceptAndNetstatShowsThem() {
    t.run("web", "nginx", "n");
    assertThat(t.exec("cli", "nc", "web", "80").exitCode()).isZero();
    assertThat(t.exec("web", "netstat", "-tln").stdout())
        .contains(
            "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      \n")
        .contains(
            "tcp        0      0 :::80                   :::*                    LISTEN      \n");
  }

  @Test
  void clientErrorsAsBusyboxPrintsThem() {
    assertThat(t.exec("cli", "nc", "nosuch", "80").stderr())
        .isEqualTo("nc: bad address 'nosuch'\n");
    TestApi.Output z = t.exec("cli", "nc", "-z", "cli", "80");
    assertThat(z.stderr()).startsWith("nc: invalid option -- 'z'\nBusyBox v1.35.0");
    assertThat(z.exitCode()).isEqualTo(1);
    t.run("other", "netbook/toolbox", "bridge");
    assertThat(t.exec("cli", "nc", "172.17.0.2", "80").stderr())
        .isEqualTo("nc: can't connect to remote host (172.17.0.2): Connection timed out\n");
    assertThat(t.exec("cli", "nc", "-w", "2", "172.17.0.2", "80").stderr())
        .isEqualTo("nc: timed out\n");
    assertThat(t.exec("cli", "nc").stderr()).contains("Usage: nc [-iN] [-wN] [-l] [-p PORT]");
  }

  @Test
  void netstatWithoutServersAndOnTheDefaultBridge() {
    t.run("plain", "netbook/toolbox", "bridge");
    assertThat(t.exec("plain", "netstat", "-tln").stdout()).isEqualTo(HEADER);
    assertThat(t.exec("cli", "netstat").stdout())
        .isEqualTo(
            "Active Internet connections (w/o servers)\n"
                + "Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n"
                + "Active UNIX domain sockets (w/o servers)\n"
                + "Proto RefCnt Flags       Type       State         I-Node Path\n");
    assertThat(t.exec("cli", "netstat", "-lu").stdout())
        .matches("(?s).*udp        0      0 127\\.0\\.0\\.11:\\d{5} .*");
    assertThat(t.exec("cli", "netstat", "-p").stderr())
        .startsWith("netstat: invalid option -- 'p'\n");
  }
}
