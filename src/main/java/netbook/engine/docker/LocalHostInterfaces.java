package netbook.engine.docker;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.ExecResult;
import netbook.engine.HostInterface;

/**
 * Reads the interfaces of this machine (where a local Docker daemon runs): names, indexes and
 * addresses from {@link NetworkInterface}, bridge membership and veth peers from /sys/class/net. A
 * veth is matched to its container by asking each running container which host ifindex its eth0's
 * peer has ({@code /sys/class/net/eth0/iflink} inside the container).
 */
final class LocalHostInterfaces implements HostInterfaces {
  private static final System.Logger LOG = System.getLogger(LocalHostInterfaces.class.getName());

  private static final Path SYS = Path.of("/sys/class/net");

  @Override
  public List<HostInterface> read(Engine engine) {
    Map<Integer, String> peerOwner = containerPeers(engine);
    List<HostInterface> out = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        out.add(describe(ni, peerOwner));
      }
    } catch (SocketException e) {
      throw new EngineException(500, "cannot list this machine's interfaces: " + e.getMessage(), e);
    }
    out.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return out;
  }

  private static HostInterface describe(NetworkInterface ni, Map<Integer, String> peerOwner)
      throws SocketException {
    String name = ni.getName();
    List<String> addrs = new ArrayList<>();
    for (InterfaceAddress a : ni.getInterfaceAddresses()) {
      if (a.getAddress() instanceof Inet4Address) {
        addrs.add(a.getAddress().getHostAddress() + "/" + a.getNetworkPrefixLength());
      }
    }
    String master = readLink(SYS.resolve(name).resolve("master"));
    int iflink = readInt(SYS.resolve(name).resolve("iflink"));
    boolean veth = name.startsWith("veth");
    String kind =
        ni.isLoopback()
            ? "loopback"
            : Files.isDirectory(SYS.resolve(name).resolve("bridge"))
                ? "bridge"
                : veth ? "veth" : "ethernet";
    return new HostInterface(
        ni.getIndex(),
        name,
        kind,
        mac(ni.getHardwareAddress()),
        addrs,
        ni.isUp(),
        master,
        veth ? peerOwner.getOrDefault(ni.getIndex(), "") : "",
        veth && iflink != ni.getIndex() ? iflink : 0);
  }

  /** host ifindex of each running container's eth-peer -> container name. */
  private static Map<Integer, String> containerPeers(Engine engine) {
    Map<Integer, String> owners = new HashMap<>();
    for (ContainerInfo c : engine.containers(false)) {
      if (c.networkMode().equals("host") || c.networkMode().startsWith("container:")) {
        continue;
      }
      try {
        ExecResult r =
            engine.exec(
                c.id(),
                List.of(
                    "cat",
                    "/sys/class/net/eth0/iflink",
                    "/sys/class/net/eth1/iflink",
                    "/sys/class/net/eth2/iflink"),
                Duration.ofSeconds(5));
        for (String line : r.stdout().split("\n")) {
          if (line.strip().matches("\\d+")) {
            owners.put(Integer.parseInt(line.strip()), c.name());
          }
        }
      } catch (EngineException e) {
        // a container without cat (or one stopping right now) just stays unmatched
        LOG.log(Level.DEBUG, "no iflink from " + c.name(), e);
      }
    }
    return owners;
  }

  private static String readLink(Path p) {
    try {
      return Files.isSymbolicLink(p) ? Files.readSymbolicLink(p).getFileName().toString() : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int readInt(Path p) {
    try {
      return Integer.parseInt(Files.readString(p).strip());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  private static String mac(byte[] hw) {
    if (hw == null) {
      return "00:00:00:00:00:00";
    }
    StringBuilder sb = new StringBuilder();
    for (byte b : hw) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }
}
