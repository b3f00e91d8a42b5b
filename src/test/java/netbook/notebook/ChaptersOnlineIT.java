package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.ExecResult;
import netbook.engine.PullProgress;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Container;
import netbook.lab.Lab;
import netbook.lab.PingResult;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The online suite: NETBOOK_OFFLINE unset, the real Docker daemon pulling through CI's mirror
 * (NETBOOK_CI_MIRROR, a registry on 127.0.0.1:5000 holding a real-Debian {@code ubuntu} without
 * ping, ip or nslookup, {@code busybox} and {@code nginx}). Run by {@code mvn -Ponline verify}
 * (.ci/run does), never by the default build.
 *
 * <p>"Nothing local": before the first test, each of ubuntu, busybox and nginx is removed when it
 * came from the mirror (its digest is the mirror's; an image of an older seeding is first pulled
 * again, through the mirror) and no container uses it; anything else (an image from elsewhere, one
 * in use, the lab images) is left alone, and the test says so.
 */
@RequiresDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaptersOnlineIT {
  private static final List<String> FIXTURES = List.of("ubuntu", "busybox", "nginx");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static String mirror;
  private static final List<String> removed = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void onlineAgainstTheMirror() throws Exception {
    mirror = Optional.ofNullable(System.getenv("NETBOOK_CI_MIRROR")).orElse("");
    if (mirror.isBlank()) {
      fail(
          "the online suite needs the CI mirror as the daemon's registry mirror"
              + " (NETBOOK_CI_MIRROR=http://127.0.0.1:5000, exported by .ci/run)");
    }
    if ("1".equals(System.getenv("NETBOOK_OFFLINE"))) {
      fail("the online suite runs with NETBOOK_OFFLINE unset");
    }
    assertThat(URI.create(mirror).getHost()).as("the mirror is on loopback").isEqualTo("127.0.0.1");
    assertThat(docker("info", "--format", "{{range .RegistryConfig.Mirrors}}{{.}} {{end}}"))
        .as("the daemon pulls through the mirror")
        .contains(mirror);
    for (String image : FIXTURES) {
      String digest = mirrorDigest(image);
      String local = docker("image", "inspect", "--format", "{{join .RepoDigests \" \"}}", image);
      boolean inUse = !docker("ps", "-aq", "--filter", "ancestor=" + image).isBlank();
      if (!local.isBlank() && !local.contains("@" + digest) && !inUse) {
        // an older seeding of the mirror (it imports afresh, so its digests change): take the
        // mirror's image under the tag, as a user's pull would; the old one stays, untagged
        run("docker", "pull", "-q", image);
        local = docker("image", "inspect", "--format", "{{join .RepoDigests \" \"}}", image);
      }
      boolean fromMirror = local.contains("@" + digest);
      if (fromMirror && !inUse && run("docker", "rmi", image).exitCode() == 0) {
        removed.add(image);
      } else if (!local.isBlank()) {
        System.out.println(
            "online suite: "
                + image
                + " stays (from the mirror: "
                + fromMirror
                + ", in use: "
                + inUse
                + "): its pull is not exercised");
      }
    }
  }

  static List<Path> chapters() {
    return Chapters.withExercises();
  }

  @Test
  @Order(1)
  void realDebianUbuntuPingsByNameThroughThePulledBusyboxHelper(Engine engine) throws Exception {
    List<String> notices = Collections.synchronizedList(new ArrayList<>());
    List<PullProgress> progress = Collections.synchronizedList(new ArrayList<>());
    Session s =
        new Session(
            engine,
            new SessionConfig(
                    "online-it-" + Long.toHexString(System.nanoTime() & 0xffffff),
                    false,
                    ProcessHandle.current().pid(),
                    "",
                    notices::add,
                    Duration.ofSeconds(30))
                .withProgress(progress::add));
    Lab.Binding bound = Lab.bind(s);
    try {
      long t0 = System.nanoTime();
      String net = "online_it_" + Long.toHexString(System.nanoTime() & 0xffffff);
      Container a = Lab.net(net).run("ubuntu", Lab.name(net + "_a"));
      Container b = Lab.net(net).run("ubuntu", Lab.name(net + "_b"));
      PingResult ping = b.ping(net + "_a");
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(ping.ok()).as(ping + "\n" + notices).isTrue();
      assertThat(a.toString()).startsWith("container " + net + "_a (ubuntu, running)");
      // the real Debian ubuntu has no ping of its own: the helper answered
      ExecResult own =
          engine.exec(b.id(), List.of("ping", "-c", "1", "127.0.0.1"), Duration.ofSeconds(10));
      assertThat(own.exitCode()).as(own.output()).isIn(126, 127);
      List<ContainerInfo> helpers =
          engine.containers(false).stream()
              .filter(
                  c -> s.owns(c.labels()) && "helper".equals(c.labels().get(Session.LABEL_ROLE)))
              .toList();
      assertThat(helpers).hasSize(1);
      assertThat(helpers.get(0).image()).isEqualTo("busybox:latest");
      assertThat(notices)
          .contains(
              b.name()
                  + "'s image has no network tools: running them from busybox in "
                  + b.name()
                  + "'s network namespace")
          .noneMatch(n -> n.contains("lab image"));
      // a pull shows itself on the progress channel: it ends once, done, for each image pulled
      for (String image : List.of("ubuntu", "busybox")) {
        if (removed.contains(image)) {
          assertThat(progress)
              .as("progress of " + image)
              .anyMatch(p -> p.ref().startsWith(image) && p.phase() == PullProgress.Phase.DONE);
        }
      }
      String figure =
          "pull-to-first-ping (two ubuntu on a user network, b.ping(a)): "
              + ms
              + " ms, pulled: "
              + removed.stream().filter(i -> !i.equals("nginx")).toList();
      System.out.println("online suite: " + figure);
      Files.writeString(
          Path.of("target", "online-figures.txt"), figure + "\n", StandardCharsets.UTF_8);
    } finally {
      s.cleanup();
      bound.close();
    }
  }

  @ParameterizedTest(name = "docker {0}")
  @MethodSource("chapters")
  @Order(2)
  void checksOnlineOnRealDocker(Path file, Engine engine) throws IOException {
    List<String> notices = Collections.synchronizedList(new ArrayList<>());
    String id = "chapters-online-it-" + Long.toHexString(System.nanoTime() & 0xffffff);
    Chapters.Result r = Chapters.check(engine, file, id, false, notices::add);
    assertThat(r.report().failed()).as(r.output() + "\nnotices: " + notices).isZero();
    assertThat(r.report().passed()).as(r.output()).isPositive();
    // online, no lab image plays anything
    assertThat(notices).noneMatch(n -> n.contains("lab image"));
  }

  @ParameterizedTest(name = "embedded {0}")
  @MethodSource("chapters")
  @Order(3)
  void checksOnTheEmbeddedEngineWithNoEnvironmentVariable(Path file) throws IOException {
    try (Engine engine = DockerEngines.embedded(OptionalLong.empty())) {
      Chapters.Result r = Chapters.check(engine, file, "chapters-online-emb", false, l -> {});
      assertThat(r.report().failed()).as(r.output()).isZero();
    }
  }

  /** What the daemon holds of ubuntu, busybox and nginx is what the mirror serves, nothing else. */
  @Test
  @Order(4)
  void nothingWasFetchedBeyondTheMirror() throws Exception {
    for (String image : FIXTURES) {
      String digest = mirrorDigest(image);
      assertThat(docker("image", "inspect", "--format", "{{join .RepoDigests \" \"}}", image))
          .as(image + " came from the mirror")
          .contains(image + "@" + digest);
    }
  }

  /** The digest of library/NAME:latest in the mirror. */
  private static String mirrorDigest(String image) throws Exception {
    HttpResponse<Void> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(mirror + "/v2/library/" + image + "/manifests/latest"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(r.statusCode()).as("the mirror holds library/" + image + ":latest").isEqualTo(200);
    return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  private static String docker(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    Run r = run(cmd.toArray(String[]::new));
    return r.exitCode() == 0 ? r.out().strip() : "";
  }

  private record Run(int exitCode, String out) {}

  private static Run run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not finish within 60 s");
    }
    return new Run(p.exitValue(), out);
  }
}
