package netbook.engine.embedded.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netbook.engine.embedded.api.ApiRequest;
import netbook.engine.embedded.api.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 server over real sockets, with a stub handler in place of the engine. */
class LoopbackHttpServerTest {
  private LoopbackHttpServer server;

  private static ApiResponse handle(ApiRequest r) {
    return switch (r.path()) {
      case "/hijack" ->
          new ApiResponse(101, ApiResponse.RAW_STREAM, null, null, LoopbackHttpServerTest::shout);
      case "/stream" ->
          new ApiResponse(
              200,
              "text/plain",
              null,
              null,
              (in, out) -> {
                for (String part : List.of("one ", "two ", "three")) {
                  out.write(part.getBytes(StandardCharsets.UTF_8));
                  out.flush();
                }
              });
      default ->
          new ApiResponse(
              200,
              "text/plain",
              (r.method() + " " + r.target() + " " + r.body().length + " bytes")
                  .getBytes(StandardCharsets.UTF_8),
              Map.of());
    };
  }

  /** Answers each line it reads in capitals, until "bye". */
  private static void shout(InputStream in, OutputStream out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b != '\n') {
        line.append((char) b);
        continue;
      }
      if (line.toString().equals("bye")) {
        return;
      }
      out.write((line.toString().toUpperCase(Locale.ROOT) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      line.setLength(0);
    }
  }

