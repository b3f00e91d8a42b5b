package netbook.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import netbook.engine.EngineException;

/**
 * The docker CLI's contexts: {@code DOCKER_CONTEXT=name} (or the config's currentContext) names
 * {@code <DOCKER_CONFIG>/contexts/meta/<sha256(name)>/meta.json}, whose docker endpoint is the
 * daemon (unix, tcp or ssh); its TLS files, when the context has them, are in {@code
 * contexts/tls/<sha256(name)>/docker}. DOCKER_HOST wins over both, as in the docker CLI (see
 * EngineDiscovery).
 */
public final class DockerContexts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerContexts() {}

  /** A context's daemon and, when it has TLS material, the directory of ca/cert/key.pem. */
  public record Endpoint(String name, String host, Optional<Path> tlsDir) {}

  /**
   * The endpoint of {@code name} in the docker config directory; empty for "default" (the
   * DOCKER_HOST or the local socket). Throws one line when the context does not exist.
   */
  public static Optional<Endpoint> resolve(String name, Path configDir) {
    if (name == null || name.isBlank() || name.equals("default")) {
      return Optional.empty();
    }
    String hash = sha256(name);
    Path meta = configDir.resolve("contexts").resolve("meta").resolve(hash).resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      throw new EngineException(
          EngineException.UNREACHABLE,
          "docker context \"" + name + "\" does not exist (no " + meta + "): docker context ls");
    }
    JsonNode host;
    try {
      host =
          JSON.readTree(Files.readString(meta, StandardCharsets.UTF_8))
              .at("/Endpoints/docker/Host");
    } catch (IOException e) {
      throw new EngineException(
          EngineException.UNREACHABLE,
          "docker context \""
              + name
              + "\": cannot read "
              + meta
              + ": "
              + netbook.Problems.io(e)
              + "; check it with docker context inspect "
              + name);
    }
    if (host.isMissingNode() || host.asText().isBlank()) {
      throw new EngineException(
          EngineException.UNREACHABLE,
          "docker context \"" + name + "\" has no docker endpoint in " + meta);
    }
    String h = host.asText();
    Path tls = configDir.resolve("contexts").resolve("tls").resolve(hash).resolve("docker");
    return Optional.of(
        new Endpoint(
            name,
            h,
            Files.isRegularFile(tls.resolve("ca.pem")) ? Optional.of(tls) : Optional.empty()));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
