package netbook.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerEngine;
import netbook.engine.docker.DockerEngines;
import netbook.engine.docker.EngineDiscovery;
import netbook.engine.docker.EngineDiscovery.Candidate;

/**
 * Opens the engine the user chose: docker, embedded, or auto (docker when a daemon answers). The
 * daemon is found as the docker CLI and Testcontainers find it ({@link EngineDiscovery}); one line
 * on stderr says which and why whenever it is not the plain default socket, and one line says what
 * to do when none answers.
 */
final class Engines {
  private Engines() {}

  /** A candidate tried: the engine when it answered, else the one line why not. */
  record Attempt(Candidate candidate, DockerEngine engine, String failure) {}

  static Engine open(EngineChoice choice, Settings settings, Consumer<String> notice) {
    if (choice == EngineChoice.EMBEDDED) {
      return embedded(settings, "--engine embedded (or NETBOOK_ENGINE=embedded)");
    }
    Duration timeout = Duration.ofSeconds(choice == EngineChoice.AUTO ? 2 : 5);
    List<Candidate> all;
    try {
      // a DOCKER_CONTEXT that does not exist is an error in every mode (auto would otherwise
      // quietly fall back to the embedded engine)
      all = settings.engineCandidates();
    } catch (EngineException e) {
      throw new NetbookException(e.getMessage());
    }
    List<Attempt> tried = new ArrayList<>();
    for (Candidate c : EngineDiscovery.toTry(all)) {
      DockerEngines.securityWarning(c).ifPresent(notice);
      Attempt a = attempt(c, timeout);
      tried.add(a);
      if (a.engine() != null) {
        if (!c.isPlainDefault() || tried.size() > 1) {
          notice.accept(chosenLine(tried));
        }
        a.engine().contexts(settings.dockerConfig()); // swarm(contexts("vm1", …)) finds them there
        return a.engine();
      }
    }
    String why = tried.get(0).failure();
    if (choice == EngineChoice.DOCKER) {
      throw new NetbookException(withFix(why, "start Docker, or use --engine embedded"));
    }
    if (settings.requireDocker()) {
      throw new NetbookException(
          why
              + " and NETBOOK_REQUIRE_DOCKER=1 forbids the embedded"
              + " engine: start dockerd, or set DOCKER_HOST");
    }
    notice.accept(why + " — using the embedded engine; results are modelled, not live");
    return embedded(settings, "auto: no Docker engine answered (" + why + ")");
  }

  /** Connects to one candidate; never throws for an engine that is not there. */
  static Attempt attempt(Candidate c, Duration timeout) {
    try {
      return new Attempt(c, DockerEngines.connect(c, timeout), null);
    } catch (EngineException e) {
      return new Attempt(c, null, e.getMessage());
    }
  }

  /** "netbook: using the Docker engine at X (why)", after what did not answer before it. */
  static String chosenLine(List<Attempt> tried) {
    StringBuilder sb = new StringBuilder("netbook: ");
    for (Attempt a : tried) {
      if (a.engine() == null) {
        sb.append(a.failure()).append("; ");
      }
    }
    Candidate c = tried.get(tried.size() - 1).candidate();
    return sb.append("using the Docker engine at ")
        .append(c.host())
        .append(" (")
        .append(c.source())
        .append(')')
        .toString();
  }

  /** The line, ended with {@code fix} (after "; or " when it already names one). */
  static String withFix(String line, String fix) {
    return line.startsWith("no Docker engine at ")
        ? line + ": " + fix
        : line + "; or use --engine embedded";
  }

  /** The Docker daemon if one answers within {@code timeout}, else null (no notice). */
  static Engine dockerQuietly(Settings settings, Duration timeout) {
    try {
      for (Candidate c : EngineDiscovery.toTry(settings.engineCandidates())) {
        Attempt a = attempt(c, timeout);
        if (a.engine() != null) {
          return a.engine();
        }
      }
    } catch (EngineException e) {
      // no such context: no daemon to train against
    }
    return null;
  }

  static Engine embedded(Settings settings) {
    return embedded(settings, "");
  }

  private static Engine embedded(Settings settings, String why) {
    DockerEngine e = DockerEngines.embedded(settings.seed());
    e.origin(why);
    return e;
  }
}
