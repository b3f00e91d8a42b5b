package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.busybox.ShellResult;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.ExecState;

/** /exec/{id}/start and /exec/{id}/json (exec instances are created under /containers). */
final class ExecRoutes {
  private final DockerModel model;
  private final Busybox busybox;

  ExecRoutes(DockerModel model, Busybox busybox) {
    this.model = model;
    this.busybox = busybox;
  }

  ApiResponse route(ApiRequest req, List<String> seg) {
    if (seg.size() != 3) {
      return null;
    }
    ExecState e = model.exec(seg.get(1));
    if (req.method().equals("POST") && seg.get(2).equals("start")) {
      return start(e, DockerJson.read(req.body()));
    }
    if (req.method().equals("POST") && seg.get(2).equals("resize")) {
      return ApiResponse.empty(200); // a modelled TTY has no size
    }
    if (req.method().equals("GET") && seg.get(2).equals("json")) {
      return ApiResponse.json(200, DockerJson.write(inspect(e)));
    }
    return null;
  }

  private ApiResponse start(ExecState e, JsonNode body) {
    ContainerState c = model.startExec(e);
    boolean tty = body.path("Tty").asBoolean(e.tty());
    ShellResult r = busybox.exec(c, e.cmd());
    model.execExited(e, r.exitCode());
    if (body.path("Detach").asBoolean(false)) {
      return ApiResponse.empty(200);
    }
    StreamFrames frames = new StreamFrames(tty);
    if (e.attachStdout()) {
      frames.add(StreamFrames.STDOUT, r.stdout());
    }
    if (e.attachStderr()) {
      frames.add(tty ? StreamFrames.STDOUT : StreamFrames.STDERR, r.stderr());
    }
    return new ApiResponse(200, ApiResponse.RAW_STREAM, frames.bytes(), Map.of());
  }

  private static ObjectNode inspect(ExecState e) {
    ObjectNode o = DockerJson.object();
    o.put("ID", e.id());
    o.put("Running", e.started() && e.exitCode() == null);
    if (e.exitCode() == null) {
      o.putNull("ExitCode");
    } else {
      o.put("ExitCode", e.exitCode());
    }
    ObjectNode p = o.putObject("ProcessConfig");
    p.put("tty", e.tty());
    p.put("entrypoint", e.cmd().get(0));
    p.set("arguments", DockerJson.strings(e.cmd().subList(1, e.cmd().size())));
    p.put("privileged", false);
    o.put("OpenStdin", e.attachStdin());
    o.put("OpenStderr", e.attachStderr());
    o.put("OpenStdout", e.attachStdout());
    o.put("CanRemove", false);
    o.put("ContainerID", e.containerId());
    o.put("DetachKeys", "");
    o.put("Pid", e.pid());
    return o;
  }
}
