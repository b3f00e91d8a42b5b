package netbook.console;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import netbook.engine.PullProgress;
import netbook.lab.LabImages;
import netbook.render.DockerTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docker images} and {@code docker pull} (offline, pull names resolve to lab images). */
final class ImageCommands {
  static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

  private ImageCommands() {}

  @Command(name = "images")
  static final class Images implements Callable<Integer> {
    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    private final CommandContext ctx;

    Images(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      var images = ctx.session().engine().images();
      if (quiet) {
        images.forEach(i -> ctx.out().line(i.shortId()));
      } else {
        ctx.out().text(DockerTables.images(images, Instant.now()));
      }
      return 0;
    }
  }

  @Command(name = "pull")
  static final class Pull implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    private final CommandContext ctx;

    Pull(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      String last = image.substring(image.lastIndexOf('/') + 1);
      String ref = last.contains(":") || image.contains("@") ? image : image + ":latest";
      if (ctx.session().offline()) {
        String resolved = ctx.session().resolveImage(image);
        ctx.out().line("Status: Image is up to date for " + resolved);
        if (LabImages.aliasFor(image).isPresent()) {
          ctx.out()
              .note(
                  "offline: nothing is pulled; "
                      + image
                      + " is played by the lab image "
                      + resolved);
        }
        return 0;
      }
      if (!image.equals(ref)) {
        ctx.out().line("Using default tag: latest");
      }
      // the progress goes to the session (a status line, never this command's output)
      PullProgress done = ctx.session().pull(ref, PULL_TIMEOUT);
      if (done.status().startsWith("Status:")) {
        ctx.out().line(done.status());
      } else {
        ctx.out().line("Status: Downloaded newer image for " + ref);
      }
      return 0;
    }
  }
}
