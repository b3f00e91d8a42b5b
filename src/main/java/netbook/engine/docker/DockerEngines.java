package netbook.engine.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.nio.file.Path;
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
   * the call with "the Docker engine at … stopped answering" within this (on every transport: see
   * {@link DeadlineHttpClient} for unix sockets).
   */
  public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(8);

  /** The bound of the stream calls (exec, logs, pull, a long stop); each also has its own wait. */
  static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

  private DockerEngines() {}

  private static DockerHttpClient http(
      DockerClientConfig cfg, URI host, Duration connect, Duration response) {
    DockerHttpClient c =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(host)
            .sslConfig(cfg.getSSLConfig())
            .maxConnections(32)
            .connectionTimeout(connect)
            .responseTimeout(response)
            .build();
    // on a unix socket the transport's own response timeout never fires (see DeadlineHttpClient)
    return "unix".equals(host.getScheme()) ? new DeadlineHttpClient(c, response) : c;
  }

  /**
   * Connects to {@code dockerHost} (or, when it is blank, the docker CLI's default socket) and
   * checks that it answers within {@code timeout}.
   */
  public static DockerEngine connect(String dockerHost, Duration timeout) {
    return connect(dockerHost, Optional.empty(), timeout);
  }

  /** As {@link #connect(String, Duration)}, with a docker context that names the daemon instead. */
  public static DockerEngine connect(
      String dockerHost, Optional<DockerContexts.Endpoint> context, Duration timeout) {
    EngineDiscovery.Candidate c;
    if (context.isPresent()) {
      DockerContexts.Endpoint e = context.get();
      c =
          new EngineDiscovery.Candidate(
              e.host(),
              "docker context " + e.name(),
              "Docker",
              true,
              true,
              e.tlsDir().isPresent(),
              e.tlsDir(),
              List.of());
    } else {
      String h = dockerHost == null || dockerHost.isBlank() ? defaultHost() : dockerHost;
      c =
          new EngineDiscovery.Candidate(
              h, "DOCKER_HOST", "Docker", true, true, false, Optional.empty(), List.of());
    }
    return connect(c, timeout);
  }

  /**
   * Connects to a discovered candidate and checks that it answers: within {@code timeout} for the
   * connection, {@link #RESPONSE_TIMEOUT} for the answer, on every transport. An ssh:// host is
   * reached through {@link SshBridge}. The API version is left unset, so the daemon answers at its
   * own version (works from API 1.41 up). A failure is one line that says what to do.
   */
  public static DockerEngine connect(EngineDiscovery.Candidate c, Duration timeout) {
    SshBridge bridge = null;
    String target = c.host();
    if (target.startsWith("ssh://")) {
      bridge = SshBridge.open(target, c.sshOptions(), timeout.plusSeconds(3));
      target = bridge.unixHost();
    }
    DockerEngine engine;
    try {
      DockerClientConfig cfg = config(target, c.tlsVerify(), c.certPath());
      URI host = cfg.getDockerHost();
      DockerHttpClient http = http(cfg, host, timeout, RESPONSE_TIMEOUT);
      DockerHttpClient streams = http(cfg, host, timeout, STREAM_TIMEOUT);
      boolean local =
          "unix".equals(URI.create(c.host()).getScheme()) || isLoopback(URI.create(c.host()));
      engine =
          new DockerEngine(
              cfg,
              http,
              streams,
              "docker",
              c.host(),
              local ? new LocalHostInterfaces() : new DerivedHostInterfaces());
    } catch (RuntimeException e) {
      if (bridge != null) {
        bridge.close();
      }
      throw e;
    }
    engine.origin(c.source());
    if (bridge != null) {
      engine.onClose(bridge);
    }
    try {
      engine.ping();
    } catch (EngineException e) {
      String why = bridge == null ? "" : bridge.diagnosis();
      engine.close();
      throw new EngineException(
          EngineException.UNREACHABLE, why.isEmpty() ? EngineProblems.explain(c, e) : why, e);
    }
    return engine;
  }

  /** docker-java's own idea of the daemon (DOCKER_HOST, its config), else the default socket. */
  private static String defaultHost() {
    try {
      return DefaultDockerClientConfig.createDefaultConfigBuilder()
          .build()
          .getDockerHost()
          .toString();
    } catch (RuntimeException e) {
      return EngineDiscovery.DEFAULT_HOST;
    }
  }

  /** The client configuration: the context's endpoint and TLS, else DOCKER_HOST and the env. */
  static DockerClientConfig config(String dockerHost, Optional<DockerContexts.Endpoint> context) {
    if (context.isPresent()) {
      DockerContexts.Endpoint c = context.get();
      return config(c.host(), c.tlsDir().isPresent(), c.tlsDir());
    }
    return config(
        dockerHost == null || dockerHost.isBlank() ? defaultHost() : dockerHost,
        false,
        Optional.empty());
  }

  /** The client configuration for one host, with TLS from {@code certPath} when asked for. */
  static DockerClientConfig config(String host, boolean tlsVerify, Optional<Path> certPath) {
    DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
    b.withDockerHost(host);
    b.withDockerTlsVerify(tlsVerify);
    certPath.ifPresent(d -> b.withDockerCertPath(d.toString()));
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

  /** The warning for a discovered candidate: plain TCP to another machine. */
  public static Optional<String> securityWarning(EngineDiscovery.Candidate c) {
    return securityWarning(c.host(), c.tlsVerify());
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
                List.of(
                    "netbook/toolbox:latest",
                    "netbook/web:latest",
                    "netbook/bare:latest",
                    "netbook/node:latest"));
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
