package netbook.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import netbook.engine.EngineException;

/**
 * Where the Docker engine is, found the way the docker CLI and Testcontainers find it, each place
 * with the reason it was chosen:
 *
 * <ol>
 *   <li>{@code DOCKER_HOST} (unix, tcp, tcp with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, ssh): the only
 *       place then; it wins over DOCKER_CONTEXT, as in the docker CLI;
 *   <li>{@code DOCKER_CONTEXT}, else the config's {@code currentContext} (not "default");
 *   <li>the well-known sockets, in order: Docker Desktop ({@code ~/.docker/run/docker.sock}, {@code
 *       ~/.docker/desktop/docker.sock}), Colima, Rancher Desktop, OrbStack, Podman (rootless, then
 *       rootful), and the default {@code /var/run/docker.sock}.
 * </ol>
 *
 * Pure over the environment, the home directory and a "socket exists" test, so that it can be tried
 * over a temporary HOME. Connecting is {@link DockerEngines#connect(Candidate,
 * java.time.Duration)}'s business.
 */
public final class EngineDiscovery {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The socket the docker CLI uses when nothing else is said. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private EngineDiscovery() {}

  /**
   * A place an engine may answer.
   *
   * @param host the endpoint: unix://…, tcp://…, ssh://…
   * @param source why it is a candidate, for people ("DOCKER_HOST", "Colima's socket …")
   * @param product who usually serves it ("Docker Desktop", "Colima", "Podman", … or "Docker")
   * @param present for a socket, whether it exists; true for everything else
   * @param explicit the user named it (DOCKER_HOST, a context): nothing else is tried
   * @param tlsVerify whether to speak TLS, with the ca/cert/key.pem in {@code certPath}
   * @param sshOptions extra ssh options (NETBOOK_SSH_OPTS) for ssh:// hosts
   */
  public record Candidate(
      String host,
      String source,
      String product,
      boolean present,
      boolean explicit,
      boolean tlsVerify,
      Optional<Path> certPath,
      List<String> sshOptions) {

    /** Whether this is the docker CLI's plain default, which needs no word at start. */
    public boolean isPlainDefault() {
      return DEFAULT_HOST.equals(host) || "unix:///run/docker.sock".equals(host);
    }

    /** "unix:///…/docker.sock (Colima's socket)". */
    @Override
    public String toString() {
      return host + " (" + source + ")";
    }
  }

  /** A well-known socket: its path under HOME (or absolute), and whose it is. */
  private record Known(String path, String product, boolean underHome, String envBase) {}

  private static final List<Known> KNOWN =
      List.of(
          new Known(".docker/run/docker.sock", "Docker Desktop", true, null),
          new Known(".docker/desktop/docker.sock", "Docker Desktop", true, null),
          new Known(".colima/default/docker.sock", "Colima", true, null),
          new Known(".rd/docker.sock", "Rancher Desktop", true, null),
          new Known(".orbstack/run/docker.sock", "OrbStack", true, null),
          new Known("podman/podman.sock", "Podman", false, "XDG_RUNTIME_DIR"),
          new Known("/run/podman/podman.sock", "Podman", false, null),
          new Known("/var/run/docker.sock", "Docker", false, null));

