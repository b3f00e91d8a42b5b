package netbook.engine.embedded.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.busybox.ShellResult;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;

/**
 * POST /containers/{id}/attach over a hijacked connection: the container's output as it comes (its
 * log from now on, or all of it with {@code logs=1}) until it stops or the client detaches; with
 * {@code stdin=1} on a container created with OpenStdin whose command is an interactive shell, what
 * the client types runs in that shell (whose output goes to the log, as a TTY's does), and the
 * shell's {@code exit} stops the container. Built under the model's lock, run outside it.
 */
final class AttachSession {
  private final DockerModel model;
  private final Busybox busybox;
  private final ContainerState c;
  private final int from;
  private final boolean stdin;
  private final LogPump pump;
  private volatile boolean detached;

  AttachSession(DockerModel model, Busybox busybox, ContainerState c, Map<String, String> q) {
    this.model = model;
    this.busybox = busybox;
    this.c = c;
    this.from = ContainerRoutes.truthy(q.get("logs")) ? 0 : c.logs().size();
    this.stdin = ContainerRoutes.truthy(q.get("stdin")) && c.openStdin();
    this.pump =
        new LogPump(
            model,
            c,
            ContainerRoutes.truthy(q.get("stdout")),
            ContainerRoutes.truthy(q.get("stderr")));
  }

  void run(InputStream in, OutputStream out) throws IOException, InterruptedException {
    if (stdin) {
      Thread reader = new Thread(() -> readInput(in), "netbook-attach-stdin-" + c.shortId());
      reader.setDaemon(true);
      reader.start();
    }
    pump.run(out, from, () -> detached || (!c.running() && !c.status().equals("created")));
  }

  /** Feeds stdin to the container's shell once it runs; ends the session at detach or EOF. */
  private void readInput(InputStream in) {
    try {
      synchronized (model) {
        while (c.status().equals("created") && !detached) {
          model.wait(LogPump.WAIT_SLICE_MILLIS);
        }
        if (!c.running()) {
          return;
        }
      }
      TerminalShell shell =
          TerminalShell.interactive(c.command())
              ? new TerminalShell(c.tty(), this::runLine, this::log)
              : null;
      byte[] buf = new byte[4096];
      int n;
      int r = TerminalShell.GOING_ON;
      while (r == TerminalShell.GOING_ON && (n = in.read(buf)) >= 0) {
        r = shell == null ? TerminalShell.GOING_ON : shell.feed(buf, n);
      }
      if (r == TerminalShell.GOING_ON && shell != null && !c.tty()) {
        r = shell.end(); // a piped stdin closed: sh reads EOF and exits
      }
      if (r >= 0) {
        exit(r);
      } else {
        detach();
      }
    } catch (IOException e) {
      detach(); // the connection closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ShellResult runLine(String line) {
    synchronized (model) {
      if (!c.running()) {
        return new ShellResult("", "", 0);
      }
      ShellResult r = busybox.exec(c, List.of("sh", "-c", line));
      model.notifyAll();
      return r;
    }
  }

  private void log(int stream, String text) {
    if (text.isEmpty()) {
      return;
    }
    synchronized (model) {
      c.log(stream, text);
      model.notifyAll();
    }
  }

  private void exit(int code) {
    synchronized (model) {
      model.exit(c, code);
      model.notifyAll();
    }
  }

  private void detach() {
    synchronized (model) {
      detached = true;
      model.notifyAll();
    }
  }

  @Override
  public String toString() {
    return "attach to " + c.name() + (stdin ? " with stdin" : "");
  }
}
