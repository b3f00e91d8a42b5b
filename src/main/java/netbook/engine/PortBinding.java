package netbook.engine;

/**
 * A published port: {@code hostIp:hostPort -> containerPort/protocol}. An empty hostIp means all
 * interfaces (0.0.0.0); hostPort 0 asks the engine for a free port.
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {
  public PortBinding {
    hostIp = hostIp == null ? "" : hostIp;
    protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
  }

  public static PortBinding tcp(int hostPort, int containerPort) {
    return new PortBinding("", hostPort, containerPort, "tcp");
  }

  /** As {@code docker ps} prints it: 0.0.0.0:8080->80/tcp. */
  @Override
  public String toString() {
    String ip = hostIp.isEmpty() ? "0.0.0.0" : hostIp;
    return hostPort > 0
        ? ip + ":" + hostPort + "->" + containerPort + "/" + protocol
        : containerPort + "/" + protocol;
  }
}
