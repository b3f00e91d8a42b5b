package netbook.engine;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine port: the narrow set of Docker operations netbook needs, in netbook's own records. Two
 * implementations stand behind it: the real Docker engine (through docker-java) and the embedded
 * engine (the same Docker Engine API, in-process). Every call that waits has a timeout and fails
 * with {@link EngineException} rather than hang.
 *
 * <p>Names or IDs are accepted wherever Docker accepts them, ID prefixes included.
 */
public interface Engine extends AutoCloseable {

  EngineInfo info();

  // networks

  List<NetworkInfo> networks();

  Optional<NetworkInfo> findNetwork(String nameOrId);

  NetworkInfo createNetwork(NetworkSpec spec);

  void removeNetwork(String nameOrId);

  /** Connects a container to a network; aliases and a static ipv4 ("" for none) are optional. */
  void connect(String network, String container, List<String> aliases, String ipv4);

  void disconnect(String network, String container, boolean force);

  // containers

  List<ContainerInfo> containers(boolean all);

  Optional<ContainerInfo> findContainer(String nameOrId);

  /** Creates (not starts) a container and returns its id. */
  String createContainer(ContainerSpec spec);

  void start(String container);

  void stop(String container, Duration grace);

  void kill(String container);

  void removeContainer(String container, boolean force);

  String logs(String container);

  /** Runs a command in a running container and waits at most {@code timeout} for it. */
  ExecResult exec(String container, List<String> cmd, Duration timeout);

  /**
   * Runs a command as {@code docker exec -t} does, handing its output to {@code live} as it comes
   * (errors and output in one stream, as a terminal shows them; CR LF read as LF); the result
   * carries all of it. If the wait ends early (an interrupt of the calling thread, its stop, the
   * timeout) or {@link #interruptExecs()} is called, Ctrl-C is typed into the command's terminal,
   * which ends it inside the container; the call then fails with {@link EngineException#CANCELLED}
   * (or {@link EngineException#TIMEOUT}).
   */
  ExecResult exec(String container, List<String> cmd, Duration timeout, Consumer<String> live);

  /** Ctrl-C to the live commands running now; whether there was one not yet interrupted. */
  boolean interruptExecs();

  // images

  List<ImageInfo> images();

  Optional<ImageInfo> findImage(String ref);

  /**
   * Builds an image from a tar build context (a Dockerfile at its root), as {@code docker build -t
   * TAG --label K=V -} with the classic builder does; returns the new image's id. Fails after
   * {@code timeout}.
   */
  String buildImage(String tag, InputStream context, Map<String, String> labels, Duration timeout);

  /**
   * Pulls an image, reporting its progress in total (the start, as the engine's lines arrive, the
   * end); fails after {@code timeout}. An interrupt of the calling thread cancels the pull ({@link
   * EngineException#CANCELLED}). The embedded engine downloads nothing: an image of its catalogue
   * is there at once (no layers, no bytes), any other fails as a registry without it does.
   */
  void pull(String ref, Consumer<PullProgress> progress, Duration timeout);

  /**
   * Copies an image to another engine, as {@code docker save REF | docker -H OTHER load} does (a
   * Swarm node gets its images so, and never pulls); fails after {@code timeout}.
   */
  void copyImage(String ref, Engine to, Duration timeout);

  /** Loads images from a {@code docker save} tar stream. */
  void loadImages(InputStream tar, Duration timeout);

  // swarm

  /**
   * Another Docker engine reached the way this one is (a Swarm node's, at {@code
   * tcp://127.0.0.1:PORT}); waits at most {@code timeout} for it to answer.
   */
  Engine connect(String dockerHost, Duration timeout);

  /**
   * {@code docker swarm init --advertise-addr ADDR}: makes this engine a Swarm's first manager
   * (ADDR "": the engine picks its address, as without the flag); returns the token workers join
   * with.
   */
  String swarmInit(String advertiseAddr);

  /** {@code docker swarm join --token TOKEN MANAGER:2377}. */
  void swarmJoin(String managerAddr, String token);

  /** This engine's address in its swarm ({@code docker info}'s NodeAddr); empty outside one. */
  Optional<String> swarmAddress();

  /** {@code docker swarm leave --force}. */
  void swarmLeave();

  /** {@code docker node ls} (on a manager). */
  List<SwarmNode> swarmNodes();

  // services (on a Swarm manager)

  /** {@code docker service create}: returns the new service's id; does not wait for its tasks. */
  String createService(ServiceSpec spec);

  /** {@code docker service ls}. */
  List<ServiceInfo> services();

  /**
   * {@code docker service ps SERVICE}: every task of the service the manager still keeps, those
   * shut down included.
   */
  List<ServiceTask> tasks(String service);

  /** {@code docker service scale NAME=REPLICAS}; does not wait for the tasks. */
  void scaleService(String name, int replicas);

  /** {@code docker service rm NAME}. */
  void removeService(String name);

  // raw views

  /** Docker's own inspect JSON of a container, pretty-printed, as {@code docker inspect} shows. */
  String inspectContainerJson(String nameOrId);

  /** Docker's own inspect JSON of a network, pretty-printed. */
  String inspectNetworkJson(String nameOrId);

  /** The host side of the engine's networks: docker0, br-… bridges and each container's veth. */
  List<HostInterface> hostInterfaces();

  @Override
  void close();
}
