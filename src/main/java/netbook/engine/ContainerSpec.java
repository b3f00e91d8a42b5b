package netbook.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to create: the subset of {@code docker run} that networking lessons use. Built with {@link
 * #builder(String)}; {@code network} is the network mode (a network name, host, none, or
 * container:ID), empty for the default bridge.
 */
public record ContainerSpec(
    String image,
    String name,
    List<String> cmd,
    Map<String, String> env,
    String network,
    List<String> aliases,
    String ipv4,
    List<PortBinding> ports,
    String hostname,
    List<String> dns,
    Map<String, String> labels,
    boolean tty,
    boolean openStdin,
    boolean autoRemove,
    Privileges privileges) {

  /**
   * What a Docker-in-Docker node needs beyond a lesson's container: {@code --privileged}, or (where
   * an engine refuses that) capabilities, security options and bind mounts.
   */
  public record Privileges(
      boolean privileged, List<String> capAdd, List<String> securityOpt, List<String> binds) {
    public static final Privileges NONE = new Privileges(false, List.of(), List.of(), List.of());

    public Privileges {
      capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
      securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
      binds = binds == null ? List.of() : List.copyOf(binds);
    }

    public boolean any() {
      return privileged || !capAdd.isEmpty() || !securityOpt.isEmpty() || !binds.isEmpty();
    }
  }

  public ContainerSpec {
    name = name == null ? "" : name;
    network = network == null ? "" : network;
    hostname = hostname == null ? "" : hostname;
    ipv4 = ipv4 == null ? "" : ipv4;
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
    env = env == null ? Map.of() : Map.copyOf(env);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ports = ports == null ? List.of() : List.copyOf(ports);
    dns = dns == null ? List.of() : List.copyOf(dns);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    privileges = privileges == null ? Privileges.NONE : privileges;
  }

  public static Builder builder(String image) {
    return new Builder(image);
  }

  public Builder toBuilder() {
    Builder b = new Builder(image);
    b.name = name;
    b.cmd.addAll(cmd);
    b.env.putAll(env);
    b.network = network;
    b.aliases.addAll(aliases);
    b.ipv4 = ipv4;
    b.ports.addAll(ports);
    b.hostname = hostname;
    b.dns.addAll(dns);
    b.labels.putAll(labels);
    b.tty = tty;
    b.openStdin = openStdin;
    b.autoRemove = autoRemove;
    b.privileges = privileges;
    return b;
  }

  /** A mutable builder with unprefixed setters; {@link #build()} makes the immutable spec. */
  public static final class Builder {
    private String image;
    private String name = "";
    private final List<String> cmd = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String network = "";
    private final List<String> aliases = new ArrayList<>();
    private String ipv4 = "";
    private final List<PortBinding> ports = new ArrayList<>();
    private String hostname = "";
    private final List<String> dns = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean tty;
    private boolean openStdin;
    private boolean autoRemove;
    private Privileges privileges = Privileges.NONE;

    private Builder(String image) {
      this.image = image;
    }

    public Builder image(String v) {
      image = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder cmd(List<String> v) {
      cmd.clear();
      cmd.addAll(v);
      return this;
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    public Builder network(String v) {
      network = v;
      return this;
    }

    public Builder alias(String v) {
      aliases.add(v);
      return this;
    }

    public Builder ipv4(String v) {
      ipv4 = v;
      return this;
    }

    public Builder port(PortBinding v) {
      ports.add(v);
      return this;
    }

    public Builder hostname(String v) {
      hostname = v;
      return this;
    }

    public Builder dns(String v) {
      dns.add(v);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels.putAll(v);
      return this;
    }

    public Builder tty(boolean v) {
      tty = v;
      return this;
    }

    public Builder openStdin(boolean v) {
      openStdin = v;
      return this;
    }

    public Builder autoRemove(boolean v) {
      autoRemove = v;
      return this;
    }

    public Builder privileges(Privileges v) {
      privileges = v;
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(
          image,
          name,
          cmd,
          env,
          network,
          aliases,
          ipv4,
          ports,
          hostname,
          dns,
          labels,
          tty,
          openStdin,
          autoRemove,
          privileges);
    }
  }
}
