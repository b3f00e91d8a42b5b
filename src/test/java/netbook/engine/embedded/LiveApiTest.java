package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.http.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served engine's live answers over real sockets, byte for byte as the docker CLI reads them:
 * exec start and attach hijack the connection (101 UPGRADED), waits answer their head at once and
 * their body when the container exits, followed logs end when it stops, typed lines run in an
 * interactive shell.
 */
class LiveApiTest {
  private static final String UPGRADE = "Connection: Upgrade";
  private static final String TCP = "Upgrade: tcp";

  private final TestApi t = new TestApi();
  private EmbeddedServer server;

  @BeforeEach
  void serve() throws IOException {
    server = EmbeddedServer.start(t.api, 0);
  }

  @AfterEach
  void stop() {
    server.close();
    t.api.close();
  }

  private RawHttp client() throws IOException {
    return new RawHttp(server.port());
  }

  private String create(String name, String json) {
    t.ok(t.post("/v1.41/containers/create?name=" + name, json));
    return name;
  }

  /** A Docker stream frame: type, three zero bytes, big-endian length, payload. */
  private static String frame(int stream, String text) {
    byte[] p = text.getBytes(StandardCharsets.UTF_8);
    byte[] h = {(byte) stream, 0, 0, 0, 0, 0, (byte) (p.length >> 8), (byte) p.length};
    return new String(h, StandardCharsets.ISO_8859_1) + new String(p, StandardCharsets.ISO_8859_1);
  }

  @Test
  void execStartHijacksTheConnectionAndSendsFramedOutput() throws IOException {
    create("c1", "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"1000\"]}");
    t.ok(t.post("/containers/c1/start", ""));
    String id =
        t.ok(
                t.post(
                    "/containers/c1/exec",
                    "{\"Cmd\":[\"sh\",\"-c\",\"hostname; cat /nope\"],\"AttachStdout\":true,"
                        + "\"AttachStderr\":true}"))
            .get("Id")
            .asText();
    try (RawHttp c = client()) {
      RawHttp.Answer a =
          c.send(RawHttp.request("POST", "/v1.41/exec/" + id + "/start", "{}", UPGRADE, TCP))
              .read();
      assertThat(a.statusLine()).isEqualTo("HTTP/1.1 101 UPGRADED");
      assertThat(a.header("Content-Type")).isEqualTo("application/vnd.docker.raw-stream");
      String hostname = t.ok(t.get("/containers/c1/json")).get("Config").get("Hostname").asText();
      assertThat(new String(c.rest(), StandardCharsets.ISO_8859_1))
          .isEqualTo(
              frame(1, hostname + "\n")
                  + frame(2, "cat: can't open '/nope': No such file or directory\n"));
    }
    assertThat(t.ok(t.get("/exec/" + id + "/json")).get("ExitCode").asInt()).isEqualTo(1);
  }

  @Test
  void attachBeforeStartGetsTheOutputAndTheWaitAnswersAtExit() throws IOException {
    create(
        "once",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sh\",\"-c\",\"echo hi; exit 3\"],"
            + "\"HostConfig\":{\"AutoRemove\":true}}");
    try (RawHttp attach = client();
        RawHttp wait = client()) {
      attach.send(
          RawHttp.request(
              "POST", "/containers/once/attach?stream=1&stdout=1&stderr=1", null, UPGRADE, TCP));
      assertThat(attach.read().status()).isEqualTo(101);
      RawHttp.Answer head =
          readHead(
              wait.send(RawHttp.request("POST", "/containers/once/wait?condition=removed", null)));
      assertThat(head.status()).isEqualTo(200); // the head comes before the container starts
      t.ok(t.post("/containers/once/start", ""));
      assertThat(new String(attach.rest(), StandardCharsets.ISO_8859_1))
          .isEqualTo(frame(1, "hi\n"));
      assertThat(wait.chunks()).isEqualTo("{\"StatusCode\":3,\"Error\":null}\n");
    }
    assertThat(t.get("/containers/once/json").status()).isEqualTo(404);
  }

