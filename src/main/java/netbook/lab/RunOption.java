package netbook.lab;

import java.util.List;
import netbook.engine.ContainerSpec;
import netbook.engine.PortBinding;

/**
 * An option of {@code run(image, ...)}: {@code name("a")}, {@code publish(8080, 80)}, {@code
 * alias("db")}, {@code cmd("sleep", "60")}, {@code env("K", "V")}, {@code hostname("h")}, {@code
 * ipv4("172.18.0.10")}. Made by the static factories in {@link Lab}.
 */
public sealed interface RunOption {
  void applyTo(ContainerSpec.Builder spec);

  /** The container's name, as {@code --name}. */
  record Name(String value) implements RunOption {
    public Name {
      Checks.name(value, "container name");
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      spec.name(value);
    }
  }

  /** The swarm node a container runs on: {@code on("node3")} (an overlay's {@code run}). */
  record On(String node) implements RunOption {
    public On {
      Checks.name(node, "node name");
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      // where it runs, not what: the overlay picks the node's engine
    }
  }

  /** How many tasks a Swarm service runs: {@code replicas(3)}, as {@code --replicas 3}. */
  record Replicas(int count) implements RunOption {
    public Replicas {
      if (count < 0 || count > 100) {
        throw new netbook.NetbookException(
            "replicas(" + count + ") is out of range: a service here runs 0 to 100 tasks");
      }
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      throw serviceOnly("replicas(" + count + ")");
    }
  }

  /** The overlay a Swarm service's tasks join: {@code network("ov")}, as {@code --network ov}. */
  record ServiceNetwork(String name) implements RunOption {
    public ServiceNetwork {
      Checks.name(name, "network name");
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      throw serviceOnly("network(\"" + name + "\")");
    }
  }

  /**
   * How a Swarm service is found by name: {@code endpointMode("vip")} (the default: one virtual IP,
   * balanced by IPVS) or {@code endpointMode("dnsrr")} (DNS answers each task's address).
   */
  record EndpointMode(String mode) implements RunOption {
    public EndpointMode {
      if (!"vip".equals(mode) && !"dnsrr".equals(mode)) {
        throw new netbook.NetbookException(
            "endpointMode("
                + (mode == null ? "null" : "\"" + mode + "\"")
                + ") is not an endpoint mode: write endpointMode(\"vip\") or"
                + " endpointMode(\"dnsrr\")");
      }
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      throw serviceOnly("endpointMode(\"" + mode + "\")");
    }
  }

  private static netbook.NetbookException serviceOnly(String option) {
    return new netbook.NetbookException(
        option
            + " is an option of a Swarm service, not of a container: swarm(3).service(\"web\","
            + " \"nginx\", "
            + option
            + ")");
  }

  /** A published port, as {@code -p [hostIp:]hostPort:containerPort}. */
  record Publish(PortBinding binding) implements RunOption {
    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      spec.port(binding);
    }
  }

  /** A network alias on the container's user-defined network, as {@code --network-alias}. */
  record Alias(String value) implements RunOption {
    public Alias {
      Checks.name(value, "alias");
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      spec.alias(value);
    }
  }

  /** The command to run instead of the image's default. */
  record Cmd(List<String> args) implements RunOption {
    public Cmd {
      args = List.copyOf(args);
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      spec.cmd(args);
    }
  }

  /** An environment variable, as {@code -e KEY=VALUE}. */
  record Env(String key, String value) implements RunOption {
    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      spec.env(key, value);
    }
  }

  /** The container's hostname, as {@code --hostname}. */
  record Hostname(String value) implements RunOption {
    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      spec.hostname(value);
    }
  }

  /** A fixed address on a user-defined network with a chosen subnet, as {@code --ip}. */
  record Ipv4(String value) implements RunOption {
    private static final java.util.regex.Pattern DOTTED =
        java.util.regex.Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Checked here, before any engine sees it: the engines' own errors speak of subnets. */
    public Ipv4 {
      java.util.regex.Matcher m = DOTTED.matcher(value == null ? "" : value.strip());
      boolean ok = m.matches();
      for (int i = 1; ok && i <= 4; i++) {
        ok = Integer.parseInt(m.group(i)) <= 255;
      }
      if (!ok) {
        throw new netbook.NetbookException(
            "ipv4("
                + (value == null ? "null" : "\"" + value + "\"")
                + ") is not an IPv4 address: write four numbers from 0 to 255,"
                + " e.g. ipv4(\"172.18.0.10\")");
      }
      value = value.strip();
    }

    @Override
    public void applyTo(ContainerSpec.Builder spec) {
      spec.ipv4(value);
    }
  }
}
