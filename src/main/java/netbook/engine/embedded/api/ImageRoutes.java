package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.ImageCatalog;
import netbook.engine.embedded.model.ImageRecord;

/**
 * /images: list, inspect, create (an instant pull of the known names), remove, save (get) and load.
 */
final class ImageRoutes {
  private final DockerModel model;

  ImageRoutes(DockerModel model) {
    this.model = model;
  }

  ApiResponse route(ApiRequest req, List<String> seg) {
    String m = req.method();
    if (seg.size() == 2 && seg.get(1).equals("json") && m.equals("GET")) {
      ArrayNode out = DockerJson.array();
      model.images().forEach(i -> out.add(summary(i)));
      return ApiResponse.json(200, DockerJson.write(out));
    }
    if (seg.size() == 2 && seg.get(1).equals("create") && m.equals("POST")) {
      Map<String, String> q = req.query();
      String ref = q.getOrDefault("fromImage", "");
      String tag = q.getOrDefault("tag", "");
      return pull(tag.isEmpty() ? ref : ref + ":" + tag);
    }
    if (seg.size() == 2 && seg.get(1).equals("load") && m.equals("POST")) {
      StringBuilder sb = new StringBuilder();
      for (String ref : ImageArchive.references(req.body())) {
        ImageRecord i = model.pullImage(ref);
        sb.append(
                DockerJson.write(
                    DockerJson.object().put("stream", "Loaded image: " + i.reference() + "\n")))
            .append("\r\n");
      }
      return new ApiResponse(
          200, ApiResponse.JSON, sb.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }
    String name = String.join("/", seg.subList(1, seg.size()));
    if (m.equals("GET") && name.endsWith("/get")) {
      ImageRecord i = model.image(name.substring(0, name.length() - "/get".length()));
      return new ApiResponse(200, "application/x-tar", ImageArchive.save(i), Map.of());
    }
    if (m.equals("GET") && name.endsWith("/json")) {
      String ref = name.substring(0, name.length() - "/json".length());
      ImageRecord i = model.image(ref);
      return ApiResponse.json(200, DockerJson.write(inspect(i)));
    }
    if (m.equals("DELETE") && !name.isEmpty()) {
      ImageRecord i = model.removeImage(name, ContainerRoutes.truthy(req.query().get("force")));
      ArrayNode out = DockerJson.array();
      out.addObject().put("Untagged", i.reference());
      out.addObject().put("Deleted", i.id());
      return ApiResponse.json(200, DockerJson.write(out));
    }
    return null;
  }

  private ApiResponse pull(String ref) {
    boolean had = model.findImage(ref).isPresent();
    ImageRecord i = model.pullImage(ref);
    String repo = i.repository().contains("/") ? i.repository() : "library/" + i.repository();
    StringBuilder sb = new StringBuilder();
    sb.append(
            DockerJson.write(
                DockerJson.object().put("status", "Pulling from " + repo).put("id", i.tag())))
        .append("\r\n");
    sb.append(
            DockerJson.write(
                DockerJson.object()
                    .put(
                        "status",
                        "Digest: sha256:" + ImageCatalog.sha256("digest" + i.reference()))))
        .append("\r\n");
    String status =
        had ? "Status: Image is up to date for " : "Status: Downloaded newer image for ";
    sb.append(DockerJson.write(DockerJson.object().put("status", status + i.reference())))
        .append("\r\n");
    return new ApiResponse(
        200, ApiResponse.JSON, sb.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private static ObjectNode summary(ImageRecord i) {
    ObjectNode o = DockerJson.object();
    o.put("Containers", -1);
    o.put("Created", i.created().getEpochSecond());
    o.put("Id", i.id());
    o.putNull("Labels");
    o.put("ParentId", "");
    o.putArray("RepoDigests")
        .add(i.repository() + "@sha256:" + ImageCatalog.sha256("digest" + i.reference()));
    o.putArray("RepoTags").add(i.reference());
    o.put("SharedSize", -1);
    o.put("Size", i.size());
    o.put("VirtualSize", i.size());
    return o;
  }

  private static ObjectNode inspect(ImageRecord i) {
    ObjectNode o = DockerJson.object();
    o.put("Id", i.id());
    o.putArray("RepoTags").add(i.reference());
    o.putArray("RepoDigests")
        .add(i.repository() + "@sha256:" + ImageCatalog.sha256("digest" + i.reference()));
    o.put("Parent", "");
    o.put("Comment", "");
    o.put("Created", DockerJson.time(i.created()));
    o.put("DockerVersion", ApiRouter.SERVER_VERSION);
    o.put("Author", "");
    ObjectNode config = o.putObject("Config");
    config.put("Hostname", "");
    config.put("Domainname", "");
    config.put("User", "");
    if (i.web()) {
      config.putObject("ExposedPorts").putObject("80/tcp");
    }
    config.put("Tty", false);
    config.put("OpenStdin", false);
    config.set("Env", DockerJson.strings(i.env()));
    config.set("Cmd", DockerJson.strings(i.cmd()));
    config.put("Image", "");
    config.putNull("Volumes");
    config.put("WorkingDir", "");
    config.putNull("Entrypoint");
    config.putNull("OnBuild");
    config.putNull("Labels");
    o.put("Architecture", "amd64");
    o.put("Os", "linux");
    o.put("Size", i.size());
    o.put("VirtualSize", i.size());
    ObjectNode rootfs = o.putObject("RootFS");
    rootfs.put("Type", "layers");
    rootfs.putArray("Layers").add("sha256:" + ImageCatalog.sha256("layer" + i.reference()));
    return o;
  }
}
