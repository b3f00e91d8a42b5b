package netbook.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.engine.ExecResult;
import netbook.engine.NetworkInfo;
import netbook.engine.PortBinding;
import netbook.engine.ServiceInfo;
import netbook.engine.ServiceSpec;
import netbook.engine.ServiceTask;

/**
 * A Swarm service: {@code swarm(3).service("web", "nginx", replicas(3), network("ov"),
 * publish(8080, 80))} runs three tasks spread over the nodes, reached on the overlay by one virtual
 * IP ({@link #vip()}, balanced by IPVS) or, with {@code endpointMode("dnsrr")}, by DNS naming each
 * task; a published port answers on every node (the routing mesh, {@link #http(String)}).
 */
public final class Service {
  /** How long a service may take to run the tasks it was asked for. */
  static final Duration CONVERGE = Duration.ofSeconds(120);

  private static final Pattern STATUS = Pattern.compile("HTTP/(\\S+) (\\d{3})([^\\r\\n]*)");
  private static final Pattern TITLE =
      Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  static final String NO_IPVS =
      "this kernel has no IPVS (ip_vs, CONFIG_IP_VS): a service's virtual IP and the routing"
          + " mesh do not answer here; DNS (tasks.NAME, endpointMode(\"dnsrr\")) and the tasks'"
          + " own addresses do";

  private final Swarm swarm;
  private final String name;
  private volatile Duration converged = Duration.ZERO;

  Service(Swarm swarm, String name) {
    this.swarm = swarm;
    this.name = name;
  }

  /**
   * Creates the service on the manager, its image copied into every node first (a node never
   * pulls), and waits until its tasks run.
   */
  static Service create(Swarm swarm, String name, String image, RunOption... options) {
    ServiceSpec asked = spec(name, image, swarm.host().labels(), options);
    Engine manager = swarm.manager().engine();
    if (find(manager, name).isPresent()) {
      throw new NetbookException(
          "service " + name + " exists: swarm().service(\"" + name + "\") is its handle");
    }
    asked.networks().forEach(n -> overlay(manager, n));
    String ref = swarm.host().resolveImage(image);
    swarm.nodes().forEach(n -> n.copyImage(ref));
    long start = System.nanoTime();
    manager.createService(
        new ServiceSpec(
            name,
            ref,
            asked.replicas(),
            asked.networks(),
            asked.ports(),
            asked.endpointMode(),
            asked.cmd(),
            asked.labels()));
    Service s = new Service(swarm, name);
    s.await(asked.replicas());
    s.converged = Duration.ofNanos(System.nanoTime() - start);
    if (ServiceSpec.VIP.equals(asked.endpointMode()) && !swarm.ipvs()) {
      swarm.host().noticeOnce("swarm-ipvs", NO_IPVS);
    }
    return s;
  }

  /** The service the options ask for, checked before anything is made. */
  static ServiceSpec spec(
      String name, String image, Map<String, String> labels, RunOption... options) {
    Checks.name(name, "service name");
    int replicas = 1;
    String mode = ServiceSpec.VIP;
    List<String> networks = new ArrayList<>();
    List<PortBinding> ports = new ArrayList<>();
    List<String> cmd = List.of();
    for (RunOption o : options) {
      if (o instanceof RunOption.Replicas r) {
        replicas = r.count();
      } else if (o instanceof RunOption.ServiceNetwork n) {
        networks.add(n.name());
      } else if (o instanceof RunOption.EndpointMode m) {
        mode = m.mode();
      } else if (o instanceof RunOption.Publish p) {
        if (!p.binding().hostIp().isEmpty()) {
          throw new NetbookException(
              "a service publishes on every node's addresses (the routing mesh), not on "
                  + p.binding().hostIp()
                  + ": write publish("
                  + p.binding().hostPort()
                  + ", "
                  + p.binding().containerPort()
                  + ")");
        }
        ports.add(p.binding());
      } else if (o instanceof RunOption.Cmd c) {
        cmd = c.args();
      } else {
        throw new NetbookException(
            o.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                + "(…) is not an option of a service: use replicas(3), network(\"ov\"),"
                + " publish(8080, 80), endpointMode(\"dnsrr\") or cmd(…)");
      }
    }
    if (ServiceSpec.DNSRR.equals(mode) && !ports.isEmpty()) {
      throw new NetbookException(
          "a dnsrr service cannot publish through the routing mesh (the mesh balances on a"
              + " virtual IP): drop publish(…) or use endpointMode(\"vip\")");
    }
    return new ServiceSpec(name, image, replicas, networks, ports, mode, cmd, labels);
  }

