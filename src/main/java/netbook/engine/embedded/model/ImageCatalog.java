package netbook.engine.embedded.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images the embedded engine can "pull" (instantly, without a registry), and those it holds.
 * Image ids are derived from the reference, so they are the same in every run.
 */
public final class ImageCatalog {
  static final String PATH_ENV =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final List<String> BIN_PATH = List.of("PATH=/bin");

  private static final Map<String, ImageRecord.Contents> KNOWN =
      Map.of(
          "ubuntu",
              new ImageRecord.Contents(
                  77_862_149L, List.of("/bin/bash"), List.of(PATH_ENV), ImageRecord.Kind.TOOLBOX),
          "alpine",
              new ImageRecord.Contents(
                  7_794_070L, List.of("/bin/sh"), List.of(PATH_ENV), ImageRecord.Kind.TOOLBOX),
          "busybox",
              new ImageRecord.Contents(
                  4_261_550L, List.of("sh"), List.of(PATH_ENV), ImageRecord.Kind.TOOLBOX),
          "nginx",
              new ImageRecord.Contents(
                  187_694_648L,
                  List.of("nginx", "-g", "daemon off;"),
                  List.of(PATH_ENV),
                  ImageRecord.Kind.NGINX),
          "netbook/toolbox",
              new ImageRecord.Contents(
                  1_985_472L,
                  List.of("sh"),
                  List.of("PATH=/bin", "PS1=\\u@\\h:\\w# "),
                  ImageRecord.Kind.TOOLBOX),
          "netbook/web",
              new ImageRecord.Contents(
                  1_985_472L,
                  List.of("httpd", "-f", "-v", "-p", "80", "-h", "/www"),
                  BIN_PATH,
                  ImageRecord.Kind.LAB_WEB),
          "netbook/bare",
              new ImageRecord.Contents(
                  1_985_472L, List.of("sleep", "2147483647"), BIN_PATH, ImageRecord.Kind.BARE),
          "netbook/node",
              new ImageRecord.Contents(
                  412_318_720L,
                  List.of(
                      "dockerd", "-H", "unix:///var/run/docker.sock", "-H", "tcp://0.0.0.0:2375"),
                  List.of(PATH_ENV),
                  ImageRecord.Kind.NODE));

  private final Map<String, ImageRecord> present = new LinkedHashMap<>();

  /** Splits a reference into repository and tag: nginx → nginx:latest; library/ and docker.io/. */
  static String[] split(String ref) {
    String r = ref.trim();
    for (String prefix : List.of("docker.io/library/", "docker.io/", "library/")) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length());
      }
    }
    int at = r.indexOf('@');
    if (at >= 0) {
      r = r.substring(0, at);
    }
    int colon = r.lastIndexOf(':');
    if (colon > r.lastIndexOf('/')) {
      return new String[] {r.substring(0, colon), r.substring(colon + 1)};
    }
    return new String[] {r, "latest"};
  }

  static String normalize(String ref) {
    String[] rt = split(ref);
    return rt[0] + ":" + rt[1];
  }

  /** Whether a pull of this reference succeeds (any tag of a known repository). */
  static boolean pullable(String ref) {
    return KNOWN.containsKey(split(ref)[0]);
  }

  ImageRecord pull(String ref) {
    String[] rt = split(ref);
    ImageRecord.Contents k = KNOWN.get(rt[0]);
    if (k == null) {
      throw ApiException.notFound(
          "pull access denied for "
              + rt[0]
              + ", repository does not exist or may require 'docker login': denied: requested"
              + " access to the resource is denied");
    }
    return present.computeIfAbsent(
        rt[0] + ":" + rt[1],
        key ->
            new ImageRecord(
                rt[0], rt[1], "sha256:" + sha256(key), Instant.parse("2024-01-01T00:00:00Z"), k));
  }

  Optional<ImageRecord> find(String ref) {
    ImageRecord byName = present.get(normalize(ref));
    if (byName != null) {
      return Optional.of(byName);
    }
    String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
    if (hex.length() >= 4) {
      for (ImageRecord image : present.values()) {
        if (image.id().substring(7).startsWith(hex)) {
          return Optional.of(image);
        }
      }
    }
    return Optional.empty();
  }

  /** An image by reference or id prefix, or Docker's "no such image". */
  ImageRecord get(String ref) {
    return find(ref)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no such image: " + ref + ": No such image: " + normalize(ref)));
  }

  List<ImageRecord> all() {
    return new ArrayList<>(present.values());
  }

  boolean remove(ImageRecord image) {
    return present.values().remove(image);
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
