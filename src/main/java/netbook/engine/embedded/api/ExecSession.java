package netbook.engine.embedded.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.busybox.ShellResult;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.ExecState;

/**
 * POST /exec/{id}/start over a hijacked connection: the command's output, framed (raw with a TTY);
 * an interactive shell with an attached stdin reads what the client types until {@code exit},
 * Ctrl-D or the end of its input. Built under the model's lock (the exec is started), run outside
 * it.
 */
final class ExecSession {
  private final DockerModel model;
  private final Busybox busybox;
  private final ExecState e;
  private final ContainerState c;
  private final boolean tty;

  ExecSession(DockerModel model, Busybox busybox, ExecState e, ContainerState c, boolean tty) {
    this.model = model;
    this.busybox = busybox;
    this.e = e;
    this.c = c;
    this.tty = tty;
  }

  void run(InputStream in, OutputStream out) throws IOException {
    if (!e.attachStdin() || !TerminalShell.interactive(e.cmd())) {
      ShellResult r;
      synchronized (model) {
        r = busybox.exec(c, e.cmd());
        exited(r.exitCode());
      }
      StreamFrames frames = new StreamFrames(tty);
      if (e.attachStdout()) {
        frames.add(StreamFrames.STDOUT, r.stdout());
      }
      if (e.attachStderr()) {
        frames.add(tty ? StreamFrames.STDOUT : StreamFrames.STDERR, r.stderr());
      }
      out.write(frames.bytes());
      out.flush();
      return;
    }
    TerminalShell shell = new TerminalShell(tty, this::runLine, (s, text) -> write(out, s, text));
    shell.begin();
    byte[] buf = new byte[4096];
    int n;
    int r = TerminalShell.GOING_ON;
    while (r == TerminalShell.GOING_ON && (n = in.read(buf)) >= 0) {
      r = shell.feed(buf, n);
    }
    if (r == TerminalShell.GOING_ON) {
      r = shell.end();
    }
    if (r >= 0) {
      synchronized (model) {
        exited(r);
      }
    }
  }

  private void exited(int code) {
    model.execExited(e, code);
    model.notifyAll();
  }

  private ShellResult runLine(String line) {
    synchronized (model) {
      ShellResult r = busybox.exec(c, java.util.List.of("sh", "-c", line));
      model.notifyAll();
      return r;
    }
  }

  private void write(OutputStream out, int stream, String text) throws IOException {
    byte[] bytes = new StreamFrames(tty).add(tty ? StreamFrames.STDOUT : stream, text).bytes();
    if (bytes.length > 0) {
      out.write(bytes);
      out.flush();
    }
  }

  @Override
  public String toString() {
    return "exec session " + e;
  }
}
