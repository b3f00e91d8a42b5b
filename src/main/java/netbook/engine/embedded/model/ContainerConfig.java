package netbook.engine.embedded.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import netbook.engine.PortBinding;

/**
 * What a container is created with: the process, its identity, its network mode and published
 * ports. In a {@link CreateRequest}, null means "the default" ({@code entrypoint} and {@code cmd}:
 * the image's own); the model fills the defaults in when it creates the container, and only {@code
 * entrypoint} stays null there.
 */
public final class ContainerConfig {
  private final String imageRef;
  private final ImageRecord image;
  private final List<String> entrypoint;
  private final List<String> cmd;
  private final List<String> env;
  private final Map<String, String> labels;
  private final String hostname;
  private final String domainname;
  private final boolean tty;
  private final boolean openStdin;
  private final String networkMode;
  private final List<PortBinding> portBindings;
  private final List<String> dns;
  private final boolean autoRemove;
  private final JsonNode requestedHostConfig;
  private final List<String> exposedPorts;
  private final boolean publishAll;
  private final List<String> extraHosts;
  private final List<String> links;
  private final List<String> dnsSearch;
  private final List<String> dnsOptions;

  private ContainerConfig(Builder b) {
    this.imageRef = b.imageRef;
    this.image = b.image;
    this.entrypoint = copy(b.entrypoint);
    this.cmd = copy(b.cmd);
    this.env = copy(b.env);
    this.labels = b.labels == null ? null : Map.copyOf(b.labels);
    this.hostname = b.hostname;
    this.domainname = b.domainname;
    this.tty = b.tty;
    this.openStdin = b.openStdin;
    this.networkMode = b.networkMode;
    this.portBindings = copy(b.portBindings);
    this.dns = copy(b.dns);
    this.autoRemove = b.autoRemove;
    this.requestedHostConfig = b.requestedHostConfig;
    this.exposedPorts = copy(b.exposedPorts);
    this.publishAll = b.publishAll;
    this.extraHosts = copy(b.extraHosts);
    this.links = copy(b.links);
    this.dnsSearch = copy(b.dnsSearch);
    this.dnsOptions = copy(b.dnsOptions);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /** A config of the image named {@code imageRef}. */
  public static Builder builder(String imageRef) {
    return new Builder(imageRef);
  }

  Builder toBuilder() {
    Builder b = new Builder(imageRef);
    b.image = image;
    b.entrypoint = entrypoint;
    b.cmd = cmd;
    b.env = env;
    b.labels = labels;
    b.hostname = hostname;
    b.domainname = domainname;
    b.tty = tty;
    b.openStdin = openStdin;
    b.networkMode = networkMode;
    b.portBindings = portBindings;
    b.dns = dns;
    b.autoRemove = autoRemove;
    b.requestedHostConfig = requestedHostConfig;
    b.exposedPorts = exposedPorts;
    b.publishAll = publishAll;
    b.extraHosts = extraHosts;
    b.links = links;
    b.dnsSearch = dnsSearch;
    b.dnsOptions = dnsOptions;
    return b;
  }

  /** The parts of a container's configuration, named; what is not set is null (the default). */
  public static final class Builder {
    private final String imageRef;
    private ImageRecord image;
    private List<String> entrypoint;
    private List<String> cmd;
    private List<String> env;
    private Map<String, String> labels;
    private String hostname;
    private String domainname;
    private boolean tty;
    private boolean openStdin;
    private String networkMode;
    private List<PortBinding> portBindings;
    private List<String> dns;
    private boolean autoRemove;
    private JsonNode requestedHostConfig;
    private List<String> exposedPorts;
    private boolean publishAll;
    private List<String> extraHosts;
    private List<String> links;
    private List<String> dnsSearch;
    private List<String> dnsOptions;

    private Builder(String imageRef) {
      this.imageRef = imageRef;
    }

    Builder image(ImageRecord value) {
      this.image = value;
      return this;
    }

    public Builder entrypoint(List<String> value) {
      this.entrypoint = value;
      return this;
    }

    public Builder cmd(List<String> value) {
      this.cmd = value;
      return this;
    }

    public Builder env(List<String> value) {
      this.env = value;
      return this;
    }

    public Builder labels(Map<String, String> value) {
      this.labels = value;
      return this;
    }

    public Builder hostname(String value) {
      this.hostname = value;
      return this;
    }

    public Builder domainname(String value) {
      this.domainname = value;
      return this;
    }

    public Builder tty(boolean value) {
      this.tty = value;
      return this;
    }

    public Builder openStdin(boolean value) {
      this.openStdin = value;
      return this;
    }

    public Builder networkMode(String value) {
      this.networkMode = value;
      return this;
    }

    public Builder portBindings(List<PortBinding> value) {
      this.portBindings = value;
      return this;
    }

    public Builder dns(List<String> value) {
      this.dns = value;
      return this;
    }

    public Builder autoRemove(boolean value) {
      this.autoRemove = value;
      return this;
    }

    /** The HostConfig JSON as the client sent it (inspect echoes its fields). */
    public Builder requestedHostConfig(JsonNode value) {
      this.requestedHostConfig = value;
      return this;
    }

    public Builder exposedPorts(List<String> value) {
      this.exposedPorts = value;
      return this;
    }

    public Builder publishAll(boolean value) {
      this.publishAll = value;
      return this;
    }

    public Builder extraHosts(List<String> value) {
      this.extraHosts = value;
      return this;
    }

    public Builder links(List<String> value) {
      this.links = value;
      return this;
    }

    public Builder dnsSearch(List<String> value) {
      this.dnsSearch = value;
      return this;
    }

    public Builder dnsOptions(List<String> value) {
      this.dnsOptions = value;
      return this;
    }

    public ContainerConfig build() {
      return new ContainerConfig(this);
    }
  }

  /** The image as the client named it. */
  public String imageRef() {
    return imageRef;
  }

  /** The image the container runs (null in a request). */
  public ImageRecord image() {
    return image;
  }

  public List<String> entrypoint() {
    return entrypoint;
  }

  public List<String> cmd() {
    return cmd;
  }

  public List<String> env() {
    return env;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public String hostname() {
    return hostname;
  }

  public String domainname() {
    return domainname;
  }

  public boolean tty() {
    return tty;
  }

  public boolean openStdin() {
    return openStdin;
  }

  /** default, host, none, container:ID or a network name. */
  public String networkMode() {
    return networkMode;
  }

  public List<PortBinding> portBindings() {
    return portBindings;
  }

  public List<String> dns() {
    return dns;
  }

  public boolean autoRemove() {
    return autoRemove;
  }

  JsonNode requestedHostConfig() {
    return requestedHostConfig;
  }

  /** Ports the image and the request expose ("80/tcp"); the model adds the image's. */
  public List<String> exposedPorts() {
    return exposedPorts;
  }

  /** -P: publish every exposed port on an ephemeral host port. */
  public boolean publishAll() {
    return publishAll;
  }

  /** --add-host entries, "name:ip" (ip may be host-gateway). */
  public List<String> extraHosts() {
    return extraHosts;
  }

  /** Legacy --link entries as the client sent them ("name:alias" or "name"). */
  public List<String> links() {
    return links;
  }

  /** --dns-search domains. */
  public List<String> dnsSearch() {
    return dnsSearch;
  }

  /** --dns-option values. */
  public List<String> dnsOptions() {
    return dnsOptions;
  }
}
