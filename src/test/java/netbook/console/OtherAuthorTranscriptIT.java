package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import netbook.engine.Engine;
import netbook.engine.docker.TestEngines;
import netbook.lab.Session;
import netbook.testing.RealDockerExtension;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transcript in another author's style: {@code docker container attach}, {@code / # } prompts,
 * blank lines between commands and outputs, a CTRL-p CTRL-q detach, {@code docker exec -it}.
 */
class OtherAuthorTranscriptIT {
  static Stream<Named<Supplier<Engine>>> engines() {
    return Stream.of(
        Named.of("docker", RealDockerExtension::connect),
        Named.of("embedded", TestEngines::embedded));
  }

  @ParameterizedTest
  @MethodSource("engines")
  void busyboxPromptsAndBlankLines(Supplier<Engine> engines) {
    try (Engine engine = engines.get()) {
      Session session = LiveEngines.session(engine, LiveEngines.notices());
      String s = LiveEngines.suffix();
      String cell =
          """
          $ docker network create lab_net_S

          $ docker container run -dit --name alpha_S --network lab_net_S busybox

          $ docker container run -dit --name beta_S --network lab_net_S --network-alias b busybox

          $ docker container attach alpha_S

          / # ping -c 1 beta_S

          PING beta_S (172.20.0.3): 56 data bytes
          64 bytes from 172.20.0.3: seq=0 ttl=64 time=0.094 ms

          --- beta_S ping statistics ---
          1 packets transmitted, 1 packets received, 0% packet loss
          round-trip min/avg/max = 0.094/0.094/0.094 ms

          / # hostname
          alpha_S-is-not-the-hostname
          / # read escape sequence

          $ docker exec -it beta_S sh
          # nslookup nosuchname_S
          # exit
          $ docker container ls
          CONTAINER ID   IMAGE     COMMAND     CREATED          STATUS          PORTS     NAMES
          0e5c1d6b2f11   busybox   "sh"        10 seconds ago   Up 9 seconds              beta_S
          7a3f9c0d1e22   busybox   "sh"        12 seconds ago   Up 11 seconds             alpha_S
          """
              .replace("_S", "_" + s);
      try {
        TranscriptResult r = TranscriptRunner.of(session).run(cell);
        String all = r.toString();
        TranscriptStep ping = r.step("ping -c 1 beta_" + s);
        assertThat(ping.kind()).as(all).isEqualTo(TranscriptStep.Kind.CONTAINER);
        assertThat(ping.where()).isEqualTo("alpha_" + s);
        assertThat(ping.exitCode()).as(all).isZero();
        assertThat(ping.differs()).as(all).isFalse();
        assertThat(ping.marks()).noneMatch(m -> m.contains("time="));

        TranscriptStep hostname = r.step("hostname");
        assertThat(hostname.differs()).isTrue();
        assertThat(hostname.marks()).anyMatch(m -> m.startsWith("- book: alpha_"));

        TranscriptStep lookup = r.step("nslookup");
        assertThat(lookup.where()).as(all).isEqualTo("beta_" + s);
        assertThat(r.step("exit").notes()).isEmpty();

        TranscriptStep ls = r.step("docker container ls");
        assertThat(ls.kind()).isEqualTo(TranscriptStep.Kind.DOCKER);
        assertThat(ls.differs()).as(all).isFalse();
        assertThat(TranscriptRunner.of(session).console().attached()).isEmpty();
      } finally {
        session.cleanup();
      }
    }
  }
}
