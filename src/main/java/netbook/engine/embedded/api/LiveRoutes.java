package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.model.ApiException;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.ExecState;

/**
 * The answers that go on after their head, for a server whose connections can stay open: exec start
 * and attach take over the connection ({@link ExecSession}, {@link AttachSession}), {@code
 * logs?follow=1} streams the log until the container stops, and a wait that has to wait ({@code
 * condition=next-exit}, {@code removed}, or a running container) answers when it is over. Null for
 * everything else, which {@link ApiRouter} answers whole.
 */
final class LiveRoutes {
  private final DockerModel model;
  private final Busybox busybox;

  LiveRoutes(DockerModel model, Busybox busybox) {
    this.model = model;
    this.busybox = busybox;
  }

  ApiResponse route(ApiRequest req, List<String> seg) {
    if (seg.size() != 3) {
      return null;
    }
    String call = req.method() + " " + seg.get(0) + " " + seg.get(2);
    Map<String, String> q = req.query();
    switch (call) {
      case "POST exec start":
        JsonNode body = DockerJson.read(req.body());
        if (body.path("Detach").asBoolean(false)) {
          return null;
        }
        ExecState e = model.exec(seg.get(1));
        ContainerState in = model.startExec(e);
        boolean tty = body.path("Tty").asBoolean(e.tty());
        return ApiResponse.hijacked(new ExecSession(model, busybox, e, in, tty)::run);
      case "POST containers attach":
        ContainerState c = model.container(seg.get(1));
        return ApiResponse.hijacked(new AttachSession(model, busybox, c, q)::run);
      case "GET containers logs":
        return ContainerRoutes.truthy(q.get("follow"))
            ? follow(model.container(seg.get(1)), q)
            : null;
      case "POST containers wait":
        return waitFor(model.container(seg.get(1)), q.getOrDefault("condition", ""));
      default:
        return null;
    }
  }

  private ApiResponse follow(ContainerState c, Map<String, String> q) {
    boolean out = ContainerRoutes.truthy(q.get("stdout"));
    boolean err = ContainerRoutes.truthy(q.get("stderr"));
    if (!out && !err) {
      return null; // the router refuses it
    }
    LogPump pump = new LogPump(model, c, out, err);
    return ApiResponse.streamed(
        ApiResponse.RAW_STREAM, (in, o) -> pump.run(o, 0, () -> !c.running()));
  }

  /** Waits as dockerd does: not-running (the default), next-exit, or removed. */
  private ApiResponse waitFor(ContainerState c, String condition) {
    Instant lastExit = c.finishedAt();
    java.util.function.BooleanSupplier over =
        switch (condition) {
          case "", "not-running" -> () -> !c.running();
          case "next-exit" -> () -> c.finishedAt() != lastExit || gone(c);
          case "removed" -> () -> gone(c);
          default ->
              throw ApiException.badRequest(
                  "invalid condition: \""
                      + condition
                      + "\": use not-running, next-exit or removed");
        };
    if (over.getAsBoolean() && !condition.equals("removed")) {
      return null; // answered at once by the router
    }
    return ApiResponse.streamed(
        ApiResponse.JSON,
        (in, out) -> {
          int code;
          synchronized (model) {
            while (!over.getAsBoolean()) {
              model.wait(LogPump.WAIT_SLICE_MILLIS);
            }
            code = c.exitCode();
          }
          ObjectNode o = DockerJson.object();
          o.put("StatusCode", code);
          o.putNull("Error");
          out.write((DockerJson.write(o) + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        });
  }

  private boolean gone(ContainerState c) {
    return model.containerById(c.id()).isEmpty();
  }

  @Override
  public String toString() {
    return "live routes (exec start, attach, logs follow, wait)";
  }
}