  private static void overlay(Engine manager, String network) {
    Optional<NetworkInfo> n = manager.findNetwork(network);
    if (n.isEmpty() || !"overlay".equals(n.get().driver())) {
      throw new NetbookException(
          "no overlay "
              + network
              + " in this swarm: swarm().overlay(\""
              + network
              + "\") makes one before the service");
    }
  }

  static Optional<ServiceInfo> find(Engine manager, String name) {
    return manager.services().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The service's name: {@code web}, and its tasks {@code web.1}, {@code web.2}, …. */
  public String name() {
    return name;
  }

  /** How long the service took from its creation until its tasks ran. */
  public Duration converged() {
    return converged;
  }

  /** What the manager knows of the service ({@code docker service inspect}). */
  public ServiceInfo info() {
    return find(swarm.manager().engine(), name)
        .orElseThrow(
            () ->
                new NetbookException(
                    "service "
                        + name
                        + " is gone: swarm().service(\""
                        + name
                        + "\", \"nginx\", …) makes it again"));
  }

  /** The service's overlay (its first network), or empty when it joined none. */
  Optional<NetworkInfo> network() {
    Engine m = swarm.manager().engine();
    return info().networks().stream()
        .map(m::findNetwork)
        .flatMap(Optional::stream)
        .filter(n -> !"ingress".equals(n.name()))
        .findFirst();
  }

  /** The tasks meant to run (as {@code docker service ps -f desired-state=running}). */
  public TaskTable tasks() {
    String overlay = network().map(NetworkInfo::name).orElse("");
    List<SwarmTask> rows = new ArrayList<>();
    for (ServiceTask t : swarm.manager().engine().tasks(name)) {
      if ("running".equals(t.desiredState())) {
        rows.add(
            new SwarmTask(
                t.name(), t.node(), bare(t.addresses().getOrDefault(overlay, "")), t.state()));
      }
    }
    rows.sort(
        (a, b) -> {
          int c = Integer.compare(a.name().length(), b.name().length());
          return c != 0 ? c : a.name().compareTo(b.name());
        });
    return new TaskTable(rows);
  }

  /**
   * The service's virtual IP on its overlay: {@code web} resolves to it, and IPVS on each node
   * spreads connections to its ports over the tasks. A dnsrr service has none.
   */
  public String vip() {
    ServiceInfo i = info();
    if (ServiceSpec.DNSRR.equals(i.endpointMode())) {
      throw new NetbookException(
          "service "
              + name
              + " runs with endpointMode(\"dnsrr\"): it has no virtual IP; DNS answers each"
              + " task's address (nslookup "
              + name
              + ")");
    }
    NetworkInfo n =
        network()
            .orElseThrow(
                () ->
                    new NetbookException(
                        "service "
                            + name
                            + " joined no overlay, so it has no virtual IP there: create it with"
                            + " network(\"ov\")"));
    String vip = i.virtualIps().get(n.id());
    if (vip == null) {
      throw new NetbookException("service " + name + " has no virtual IP on " + n.name() + " yet");
    }
    return bare(vip);
  }

  /** Scales the service to {@code replicas} tasks and waits until that many run. */
  public Service scale(int replicas) {
    new RunOption.Replicas(replicas); // checks the range
    swarm.manager().engine().scaleService(name, replicas);
    await(replicas);
    return this;
  }

  /** Fetches the published port's page through node1: the routing mesh answers on every node. */
  public HttpResult http() {
    return http(swarm.manager().name());
  }

  /**
   * Fetches the published port's page through {@code node} ("node2"), from a toolbox container on
   * the swarm's bridge: {@code wget http://NODE_IP:PORT/}; the node need not run a task.
   */
  public HttpResult http(String node) {
    Node n = swarm.node(node);
    PortBinding p =
        info().ports().stream()
            .filter(b -> b.hostPort() > 0)
            .findFirst()
            .orElseThrow(
                () ->
                    new NetbookException(
                        "service "
                            + name
                            + " publishes no port: create it with publish(8080, 80)"));
    String url = "http://" + n.ip() + ":" + p.hostPort() + "/";
    ExecResult r =
        swarm
            .host()
            .engine()
            .exec(
                swarm.client(),
                // busybox 1.35's wget -T crashes (Debian's build): timeout bounds it instead
                List.of("timeout", "10", "wget", "-S", "-O", "-", url),
                Duration.ofSeconds(15));
    return fetched(url, r)
        .orElseThrow(
            () ->
                new NetbookException(
                    "could not fetch "
                        + url
                        + " (port "
                        + p.hostPort()
                        + " of "
                        + node
                        + "): "
                        + (r.exitCode() == 143
                            ? "no answer within 10 s"
                            : r.output().strip().lines().reduce((a, b) -> b).orElse("no answer"))
                        + (swarm.ipvs() ? "" : " — " + NO_IPVS)));
  }

  /** What {@code wget -S -O - URL} printed, as an {@link HttpResult}; empty without a status. */
  static Optional<HttpResult> fetched(String url, ExecResult r) {
    Matcher m = STATUS.matcher(r.stderr());
    if (!m.find()) {
      return Optional.empty();
    }
    Matcher t = TITLE.matcher(r.stdout());
    int status = Integer.parseInt(m.group(2));
    return Optional.of(
        new HttpResult(
            url,
            status,
            ("HTTP/" + m.group(1) + " " + m.group(2) + m.group(3)).strip(),
            t.find() ? t.group(1).strip() : "",
            r.stdout()));
  }

  /** Removes the service and its tasks ({@code docker service rm}). */
  public void remove() {
    swarm.manager().engine().removeService(name);
  }

  private void await(int replicas) {
    Engine m = swarm.manager().engine();
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    while (true) {
      List<ServiceTask> ts = m.tasks(name);
      if (converged(ts, replicas)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new NetbookException(
            "service "
                + name
                + ": "
                + ts.stream().filter(ServiceTask::running).count()
                + " of "
                + replicas
                + " tasks running after "
                + CONVERGE.toSeconds()
                + " s: "
                + ts.stream().filter(t -> !t.running()).map(ServiceTask::toString).limit(3).toList()
                + "; swarm().node(\"node1\").sh(\"docker service ps "
                + name
                + "\") shows why");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NetbookException("interrupted while service " + name + " started its tasks");
      }
    }
  }

  /** Whether exactly {@code replicas} tasks run, and no other task still does. */
  static boolean converged(List<ServiceTask> tasks, int replicas) {
    long meant = tasks.stream().filter(ServiceTask::running).count();
    long up = tasks.stream().filter(t -> "running".equals(t.state())).count();
    return meant == replicas && up == replicas;
  }

  /** {@code 10.0.1.5/24} without its prefix length. */
  static String bare(String cidr) {
    int slash = cidr.indexOf('/');
    return slash < 0 ? cidr : cidr.substring(0, slash);
  }

  @Override
  public String toString() {
    List<ServiceTask> ts = swarm.manager().engine().tasks(name);
    return "service "
        + name
        + ": "
        + ts.stream().filter(ServiceTask::running).count()
        + "/"
        + info().replicas()
        + " running";
  }
}
