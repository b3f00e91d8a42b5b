package netbook.cli;

import java.util.Map;

/**
 * What the environment says (read once, in {@link Main}): NETBOOK_ENGINE, NETBOOK_OFFLINE,
 * NETBOOK_REQUIRE_DOCKER, DOCKER_HOST, DOCKER_TLS_VERIFY, NO_COLOR, NETBOOK_BENCH_MARKS (a file the
 * benchmark reads time stamps from).
 */
record Settings(
    String engine,
    boolean offline,
    boolean requireDocker,
    String dockerHost,
    boolean tlsVerify,
    boolean noColor,
    String benchMarks) {

  static Settings from(Map<String, String> env) {
    return new Settings(
        env.getOrDefault("NETBOOK_ENGINE", "auto"),
        truthy(env.get("NETBOOK_OFFLINE")),
        truthy(env.get("NETBOOK_REQUIRE_DOCKER")),
        env.getOrDefault("DOCKER_HOST", ""),
        truthy(env.get("DOCKER_TLS_VERIFY")),
        env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty(),
        env.getOrDefault("NETBOOK_BENCH_MARKS", ""));
  }

  private static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
  }
}
