package netbook.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import netbook.engine.EngineException;

/**
 * {@code POST /build} with a tar context: what {@code DOCKER_BUILDKIT=0 docker build -t TAG --label
 * K=V -} does, on the client for streams (a build's output may be silent for a while), with a wait
 * of its own.
 */
final class BuildCalls {
  private final DockerClient streams;
  private final String endpoint;

  BuildCalls(DockerClient streams, String endpoint) {
    this.streams = streams;
    this.endpoint = endpoint;
  }

  String build(String tag, InputStream context, Map<String, String> labels, Duration timeout) {
    String what = "build of " + tag;
    StringBuilder log = new StringBuilder();
    try (var cb =
        streams
            .buildImageCmd(context)
            .withTags(Set.of(tag))
            .withLabels(labels)
            .withPull(false)
            .withRemove(true)
            .withForcerm(true)
            .exec(
                new BuildImageResultCallback() {
                  @Override
                  public void onNext(BuildResponseItem item) {
                    super.onNext(item);
                    if (item.getStream() != null) {
                      synchronized (log) {
                        log.append(item.getStream());
                      }
                    }
                  }
                })) {
      try {
        if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new EngineException(
              EngineException.TIMEOUT,
              what + " did not finish within " + Math.max(1, timeout.toSeconds()) + " s");
        }
        return cb.awaitImageId();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineException(EngineException.TIMEOUT, what + " was interrupted", e);
      } catch (DockerClientException e) {
        String detail = e.getMessage();
        synchronized (log) {
          String last = log.toString().strip();
          int nl = last.lastIndexOf('\n');
          if (!last.isEmpty()) {
            detail = detail + " (" + (nl < 0 ? last : last.substring(nl + 1)) + ")";
          }
        }
        throw new EngineException(500, what + " failed: " + detail, e);
      }
    } catch (IOException e) {
      throw Conversions.error(what, new UncheckedIOException(e), endpoint);
    } catch (DockerException e) {
      throw Conversions.error(what, e, endpoint);
    }
  }
}
