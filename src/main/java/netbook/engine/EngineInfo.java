package netbook.engine;

/**
 * Which engine a session talks to: {@code kind} is "docker" or "embedded", {@code endpoint} where
 * it answers (unix:///var/run/docker.sock, or "in-process"), {@code origin} why it was chosen
 * ("DOCKER_HOST", "the default socket"; "" when nobody said).
 */
public record EngineInfo(
    String kind, String endpoint, String serverVersion, String apiVersion, String origin) {
  public EngineInfo(String kind, String endpoint, String serverVersion, String apiVersion) {
    this(kind, endpoint, serverVersion, apiVersion, "");
  }

  public boolean embedded() {
    return "embedded".equals(kind);
  }

  @Override
  public String toString() {
    return kind
        + " engine at "
        + endpoint
        + " (Docker "
        + serverVersion
        + ", API "
        + apiVersion
        + ")";
  }
}
