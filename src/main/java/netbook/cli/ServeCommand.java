package netbook.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import netbook.engine.embedded.EmbeddedDockerApi;
import netbook.engine.embedded.EmbeddedServer;
import netbook.engine.embedded.model.EmbeddedOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netbook serve}: the embedded engine on a loopback TCP port, so the real docker CLI can
 * drive it ({@code DOCKER_HOST=tcp://127.0.0.1:2375 docker network ls}). Runs until Ctrl-C.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the embedded engine's Docker Engine API on 127.0.0.1 for the docker CLI.")
final class ServeCommand implements Callable<Integer> {
  private final App app;

  ServeCommand(App app) {
    this.app = app;
  }

  @Option(
      names = "--port",
      defaultValue = "2375",
      description = "Loopback port (default 2375; 0 picks one).")
  int port;

  @Option(names = "--seed", description = "Reproducible IDs, MACs and times.")
  Long seed;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new netbook.NetbookException(
          "--port "
              + port
              + " is not a TCP port: use one from 1 to 65535 (or 0 to pick a free one)");
    }
    EmbeddedOptions o =
        EmbeddedOptions.defaults()
            .withPreloadedImages(
                List.of(
                    "netbook/toolbox:latest",
                    "netbook/web:latest",
                    "netbook/bare:latest",
                    "netbook/node:latest"));
    if (seed != null) {
      o = o.withSeed(seed);
    }
    EmbeddedDockerApi api = new EmbeddedDockerApi(o);
    EmbeddedServer server;
    try {
      server = EmbeddedServer.start(api, port);
    } catch (IOException e) {
      throw new netbook.NetbookException(
          "cannot serve on 127.0.0.1:"
              + port
              + ": "
              + e.getMessage()
              + " (is the port taken? choose another with --port)",
          e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  api.close();
                  stopped.countDown();
                },
                "netbook-serve-stop"));
    app.out()
        .println(
            "embedded engine serving the Docker Engine API at "
                + server.dockerHost()
                + " (loopback only; results are modelled, not live)");
    app.out()
        .println(
            "try: DOCKER_HOST="
                + server.dockerHost()
                + " docker run -it --rm busybox sh     (Ctrl-C stops serving)");
    app.out().flush();
    stopped.await();
    return ExitCode.OK;
  }
}
