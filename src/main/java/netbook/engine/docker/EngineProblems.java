package netbook.engine.docker;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import netbook.engine.EngineException;

/**
 * Why a candidate engine did not answer, as one line that names the fix: the socket is not there,
 * it is refused, it is ours to read but not to use (the docker group), it accepts and never
 * answers, or it belongs to a desktop product that is not running.
 */
final class EngineProblems {
  /** Products whose socket exists while their VM is stopped: "X is not running: start it". */
  private static final Set<String> DESKTOPS =
      Set.of("Docker Desktop", "Colima", "Rancher Desktop", "OrbStack");

  private EngineProblems() {}

  /** What went wrong, as one classified word. */
  enum Cause {
    ABSENT,
    REFUSED,
    PERMISSION,
    NO_ANSWER,
    TLS,
    OTHER
  }

  static Cause classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof DeadlineHttpClient.NoAnswer
          || t.getClass().getSimpleName().contains("Timeout")
          || m.contains("timed out")) {
        return Cause.NO_ANSWER;
      }
      if (m.contains("permission denied") || m.contains("access denied")) {
        return Cause.PERMISSION;
      }
      if (t instanceof NoSuchFileException
          || t instanceof FileNotFoundException
          || m.contains("no such file")) {
        return Cause.ABSENT;
      }
      if (t instanceof ConnectException || m.contains("connection refused")) {
        return Cause.REFUSED;
      }
      if (t instanceof SSLException) {
        return Cause.TLS;
      }
    }
    return Cause.OTHER;
  }

  /** The one line for a candidate that did not answer the first ping. */
  static String explain(EngineDiscovery.Candidate c, EngineException e) {
    Cause cause = classify(e);
    String host = c.host();
    String path = host.startsWith("unix://") ? host.substring("unix://".length()) : host;
    if (DESKTOPS.contains(c.product()) && cause != Cause.PERMISSION) {
      String start =
          switch (c.product()) {
            case "Colima" -> "start it (colima start)";
            case "Rancher Desktop" -> "start it (rdctl start)";
            case "OrbStack" -> "start it (orb start)";
            default -> "start it";
          };
      return c.product()
          + " is not running: "
          + start
          + " (its socket "
          + path
          + " "
          + how(cause)
          + ")";
    }
    if ("Podman".equals(c.product()) && cause != Cause.PERMISSION) {
      boolean rootful = path.startsWith("/run/");
      return "Podman's socket "
          + path
          + " "
          + how(cause)
          + ": "
          + (rootful
              ? "sudo systemctl start podman.socket"
              : "systemctl --user start podman.socket");
    }
    return switch (cause) {
      case PERMISSION ->
          "permission denied on "
              + path
              + ": add yourself to the docker group (sudo usermod -aG docker $USER), then log in"
              + " again (or run netbook with sudo)";
      case NO_ANSWER ->
          "the Docker engine at "
              + host
              + " accepts connections but did not answer within "
              + DockerEngines.RESPONSE_TIMEOUT.toSeconds()
              + " s: it is stuck or overloaded; restart it (sudo systemctl restart docker)";
      case ABSENT -> "no Docker engine at " + host + " (no such socket)";
      case REFUSED -> "no Docker engine at " + host + " (connection refused)";
      case TLS ->
          "no Docker engine at "
              + host
              + " (TLS failed: "
              + rootMessage(e)
              + "): check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY";
      default -> "no Docker engine at " + host + " (" + rootMessage(e) + ")";
    };
  }

  private static String how(Cause cause) {
    return switch (cause) {
      case ABSENT -> "is missing";
      case REFUSED -> "refuses connections";
      case NO_ANSWER -> "does not answer";
      default -> "does not work";
    };
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank()
        ? t.getClass().getSimpleName()
        : m.strip().lines().findFirst().orElse("");
  }
}