  private int start(HttpLimits limits) throws IOException {
    server =
        LoopbackHttpServer.start(
            0, limits, LoopbackHttpServerTest::handle, Map.of("Server", "test"));
    return server.port();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void keepsTheConnectionForTheNextRequest() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer first = c.send(RawHttp.request("GET", "/a?x=1", null)).read();
      RawHttp.Answer second = c.send(RawHttp.request("POST", "/b", "{\"k\":1}")).read();
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("GET /a?x=1 0 bytes");
      assertThat(first.header("Server")).isEqualTo("test");
      assertThat(second.body()).isEqualTo("POST /b 7 bytes");
    }
  }

  @Test
  void readsAChunkedBody() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      c.send(
          "POST /c HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\n\r\n");
      assertThat(c.read().body()).isEqualTo("POST /c 7 bytes");
    }
  }

  @Test
  void answers100ContinueBeforeReadingABodyItWasAskedAbout() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      c.send(
          "POST /e HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
              + "Content-Length: 2\r\n\r\n");
      assertThat(c.readUntil("\r\n\r\n")).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      assertThat(c.send("{}").read().body()).isEqualTo("POST /e 2 bytes");
    }
    try (RawHttp c = new RawHttp(port)) {
      c.send(
          "POST /e HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
              + "Content-Length: 99999999\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(413); // and no 100 first
    }
  }

  @Test
  void idleAndHalfSentConnectionsDoNotHoldUpANormalRequest() throws IOException {
    int port = start(HttpLimits.defaults());
    List<RawHttp> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        stalled.add(new RawHttp(port)); // says nothing
        stalled.add(new RawHttp(port).send("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
      }
      try (RawHttp c = new RawHttp(port)) {
        assertThat(c.send(RawHttp.request("GET", "/ok", null)).read().body())
            .isEqualTo("GET /ok 0 bytes");
      }
    } finally {
      for (RawHttp s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void aHeadThatDoesNotComeInTimeIsAnsweredWith408AndClosed() throws IOException {
    int port = start(HttpLimits.defaults().withReadTimeout(Duration.ofMillis(200)));
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a = c.send("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n").read();
      assertThat(a.status()).isEqualTo(408);
      assertThat(a.body()).contains("request not received in time").contains("200 ms");
      assertThat(a.header("Connection")).isEqualTo("close");
      assertThat(c.rest()).isEmpty();
    }
  }

  @Test
  void aBodyThatStopsHalfWayIsAnsweredWith408() throws IOException {
    int port = start(HttpLimits.defaults().withReadTimeout(Duration.ofMillis(200)));
    try (RawHttp c = new RawHttp(port)) {
      String head = "POST /b HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc";
      assertThat(c.send(head).read().status()).isEqualTo(408);
    }
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeout() throws IOException {
    int port = start(HttpLimits.defaults().withIdleTimeout(Duration.ofMillis(200)));
    try (RawHttp c = new RawHttp(port)) {
      assertThat(c.send(RawHttp.request("GET", "/a", null)).read().status()).isEqualTo(200);
      assertThat(c.in().read()).isEqualTo(-1); // closed without an answer
    }
  }

  @Test
  void aBodyOverTheCapIs413WithTheCapInTheMessage() throws IOException {
    int port = start(HttpLimits.defaults().withMaxBodyBytes(1 << 20));
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a =
          c.send("POST /b HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n\r\n").read();
      assertThat(a.status()).isEqualTo(413);
      assertThat(a.body())
          .contains("request body too large: 2000000 bytes")
          .contains("at most 1 MiB");
    }
    try (RawHttp c = new RawHttp(port)) {
      byte[] chunk = new byte[600_000];
      c.send("POST /b HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
      c.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
      c.send(Integer.toHexString(chunk.length) + "\r\n");
      assertThat(c.read().status()).isEqualTo(413);
    }
  }

  @Test
  void refusesAHostThatIsNotLoopbackAndAnyOrigin() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a = c.send("GET /a HTTP/1.1\r\nHost: attacker.example:2375\r\n\r\n").read();
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.body()).contains("loopback host").contains("attacker.example:2375");
    }
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a =
          c.send(RawHttp.request("GET", "/a", null, "Origin: http://page.example")).read();
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.body()).contains("Origin header").contains("http://page.example");
    }
    try (RawHttp c = new RawHttp(port)) {
      assertThat(c.send("GET /a HTTP/1.1\r\n\r\n").read().status()).isEqualTo(403);
    }
    for (String host : List.of("localhost", "[::1]:2375", "127.0.0.2:80", "api.moby.localhost")) {
      try (RawHttp c = new RawHttp(port)) {
        assertThat(c.send("GET /a HTTP/1.1\r\nHost: " + host + "\r\n\r\n").read().status())
            .as(host)
            .isEqualTo(200);
      }
    }
  }

  @Test
  void aMalformedRequestLineIs400() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a = c.send("HELLO\r\n\r\n").read();
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.body()).contains("malformed request line: HELLO");
    }
  }

  @Test
  void anUpgradeAnswers101AndHandsOverTheRawConnection() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a =
          c.send(RawHttp.request("POST", "/hijack", "{}", "Connection: Upgrade", "Upgrade: tcp"))
              .read();
      assertThat(a.statusLine()).isEqualTo("HTTP/1.1 101 UPGRADED");
      assertThat(a.header("Content-Type")).isEqualTo(ApiResponse.RAW_STREAM);
      assertThat(a.header("Connection")).isEqualTo("Upgrade");
      assertThat(a.header("Upgrade")).isEqualTo("tcp");
      c.send("hello\n");
      assertThat(c.readUntil("HELLO\n")).isEqualTo("HELLO\n");
      c.send("again\nbye\n");
      assertThat(new String(c.rest(), StandardCharsets.UTF_8)).isEqualTo("AGAIN\n");
    }
  }

  @Test
  void aHijackWithoutUpgradeHeadersAnswers200AndStillHandsOver() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a = c.send(RawHttp.request("POST", "/hijack", "{}")).read();
      assertThat(a.status()).isEqualTo(200);
      c.send("x\nbye\n");
      assertThat(new String(c.rest(), StandardCharsets.UTF_8)).isEqualTo("X\n");
    }
  }

  @Test
  void aStreamedAnswerComesInChunksAndKeepsTheConnection() throws IOException {
    int port = start(HttpLimits.defaults());
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Answer a = c.send(RawHttp.request("GET", "/stream", null)).read();
      assertThat(a.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(a.body()).isEqualTo("one two three");
      assertThat(c.send(RawHttp.request("GET", "/a", null)).read().status()).isEqualTo(200);
    }
  }

  @Test
  void connectionsOverTheLimitAre503() throws IOException {
    int port = start(HttpLimits.defaults().withMaxConnections(2));
    try (RawHttp a = new RawHttp(port);
        RawHttp b = new RawHttp(port)) {
      assertThat(a.send(RawHttp.request("GET", "/a", null)).read().status()).isEqualTo(200);
      assertThat(b.send(RawHttp.request("GET", "/a", null)).read().status()).isEqualTo(200);
      try (RawHttp c = new RawHttp(port)) {
        RawHttp.Answer refused = c.read();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).contains("at most 2 connections");
      }
    }
  }
}
