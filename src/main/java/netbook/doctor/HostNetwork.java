package netbook.doctor;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netbook.engine.embedded.model.Cidr;
import netbook.engine.embedded.model.Ipv4;

/**
 * A network this host already reaches: an interface's subnet or a route (a VPN's shows as one, on
 * tun0 or wg0). Docker's own bridges (docker0, br-…, docker_gwbridge) and their veths are left out:
 * those are Docker's networks, checked as such; so are the loopback and the default route.
 */
public record HostNetwork(String iface, String cidr, String source) {

  @Override
  public String toString() {
    return cidr + " on " + iface + " (" + source + ")";
  }

  /** Whether an interface is one Docker made. */
  public static boolean docker(String iface) {
    return iface.equals("docker0")
        || iface.startsWith("br-")
        || iface.equals("docker_gwbridge")
        || iface.startsWith("veth");
  }

  /** This machine's: its interfaces' IPv4 subnets, then the routes of /proc/net/route. */
  public static List<HostNetwork> local() {
    Map<String, HostNetwork> out = new LinkedHashMap<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (ni.isLoopback() || docker(ni.getName())) {
          continue;
        }
        for (InterfaceAddress a : ni.getInterfaceAddresses()) {
          if (a.getAddress() instanceof Inet4Address) {
            String c =
                new Cidr(Ipv4.parse(a.getAddress().getHostAddress()), a.getNetworkPrefixLength())
                    .toString();
            out.putIfAbsent(c, new HostNetwork(ni.getName(), c, "its address"));
          }
        }
      }
    } catch (SocketException e) {
      // no interfaces to read: the routes still say most
    }
    try {
      for (HostNetwork r : routes(Files.readString(Path.of("/proc/net/route")))) {
        out.putIfAbsent(r.cidr(), r);
      }
    } catch (IOException e) {
      // not Linux: the interfaces are what there is
    }
    return new ArrayList<>(out.values());
  }

  /** The routes of a /proc/net/route text (not the default route, not Docker's bridges). */
  public static List<HostNetwork> routes(String procNetRoute) {
    List<HostNetwork> out = new ArrayList<>();
    for (String line : procNetRoute.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 8 || f[0].equals("Iface") || docker(f[0]) || f[0].equals("lo")) {
        continue;
      }
      try {
        int dest = Integer.reverseBytes(Integer.parseUnsignedInt(f[1], 16));
        int mask = Integer.reverseBytes(Integer.parseUnsignedInt(f[7], 16));
        int prefix = Integer.bitCount(mask);
        if (prefix == 0) {
          continue; // the default route covers everything and clashes with nothing
        }
        out.add(new HostNetwork(f[0], new Cidr(dest, prefix).toString(), "a route"));
      } catch (NumberFormatException e) {
        // not a route line
      }
    }
    return out;
  }
}