  /**
   * The candidates in the order they are tried. When DOCKER_HOST or a context names the engine,
   * that alone (explicit); otherwise every well-known socket, with {@link Candidate#present} saying
   * which exist (the default /var/run/docker.sock is always last, present or not).
   *
   * @throws EngineException when DOCKER_CONTEXT names a context that does not exist
   */
  public static List<Candidate> candidates(
      Map<String, String> env, Path home, Predicate<Path> socketExists) {
    List<String> ssh = sshOptions(env.get("NETBOOK_SSH_OPTS"));
    Path config = configDir(env, home);
    String dockerHost = env.getOrDefault("DOCKER_HOST", "").strip();
    if (!dockerHost.isEmpty()) {
      boolean tls = truthy(env.get("DOCKER_TLS_VERIFY"));
      String certs = env.getOrDefault("DOCKER_CERT_PATH", "").strip();
      String ctx = env.getOrDefault("DOCKER_CONTEXT", "").strip();
      String source =
          "DOCKER_HOST"
              + (ctx.isEmpty() || ctx.equals("default")
                  ? ""
                  : ", which wins over DOCKER_CONTEXT=" + ctx + " as in the docker CLI");
      return List.of(
          new Candidate(
              dockerHost,
              source,
              productOf(dockerHost, home),
              true,
              true,
              tls,
              tls ? Optional.of(certs.isEmpty() ? config : Path.of(certs)) : Optional.empty(),
              ssh));
    }
    String ctxName = env.getOrDefault("DOCKER_CONTEXT", "").strip();
    String source = "DOCKER_CONTEXT=" + ctxName;
    if (ctxName.isEmpty()) {
      ctxName = currentContext(config);
      source = "docker context " + ctxName + ", currentContext in " + config.resolve("config.json");
    }
    Optional<DockerContexts.Endpoint> ctx = DockerContexts.resolve(ctxName, config);
    if (ctx.isPresent()) {
      DockerContexts.Endpoint e = ctx.get();
      return List.of(
          new Candidate(
              e.host(),
              source,
              productOf(e.host(), home),
              true,
              true,
              e.tlsDir().isPresent(),
              e.tlsDir(),
              ssh));
    }
    List<Candidate> out = new ArrayList<>();
    for (Known k : KNOWN) {
      Path p;
      if (k.underHome()) {
        p = home.resolve(k.path());
      } else if (k.envBase() != null) {
        String base = env.getOrDefault(k.envBase(), "");
        if (base.isBlank()) {
          continue;
        }
        p = Path.of(base).resolve(k.path());
      } else {
        p = Path.of(k.path());
      }
      boolean isDefault = k.path().equals("/var/run/docker.sock");
      String why =
          isDefault
              ? "the default socket"
              : k.product() + "'s socket" + (k.product().equals("Podman") ? "" : " in your home");
      out.add(
          new Candidate(
              "unix://" + p,
              why,
              k.product(),
              socketExists.test(p),
              false,
              false,
              Optional.empty(),
              ssh));
    }
    return out;
  }

  /** The candidates worth connecting to: the present ones, and always the last (the default). */
  public static List<Candidate> toTry(List<Candidate> all) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Candidate c = all.get(i);
      if (c.present() || i == all.size() - 1) {
        out.add(c);
      }
    }
    return out;
  }

  /** DOCKER_CONFIG, else ~/.docker. */
  public static Path configDir(Map<String, String> env, Path home) {
    String dir = env.get("DOCKER_CONFIG");
    return dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker");
  }

  /** The config's currentContext, "" when there is none (or no readable config). */
  static String currentContext(Path configDir) {
    Path f = configDir.resolve("config.json");
    if (!Files.isRegularFile(f)) {
      return "";
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8)).get("currentContext");
      return n == null ? "" : n.asText("").strip();
    } catch (IOException e) {
      return ""; // the docker CLI would complain about the file; netbook only needs the context
    }
  }

  /** Whose a host usually is, from its path: "Colima" for ~/.colima/…, else "Docker". */
  static String productOf(String host, Path home) {
    if (host.startsWith("ssh://")) {
      return "Docker over ssh";
    }
    if (host.startsWith("unix://")) {
      String path = host.substring("unix://".length());
      for (Known k : KNOWN) {
        String full =
            k.underHome() ? home.resolve(k.path()).toString() : k.envBase() != null ? "" : k.path();
        if (!full.isEmpty() && path.equals(full)
            || k.envBase() != null && path.endsWith("/" + k.path())) {
          return k.product();
        }
      }
    }
    return "Docker";
  }

  static List<String> sshOptions(String opts) {
    if (opts == null || opts.isBlank()) {
      return List.of();
    }
    return List.copyOf(Arrays.asList(opts.strip().split("\\s+")));
  }

  private static boolean truthy(String v) {
    return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }
}
