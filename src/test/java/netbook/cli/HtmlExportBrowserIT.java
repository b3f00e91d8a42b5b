package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported page in a real browser: headless Chromium (Debian's {@code chromium}) renders
 * chapter 05 as exported by {@code bin/netbook export}, the screenshot must not be blank, and the
 * page as the browser parsed it has the diagram and the outputs. Without Chromium it fails.
 */
class HtmlExportBrowserIT {
  private static final Path LAUNCHER = Path.of("bin/netbook").toAbsolutePath();
  private static final Path CHAPTER = Path.of("notebooks/05-user-defined-networks.md");

  @TempDir Path dir;

  record Ran(int exit, String output) {}

  @Test
  @RequiresDocker
  void theLiveExportOfChapterFiveShowsItsDiagramAndOutputsInABrowser() throws Exception {
    Path chromium = chromium();
    Path html = dir.resolve("05.html");
    Ran export =
        run(
            dir.resolve("export.log"),
            300,
            LAUNCHER.toString(),
            "export",
            CHAPTER.toString(),
            "--engine",
            "docker",
            "--html",
            html.toString());
    assertThat(export.exit()).as(export.output()).isZero();
    assertThat(export.output()).contains("8 passed, 0 failed").contains("wrote " + html);

    String dom = dumpDom(chromium, html);
    assertThat(dom)
        .contains("<svg")
        .contains("The network after cell")
        .contains("container_a")
        .contains("nameserver 127.0.0.11")
        .containsPattern("PING container_a \\((\\d+\\.){3}2\\): 56 data bytes")
        .contains("run on the docker engine")
        .doesNotContain("<script");
    assertNotBlank(screenshot(chromium, html));
  }

  @Test
  void theRecordedExportOfChapterFiveShowsItsOutputsInABrowser() throws Exception {
    Path chromium = chromium();
    Path html = dir.resolve("05-recorded.html");
    Ran export =
        run(
            dir.resolve("export.log"),
            300,
            LAUNCHER.toString(),
            "export",
            CHAPTER.toString(),
            "--recorded",
            "--html",
            html.toString());
    assertThat(export.exit()).as(export.output()).isZero();

    String dom = dumpDom(chromium, html);
    assertThat(dom)
        .contains("<h1>User-defined networks</h1>")
        .contains("PING container_a (172.18.0.2): 56 data bytes")
        .contains("not run")
        .doesNotContain("<svg"); // not run: no drawing of a network nobody made
    assertNotBlank(screenshot(chromium, html));
  }

  /** Chromium on the PATH, or the test fails saying how to install it. */
  private static Path chromium() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(d).resolve(name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return fail(
        "chromium is not installed: apt-get install -y --no-install-recommends chromium (the browser test of the HTML export needs it)");
  }

  private List<String> browser(Path chromium, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private String dumpDom(Path chromium, Path html) throws Exception {
    Path out = dir.resolve("dom.html");
    List<String> cmd = browser(chromium, "--dump-dom", html.toUri().toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("dom.err").toFile())
            .start();
    finish(p, "chromium --dump-dom");
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private BufferedImage screenshot(Path chromium, Path html) throws Exception {
    Path png = dir.resolve("page.png");
    List<String> cmd =
        browser(
            chromium, "--window-size=1000,1400", "--screenshot=" + png, html.toUri().toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("shot.log").toFile())
            .start();
    finish(p, "chromium --screenshot");
    assertThat(png).as(Files.readString(dir.resolve("shot.log"))).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG javax.imageio reads").isNotNull();
    return image;
  }

  private static void finish(Process p, String what) throws InterruptedException {
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(what + " did not finish within 90 s");
    }
  }

  /** A good share of the page is drawn (not background), in several colours. */
  private static void assertNotBlank(BufferedImage image) {
    int background = image.getRGB(0, 0);
    long drawn = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (rgb != (background & 0xFFFFFF)) {
          drawn++;
        }
        colours.add(rgb & 0xF0F0F0); // a little coarser than exact: antialiasing aside
      }
    }
    long all = (long) (image.getWidth() / 2 + 1) * (image.getHeight() / 2 + 1);
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(drawn * 100 / all).as("per cent of the screenshot drawn").isGreaterThanOrEqualTo(10);
    assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThanOrEqualTo(8);
  }

  private Ran run(Path log, int seconds, String... cmd) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("NETBOOK_OFFLINE", "1");
    Process p = pb.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not finish within " + seconds + " s");
    }
    return new Ran(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
