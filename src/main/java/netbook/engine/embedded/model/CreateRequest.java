package netbook.engine.embedded.model;

import java.util.List;
import java.util.Map;
import netbook.engine.PortBinding;

/**
 * What POST /containers/create asks for, already read out of Docker's JSON. {@code entrypoint} and
 * {@code cmd} are null when the image's own should be used; {@code aliases} and {@code ipv4} are
 * those of the endpoint on the network named by {@code networkMode}.
 */
record CreateRequest(
    String name,
    String image,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    Map<String, String> labels,
    String hostname,
    String domainname,
    boolean tty,
    boolean openStdin,
    String networkMode,
    List<PortBinding> ports,
    List<String> dns,
    boolean autoRemove,
    List<String> aliases,
    String ipv4) {}