  /** Reads a streamed answer's head only; its chunks are read later by {@link RawHttp#read}. */
  private static RawHttp.Answer readHead(RawHttp c) throws IOException {
    String head = c.readUntil("\r\n\r\n");
    int status = Integer.parseInt(head.split(" ")[1]);
    return new RawHttp.Answer(
        status, head.lines().findFirst().orElseThrow(), java.util.Map.of(), "");
  }

  @Test
  void typedLinesRunInTheContainersShellUntilExit() throws IOException {
    create(
        "tty",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sh\"],\"Tty\":true,\"OpenStdin\":true,"
            + "\"AttachStdin\":true}");
    t.ok(t.post("/containers/tty/start", ""));
    try (RawHttp c = client()) {
      c.send(
          RawHttp.request(
              "POST",
              "/containers/tty/attach?stream=1&stdin=1&stdout=1&stderr=1&logs=1",
              null,
              UPGRADE,
              TCP));
      assertThat(c.read().status()).isEqualTo(101);
      assertThat(c.readUntil("/ # ")).isEqualTo("/ # ");
      c.send("echo hello\r");
      assertThat(c.readUntil("/ # ")).isEqualTo("echo hello\r\nhello\r\n/ # ");
      c.send("exit 4\r");
      assertThat(new String(c.rest(), StandardCharsets.UTF_8)).isEqualTo("exit 4\r\n");
    }
    assertThat(t.ok(t.get("/containers/tty/json")).get("State").get("ExitCode").asInt())
        .isEqualTo(4);
  }

  @Test
  void ctrlPCtrlQDetachesAndTheContainerKeepsRunning() throws IOException {
    create(
        "d1", "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sh\"],\"Tty\":true,\"OpenStdin\":true}");
    t.ok(t.post("/containers/d1/start", ""));
    try (RawHttp c = client()) {
      c.send(
          RawHttp.request(
              "POST", "/containers/d1/attach?stream=1&stdin=1&stdout=1", null, UPGRADE, TCP));
      assertThat(c.read().status()).isEqualTo(101);
      c.send(new byte[] {0x10, 0x11});
      assertThat(c.rest()).isEmpty();
    }
    assertThat(t.ok(t.get("/containers/d1/json")).get("State").get("Running").asBoolean()).isTrue();
  }

  @Test
  void anInteractiveExecReadsLinesFromStdin() throws IOException {
    create("x1", "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"1000\"]}");
    t.ok(t.post("/containers/x1/start", ""));
    String id =
        t.ok(
                t.post(
                    "/containers/x1/exec",
                    "{\"Cmd\":[\"sh\"],\"AttachStdin\":true,\"AttachStdout\":true,"
                        + "\"AttachStderr\":true}"))
            .get("Id")
            .asText();
    try (RawHttp c = client()) {
      c.send(RawHttp.request("POST", "/exec/" + id + "/start", "{}", UPGRADE, TCP));
      assertThat(c.read().status()).isEqualTo(101);
      c.send("echo one\nexit 6\n");
      assertThat(new String(c.rest(), StandardCharsets.ISO_8859_1)).isEqualTo(frame(1, "one\n"));
    }
    assertThat(t.ok(t.get("/exec/" + id + "/json")).get("ExitCode").asInt()).isEqualTo(6);
  }

  @Test
  void followedLogsEndWhenTheContainerStops() throws IOException {
    create("web", "{\"Image\":\"nginx\"}");
    t.ok(t.post("/containers/web/start", ""));
    try (RawHttp c = client()) {
      c.send(RawHttp.request("GET", "/containers/web/logs?follow=1&stdout=1&stderr=1", null));
      String head = c.readUntil("\r\n\r\n");
      assertThat(head).startsWith("HTTP/1.1 200 OK").contains("Transfer-Encoding: chunked");
      t.ok(t.post("/containers/web/stop", ""));
      assertThat(c.chunks()).contains("Configuration complete; ready for start up");
    }
  }

  @Test
  void idleConnectionsDoNotStallTheServer() throws IOException {
    List<RawHttp> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        idle.add(client());
        idle.add(client().send("GET /_ping HTTP/1.1\r\n"));
      }
      try (RawHttp c = client()) {
        RawHttp.Answer a = c.send(RawHttp.request("GET", "/_ping", null)).read();
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("OK");
      }
    } finally {
      for (RawHttp c : idle) {
        c.close();
      }
    }
  }
}
