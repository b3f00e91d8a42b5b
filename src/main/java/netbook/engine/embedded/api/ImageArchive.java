package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.model.ApiException;
import netbook.engine.embedded.model.ImageRecord;

/**
 * What {@code docker save} writes and {@code docker load} reads, as far as the embedded engine
 * needs: a tar archive whose manifest.json names the images (their RepoTags); the layers are left
 * out, the catalogue knows what an image does.
 */
final class ImageArchive {
  private ImageArchive() {}

  /** The archive of one image: manifest.json and the image's config. */
  static byte[] save(ImageRecord i) {
    String config = i.id().substring(7) + ".json";
    String manifest =
        DockerJson.write(
            DockerJson.array()
                .add(
                    DockerJson.object()
                        .put("Config", config)
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                            "RepoTags", DockerJson.strings(List.of(i.reference())))
                        .set("Layers", DockerJson.array())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entry(out, config, DockerJson.write(DockerJson.object().put("architecture", "amd64")));
    entry(out, "manifest.json", manifest);
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  /** The references an archive's manifest.json names, or Docker's error for another archive. */
  static List<String> references(byte[] tar) {
    int at = 0;
    while (at + 512 <= tar.length) {
      String name = field(tar, at, 0, 100);
      if (name.isEmpty()) {
        break;
      }
      int size = Integer.parseInt(field(tar, at, 124, 12).trim(), 8);
      if (name.equals("manifest.json")) {
        JsonNode manifest =
            DockerJson.read(java.util.Arrays.copyOfRange(tar, at + 512, at + 512 + size));
        List<String> refs = new ArrayList<>();
        manifest.forEach(m -> refs.addAll(DockerJson.list(m, "RepoTags")));
        return refs;
      }
      at += 512 + (size + 511) / 512 * 512;
    }
    throw ApiException.serverError(
        "open /var/lib/docker/tmp/docker-import-0/repositories: no such file or directory");
  }

  private static String field(byte[] tar, int at, int offset, int length) {
    int end = at + offset;
    while (end < at + offset + length && tar[end] != 0) {
      end++;
    }
    return new String(tar, at + offset, end - at - offset, StandardCharsets.US_ASCII);
  }

  private static void entry(ByteArrayOutputStream out, String name, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", body.length));
    put(h, 136, String.format("%011o", 0));
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    out.writeBytes(h);
    out.writeBytes(body);
    out.writeBytes(new byte[(512 - body.length % 512) % 512]);
  }

  private static void put(byte[] h, int offset, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, offset, b.length);
  }
}
