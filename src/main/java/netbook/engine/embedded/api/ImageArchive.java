package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.model.ApiException;
import netbook.engine.embedded.model.ImageRecord;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * What {@code docker save} writes and {@code docker load} reads, as far as the embedded engine
 * needs: a tar archive whose manifest.json names the images (their RepoTags); the layers are left
 * out, the catalogue knows what an image does. A real daemon's archive loads too (by its tags).
 */
final class ImageArchive {
  private ImageArchive() {}

  /** The archive of one image: the image's config and manifest.json. */
  static byte[] save(ImageRecord i) {
    String config = i.id().substring(7) + ".json";
    ObjectNode entry = DockerJson.object().put("Config", config);
    entry.set("RepoTags", DockerJson.strings(List.of(i.reference())));
    entry.set("Layers", DockerJson.array());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      add(tar, config, DockerJson.write(DockerJson.object().put("architecture", "amd64")));
      add(tar, "manifest.json", DockerJson.write(DockerJson.array().add(entry)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The references an archive's manifest.json names, or dockerd's error for another archive. */
  static List<String> references(byte[] archive) {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().equals("manifest.json")) {
          JsonNode manifest = DockerJson.read(tar.readAllBytes());
          List<String> refs = new ArrayList<>();
          manifest.forEach(m -> refs.addAll(DockerJson.list(m, "RepoTags")));
          return refs;
        }
      }
    } catch (IOException e) {
      throw ApiException.badRequest("Error processing tar file(" + e.getMessage() + "): ");
    }
    throw ApiException.serverError(
        "open /var/lib/docker/tmp/docker-import-0/repositories: no such file or directory");
  }

  private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(body.length);
    tar.putArchiveEntry(e);
    tar.write(body);
    tar.closeArchiveEntry();
  }
}
