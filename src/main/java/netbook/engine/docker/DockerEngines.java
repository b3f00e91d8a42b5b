package netbook.engine.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import netbook.engine.EngineException;
import netbook.engine.embedded.EmbeddedDockerApi;
import netbook.engine.embedded.model.EmbeddedOptions;

/** Opens the docker-java adapter on a real daemon. */
public final class DockerEngines {
  /**
   * How long an ordinary call waits for the daemon's answer: a daemon that hangs or went away ends
   * the call with "lost the Docker engine at …" within this.
   */
  public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(8);

  /** The bound of the stream calls (exec, logs, pull, a long stop); each also has its own wait. */
  static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

  private DockerEngines() {}

  private static DockerHttpClient http(
      DockerClientConfig cfg, URI host, Duration connect, Duration response) {
    return new ZerodepDockerHttpClient.Builder()
        .dockerHost(host)
        .sslConfig(cfg.getSSLConfig())
        .maxConnections(32)
        .connectionTimeout(connect)
        .responseTimeout(response)
        .build();
  }

  /**
   * Connects to the daemon the docker CLI would use (DOCKER_HOST, DOCKER_TLS_VERIFY,
   * DOCKER_CERT_PATH and the current docker context), or to {@code dockerHost} when it is given,
   * and checks that it answers within {@code timeout}. The API version is left unset, so the daemon
   * answers at its own version (works from API 1.41 up).
   */
  public static DockerEngine connect(String dockerHost, Duration timeout) {
    return connect(dockerHost, Optional.empty(), timeout);
  }

  /**
   * As {@link #connect(String, Duration)}, with a docker context (DOCKER_CONTEXT) that wins over
   * DOCKER_HOST, as it does in the docker CLI.
   */
  public static DockerEngine connect(
      String dockerHost, Optional<DockerContexts.Endpoint> context, Duration timeout) {
    DockerClientConfig cfg = config(dockerHost, context);
    URI host = cfg.getDockerHost();
    DockerHttpClient http = http(cfg, host, timeout, RESPONSE_TIMEOUT);
    DockerHttpClient streams = http(cfg, host, timeout, STREAM_TIMEOUT);
    boolean local = "unix".equals(host.getScheme()) || isLoopback(host);
    DockerEngine engine =
        new DockerEngine(
            cfg,
            http,
            streams,
            "docker",
            host.toString(),
            local ? new LocalHostInterfaces() : new DerivedHostInterfaces());
    try {
      engine.ping();
    } catch (EngineException e) {
      engine.close();
      throw new EngineException(EngineException.UNREACHABLE, "no Docker engine at " + host, e);
    }
    return engine;
  }

  /** The client configuration: the context's endpoint and TLS, else DOCKER_HOST and the env. */
  static DockerClientConfig config(String dockerHost, Optional<DockerContexts.Endpoint> context) {
    DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (context.isPresent()) {
      DockerContexts.Endpoint c = context.get();
      b.withDockerHost(c.host());
      b.withDockerTlsVerify(c.tlsDir().isPresent());
      c.tlsDir().ifPresent(d -> b.withDockerCertPath(d.toString()));
    } else if (dockerHost != null && !dockerHost.isBlank()) {
      b.withDockerHost(dockerHost);
    }
    try {
      return b.build();
    } catch (RuntimeException e) {
      // DOCKER_TLS_VERIFY=1 with a DOCKER_CERT_PATH that holds no certificates, a bad host URI
      throw new EngineException(
          EngineException.UNREACHABLE, "cannot configure the Docker client: " + e.getMessage(), e);
    }
  }

  /**
   * The warning for where {@link #connect} would go (the context's or DOCKER_HOST's daemon): plain
   * TCP to another machine. Empty when the configuration itself is broken (connect says why).
   */
  public static Optional<String> securityWarning(
      String dockerHost, Optional<DockerContexts.Endpoint> context) {
    DockerClientConfig cfg;
    try {
      cfg = config(dockerHost, context);
    } catch (EngineException e) {
      return Optional.empty();
    }
    return securityWarning(cfg.getDockerHost().toString(), cfg.getSSLConfig() != null);
  }

  /**
   * The docker-java adapter over the in-process embedded engine: the same client code, the same
   * JSON, answered without a socket. The lab images are present from the start.
   */
  public static DockerEngine embedded(EmbeddedDockerApi api) {
    DockerClientConfig cfg =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost("tcp://embedded.invalid:2375")
            .build();
    return new DockerEngine(
        cfg, new EmbeddedHttpClient(api), "embedded", "in-process", engine -> api.hostInterfaces());
  }

  /** An embedded engine with the lab images present, seeded when {@code seed} is given. */
  public static DockerEngine embedded(OptionalLong seed) {
    EmbeddedOptions o =
        EmbeddedOptions.defaults()
            .withPreloadedImages(
                List.of("netbook/toolbox:latest", "netbook/web:latest", "netbook/bare:latest"));
    if (seed.isPresent()) {
      o = o.withSeed(seed.getAsLong());
    }
    return embedded(new EmbeddedDockerApi(o));
  }

  /**
   * A warning for an engine reached over plain TCP on another machine: anyone who can reach that
   * port controls the engine, and the traffic is readable. Empty for unix sockets, loopback and
   * TLS.
   */
  public static Optional<String> securityWarning(String dockerHost, boolean tlsVerify) {
    if (dockerHost == null || dockerHost.isBlank()) {
      return Optional.empty();
    }
    URI host = URI.create(dockerHost);
    if (!"tcp".equals(host.getScheme()) || isLoopback(host) || tlsVerify) {
      return Optional.empty();
    }
    return Optional.of(
        "warning: the Docker engine at "
            + dockerHost
            + " is another machine without TLS:"
            + " anyone who reaches that port controls its engine; set DOCKER_TLS_VERIFY=1 and"
            + " DOCKER_CERT_PATH, or use an ssh tunnel to a loopback port");
  }

  /** Whether a tcp:// host is on this machine (127.x, localhost, ::1). */
  public static boolean isLoopback(URI host) {
    String h = host.getHost();
    return h != null
        && (h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]"));
  }
}
