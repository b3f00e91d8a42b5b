package netbook.engine.embedded.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;

/**
 * Sends a container's output as it is logged, framed as Docker frames attach and logs streams (raw
 * with a TTY), until a condition holds. Waits on the model's lock, which every change notifies.
 */
final class LogPump {
  /** How long one wait for news lasts before the condition is looked at again. */
  static final long WAIT_SLICE_MILLIS = 500;

  private final DockerModel model;
  private final ContainerState c;
  private final boolean stdout;
  private final boolean stderr;

  LogPump(DockerModel model, ContainerState c, boolean stdout, boolean stderr) {
    this.model = model;
    this.c = c;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Sends the log from entry {@code from} on until {@code ended} (looked at under the model's lock)
   * holds; what was logged before it held is sent too.
   */
  void run(OutputStream out, int from, BooleanSupplier ended)
      throws IOException, InterruptedException {
    int next = from;
    boolean done = false;
    while (!done) {
      List<ContainerState.LogEntry> batch;
      synchronized (model) {
        while (next >= c.logs().size() && !ended.getAsBoolean()) {
          model.wait(WAIT_SLICE_MILLIS);
        }
        done = ended.getAsBoolean();
        batch = List.copyOf(c.logs().subList(Math.min(next, c.logs().size()), c.logs().size()));
        next += batch.size();
      }
      StreamFrames frames = new StreamFrames(c.tty());
      for (ContainerState.LogEntry e : batch) {
        if (e.stream() == StreamFrames.STDOUT ? stdout : stderr) {
          frames.add(c.tty() ? StreamFrames.STDOUT : e.stream(), e.text());
        }
      }
      out.write(frames.bytes());
      out.flush();
    }
  }

  @Override
  public String toString() {
    return "log of " + c.name();
  }
}
