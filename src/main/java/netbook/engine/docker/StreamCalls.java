package netbook.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import netbook.engine.EngineException;
import netbook.engine.ExecResult;
import netbook.engine.PullProgress;
import netbook.engine.PullTracker;

/**
 * The calls whose answer is a stream — exec, logs, pull — on the client whose connections may stay
 * silent for long: each read as the frames arrive (a callback, no polling) and each with a wait of
 * its own, so a stalled stream ends with a timeout and a closed connection ends it at once.
 */
final class StreamCalls {
  private final DockerClient client;
  private final DockerClient streams;
  private final String endpoint;

  /**
   * @param client for the short calls around a stream (exec create, exec inspect)
   * @param streams for the streams themselves
   */
  StreamCalls(DockerClient client, DockerClient streams, String endpoint) {
    this.client = client;
    this.streams = streams;
    this.endpoint = endpoint;
  }

  String logs(String container) {
    StringBuilder out = new StringBuilder();
    try (var cb =
        streams
            .logContainerCmd(container)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(false)
            .exec(
                new ResultCallback.Adapter<Frame>() {
                  public void onNext(Frame f) {
                    synchronized (out) {
                      out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                    }
                  }
                })) {
      await(cb, Duration.ofSeconds(20), "logs of " + container);
    } catch (IOException e) {
      throw Conversions.error("logs of " + container, new UncheckedIOException(e), endpoint);
    } catch (DockerException e) {
      throw Conversions.error("logs of " + container, e, endpoint);
    }
    synchronized (out) {
      return out.toString().replace("\r\n", "\n");
    }
  }

  ExecResult exec(String container, List<String> cmd, Duration timeout) {
    long t0 = System.nanoTime();
    ExecCreateCmdResponse ex =
        call(
            "exec in " + container,
            () ->
                client
                    .execCreateCmd(container)
                    .withCmd(cmd.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withTty(false)
                    .exec());
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    String what = "'" + String.join(" ", cmd) + "' in " + container;
    try (var cb =
        streams
            .execStartCmd(ex.getId())
            .withTty(false)
            .exec(
                new ResultCallback.Adapter<Frame>() {
                  public void onNext(Frame f) {
                    synchronized (out) {
                      (f.getStreamType() == StreamType.STDERR ? err : out)
                          .append(new String(f.getPayload(), StandardCharsets.UTF_8));
                    }
                  }
                })) {
      await(cb, timeout, what);
    } catch (IOException e) {
      throw Conversions.error(what, new UncheckedIOException(e), endpoint);
    } catch (DockerException e) {
      throw Conversions.error(what, e, endpoint);
    }
    Long code =
        call("inspect exec", () -> client.inspectExecCmd(ex.getId()).exec().getExitCodeLong());
    synchronized (out) {
      return new ExecResult(
          code == null ? -1 : code.intValue(),
          out.toString(),
          err.toString(),
          Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /**
   * Pulls {@code ref}, reporting {@link PullProgress} in total as the stream's lines arrive (the
   * start, each line, then done). An interrupt of the waiting thread cancels it: the stream is
   * closed and the pull ends with {@link EngineException#CANCELLED}; a JShell stop closes the
   * stream on its way out too. A failure reports no end: the exception is it.
   */
  void pull(String ref, Consumer<PullProgress> progress, Duration timeout) {
    PullTracker tracker = new PullTracker(ref, progress);
    tracker.start();
    try (var cb =
        streams
            .pullImageCmd(ref)
            .exec(
                new PullImageResultCallback() {
                  public void onNext(PullResponseItem item) {
                    super.onNext(item);
                    var d = item.getProgressDetail();
                    tracker.line(
                        item.getId(),
                        item.getStatus(),
                        d == null ? null : d.getCurrent(),
                        d == null ? null : d.getTotal());
                  }
                })) {
      boolean done;
      try {
        done = cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (DockerException e) {
        throw e;
      } catch (RuntimeException e) {
        // the stream's first error ("Could not pull image: …", a connection that broke)
        throw e instanceof EngineException ee ? ee : Conversions.error("pull " + ref, e, endpoint);
      }
      if (!done) {
        throw new EngineException(
            EngineException.TIMEOUT,
            "pull of " + ref + " did not finish within " + timeout.toSeconds() + " s");
      }
      tracker.finish(PullProgress.Phase.DONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(EngineException.CANCELLED, "pull of " + ref + " cancelled", e);
    } catch (IOException e) {
      throw Conversions.error("pull of " + ref, new UncheckedIOException(e), endpoint);
    } catch (DockerException e) {
      throw Conversions.error("pull " + ref, e, endpoint);
    } finally {
      tracker.close(); // lines a closed stream still delivers are not reported
    }
  }

  private void await(ResultCallback.Adapter<Frame> cb, Duration timeout, String what) {
    try {
      boolean done;
      try {
        done = cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (DockerException e) {
        throw Conversions.error(what, e, endpoint);
      } catch (RuntimeException e) {
        // the stream's first error: a connection that broke in the middle
        throw e instanceof EngineException ee ? ee : Conversions.error(what, e, endpoint);
      }
      if (!done) {
        throw new EngineException(
            EngineException.TIMEOUT,
            what + " did not finish within " + Math.max(1, timeout.toSeconds()) + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(EngineException.TIMEOUT, what + " was interrupted", e);
    }
  }

  private <T> T call(String what, Supplier<T> action) {
    return Conversions.call(what, endpoint, action);
  }
}
