package netbook.console;

import java.util.List;
import java.util.Optional;
import netbook.engine.HostInterface;
import netbook.lab.Session;

/**
 * Host commands a transcript shows that netbook can answer from the engine's view of the host
 * ({@code host()}): {@code ifconfig} and {@code ip addr}/{@code ip a}/{@code ip link}, in their own
 * layouts. Anything else on the host is not run.
 */
final class HostCommands {
  private HostCommands() {}

  /** The answer to a host command line, or empty when netbook does not run it. */
  static Optional<String> answer(Session session, List<String> words) {
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String cmd = words.get(0);
    if (cmd.equals("ifconfig")) {
      return Optional.of(ifconfig(filter(session, words.size() > 1 ? words.get(1) : "")));
    }
    if (cmd.equals("ip") && words.size() >= 2) {
      String obj = words.get(1);
      String dev = "";
      int show = words.indexOf("show");
      if (show >= 0 && show + 1 < words.size()) {
        dev = words.get(show + 1);
      }
      if (List.of("a", "addr", "address").contains(obj)) {
        return Optional.of(ipAddr(filter(session, dev), true));
      }
      if (List.of("l", "link").contains(obj)) {
        return Optional.of(ipAddr(filter(session, dev), false));
      }
    }
    return Optional.empty();
  }

  private static List<HostInterface> filter(Session session, String dev) {
    List<HostInterface> all = session.engine().hostInterfaces();
    return dev.isEmpty() ? all : all.stream().filter(i -> i.name().equals(dev)).toList();
  }

  static String ipAddr(List<HostInterface> ifs, boolean addresses) {
    StringBuilder sb = new StringBuilder();
    for (HostInterface i : ifs) {
      boolean lo = i.kind().equals("loopback");
      String flags = lo ? "LOOPBACK" : "BROADCAST,MULTICAST";
      if (i.up()) {
        flags += ",UP,LOWER_UP";
      }
      sb.append(i.index()).append(": ").append(i.name());
      if (i.peerIndex() > 0) {
        sb.append("@if").append(i.peerIndex());
      }
      sb.append(": <").append(flags).append("> mtu ").append(lo ? 65536 : 1500);
      if (!i.master().isEmpty()) {
        sb.append(" master ").append(i.master());
      }
      sb.append(" state ").append(lo ? "UNKNOWN" : i.up() ? "UP" : "DOWN").append('\n');
      sb.append("    link/")
          .append(lo ? "loopback " : "ether ")
          .append(i.mac())
          .append(" brd ")
          .append(lo ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff")
          .append('\n');
      if (addresses) {
        for (String a : i.addresses()) {
          sb.append("    inet ")
              .append(a)
              .append(" scope ")
              .append(lo ? "host" : "global")
              .append(' ')
              .append(i.name())
              .append('\n');
        }
      }
    }
    return sb.toString();
  }

  static String ifconfig(List<HostInterface> ifs) {
    StringBuilder sb = new StringBuilder();
    for (HostInterface i : ifs) {
      boolean lo = i.kind().equals("loopback");
      String name = i.name().length() < 10 ? String.format("%-10s", i.name()) : i.name() + " ";
      sb.append(name)
          .append(lo ? "Link encap:Local Loopback" : "Link encap:Ethernet  HWaddr " + i.mac())
          .append('\n');
      for (String a : i.addresses()) {
        int slash = a.indexOf('/');
        String ip = slash < 0 ? a : a.substring(0, slash);
        int prefix = slash < 0 ? 32 : Integer.parseInt(a.substring(slash + 1));
        sb.append("          inet addr:")
            .append(ip)
            .append("  Bcast:")
            .append(broadcast(ip, prefix))
            .append("  Mask:")
            .append(mask(prefix))
            .append('\n');
      }
      sb.append("          ")
          .append(i.up() ? (lo ? "UP LOOPBACK RUNNING" : "UP BROADCAST RUNNING MULTICAST") : "")
          .append("  MTU:")
          .append(lo ? 65536 : 1500)
          .append("  Metric:1\n\n");
    }
    return sb.toString();
  }

  static String broadcast(String ip, int prefix) {
    String[] o = ip.split("\\.");
    if (o.length != 4) {
      return "0.0.0.0";
    }
    long a = 0;
    for (String part : o) {
      a = (a << 8) | Integer.parseInt(part);
    }
    long host = prefix >= 32 ? 0 : (0xffffffffL >>> prefix);
    long b = a | host;
    return ((b >> 24) & 255) + "." + ((b >> 16) & 255) + "." + ((b >> 8) & 255) + "." + (b & 255);
  }

  static String mask(int prefix) {
    long m = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    return ((m >> 24) & 255) + "." + ((m >> 16) & 255) + "." + ((m >> 8) & 255) + "." + (m & 255);
  }
}
