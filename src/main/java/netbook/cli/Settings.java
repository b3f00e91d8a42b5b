package netbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import netbook.engine.docker.EngineDiscovery;
import netbook.lab.PrefixedEngine;

/**
 * What the environment says (read once, in {@link Main}): NETBOOK_ENGINE, NETBOOK_OFFLINE,
 * NETBOOK_REQUIRE_DOCKER, DOCKER_HOST, DOCKER_TLS_VERIFY, NO_COLOR, DOCKER_CONTEXT, DOCKER_CONFIG,
 * NETBOOK_BENCH_MARKS (a file the benchmark reads time stamps from), NETBOOK_SEED (reproducible
 * IDs, MACs and times on the embedded engine), NETBOOK_NAME_PREFIX (what the sessions' containers
 * and networks are named with: see PrefixedEngine); the whole environment and the home directory,
 * for finding the engine.
 */
record Settings(
    String engine,
    boolean offline,
    boolean requireDocker,
    String dockerHost,
    boolean tlsVerify,
    boolean noColor,
    String dockerContext,
    Path dockerConfig,
    String benchMarks,
    OptionalLong seed,
    String namePrefix,
    Map<String, String> env,
    Path home) {

  static Settings from(Map<String, String> env) {
    return new Settings(
        env.getOrDefault("NETBOOK_ENGINE", "auto"),
        truthy(env.get("NETBOOK_OFFLINE")),
        truthy(env.get("NETBOOK_REQUIRE_DOCKER")),
        env.getOrDefault("DOCKER_HOST", ""),
        truthy(env.get("DOCKER_TLS_VERIFY")),
        env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty(),
        env.getOrDefault("DOCKER_CONTEXT", ""),
        dockerConfig(env),
        env.getOrDefault("NETBOOK_BENCH_MARKS", ""),
        seed(env.get("NETBOOK_SEED")),
        namePrefix(env.getOrDefault("NETBOOK_NAME_PREFIX", "")),
        Map.copyOf(env),
        Path.of(System.getProperty("user.home")));
  }

  /** The places a Docker engine may answer, in the order they are tried (see EngineDiscovery). */
  List<EngineDiscovery.Candidate> engineCandidates() {
    return EngineDiscovery.candidates(env, home, Files::exists);
  }

  /** DOCKER_CONFIG, else ~/.docker, as the docker CLI finds its config and contexts. */
  private static Path dockerConfig(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    return Path.of(System.getProperty("user.home"), ".docker");
  }

  private static OptionalLong seed(String v) {
    if (v == null || v.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v.strip()));
    } catch (NumberFormatException e) {
      throw new netbook.NetbookException(
          "NETBOOK_SEED=" + v + " is not a whole number: use e.g. NETBOOK_SEED=42");
    }
  }

  private static String namePrefix(String v) {
    if (!v.isEmpty() && !PrefixedEngine.valid(v)) {
      throw new netbook.NetbookException(
          "NETBOOK_NAME_PREFIX="
              + v
              + " cannot start a Docker name (letters, digits, then also _ . -): use e.g."
              + " NETBOOK_NAME_PREFIX=soak1_");
    }
    return v;
  }

  private static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
  }
}
