package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import netbook.engine.Engine;
import netbook.engine.PullProgress;
import netbook.render.PullProgressPrinter;
import netbook.testing.RealDockerExtension;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A fresh pull on the real daemon, from the local registry CI runs on 127.0.0.1:5000 (its mirror:
 * NETBOOK_CI_MIRROR; without it the test is skipped): an image with a layer of its own (busybox
 * plus 3 MB of random bytes) is pushed there under a unique name and removed locally, then pulled
 * by its registry address through the session as a lesson's run(...) would, and its progress
 * arrives and ends with the final line. Only what the test made is removed (the container, the
 * image, the registry's manifest). Nothing leaves the loopback.
 */
@RequiresDocker
class PullProgressIT {
  static final String REGISTRY = "127.0.0.1:5000";
  static final Duration T = Duration.ofMinutes(2);

  private final List<String> made = new ArrayList<>();
  private String repo;

  @Test
  void aFreshPullShowsItsProgressAndTheFinalLine(Engine engine) throws Exception {
    String mirror = System.getenv("NETBOOK_CI_MIRROR");
    Assumptions.assumeTrue(
        mirror != null && !mirror.isBlank(),
        "NETBOOK_CI_MIRROR is not set: no local registry to pull from");
    RealDockerExtension.requireImages(engine, "busybox:latest");
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    repo = "netbook-test/busybox-" + suffix;
    String image = REGISTRY + "/" + repo + ":latest";
    String box = "netbook-test-pull-" + suffix;
    docker(
        "run",
        "--name",
        box,
        "--network",
        "none",
        "busybox:latest",
        "sh",
        "-c",
        "head -c 3000000 /dev/urandom > /blob");
    made.add("container " + box);
    docker("commit", box, image);
    made.add("image " + image);
    docker("rm", "-f", box);
    made.remove("container " + box);
    docker("push", image);
    docker("rmi", image);
    assertThat(engine.findImage(image)).isEmpty();

    List<PullProgress> seen = new CopyOnWriteArrayList<>();
    StringWriter shown = new StringWriter();
    PullProgressPrinter lines =
        PullProgressPrinter.lines(new PrintWriter(shown, true), System::nanoTime, Duration.ZERO);
    Session s =
        new Session(
            engine,
            new SessionConfig(
                "pullit" + suffix,
                false,
                ProcessHandle.current().pid(),
                "",
                null,
                null,
                "",
                p -> {
                  seen.add(p);
                  lines.accept(p);
                }));
    made.add("image " + image);
    assertThat(s.resolveImage(image)).isEqualTo(image);
    assertThat(engine.findImage(image)).isPresent();

    assertThat(seen.get(0).phase()).isEqualTo(PullProgress.Phase.STARTING);
    assertThat(seen)
        .as("progress while it downloaded")
        .anySatisfy(
            p -> {
              assertThat(p.phase()).isEqualTo(PullProgress.Phase.DOWNLOADING);
              assertThat(p.layersTotal()).isPositive();
            });
    PullProgress done = seen.get(seen.size() - 1);
    assertThat(done.phase()).isEqualTo(PullProgress.Phase.DONE);
    assertThat(done.layersTotal()).isGreaterThanOrEqualTo(2);
    assertThat(done.layersExisting()).as("busybox's own layer is here").isPositive();
    assertThat(done.bytesDone()).as("the random layer, compressed").isGreaterThan(2_900_000L);
    String text = shown.toString();
    assertThat(text).startsWith("pulling " + image + " …");
    assertThat(text.strip().lines().reduce((a, b) -> b).orElse(""))
        .matches(
            "pulled \\Q"
                + image
                + "\\E \\(3\\.\\d MB in \\d+\\.\\d s; 1 of 2 layers were here already\\)");
  }

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    for (String what : made) {
      String[] kindName = what.split(" ", 2);
      try {
        if (kindName[0].equals("container")) {
          docker("rm", "-f", kindName[1]);
        } else {
          docker("rmi", kindName[1]);
        }
      } catch (AssertionError e) {
        // gone already
      }
    }
    if (repo != null) {
      deleteFromRegistry(repo);
    }
  }

  /** Deletes the test's manifest from the local registry (its blobs go at the registry's GC). */
  private static void deleteFromRegistry(String repo) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + REGISTRY + "/v2/" + repo + "/manifests/latest"))
                .timeout(Duration.ofSeconds(10))
                .header(
                    "Accept",
                    "application/vnd.docker.distribution.manifest.v2+json,"
                        + " application/vnd.oci.image.manifest.v1+json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String digest = head.headers().firstValue("Docker-Content-Digest").orElse("");
    if (digest.isEmpty()) {
      return;
    }
    http.send(
        HttpRequest.newBuilder(
                URI.create("http://" + REGISTRY + "/v2/" + repo + "/manifests/" + digest))
            .timeout(Duration.ofSeconds(10))
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Runs the docker CLI (on the same daemon), failing with its output when it fails. */
  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish within 2 minutes");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed: " + text.strip());
    }
    return text;
  }
}
