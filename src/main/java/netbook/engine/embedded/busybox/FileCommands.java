package netbook.engine.embedded.busybox;

import java.util.List;
import java.util.Optional;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetInterface;

/**
 * busybox {@code cat} and {@code ls} over the files a namespace's network shows: /etc/hosts,
 * /etc/resolv.conf, /etc/hostname, /proc/net/route and /sys/class/net/IFACE/{address, mtu,
 * operstate, ifindex, iflink, carrier, ...} with statistics/{rx,tx}_{packets,bytes}.
 */
final class FileCommands {
  private static final String SYS_NET = "/sys/class/net";
  private static final List<String> ATTRIBUTES =
      List.of(
          "addr_assign_type",
          "addr_len",
          "address",
          "broadcast",
          "carrier",
          "carrier_changes",
          "carrier_down_count",
          "carrier_up_count",
          "dev_id",
          "dev_port",
          "dormant",
          "duplex",
          "flags",
          "gro_flush_timeout",
          "ifalias",
          "ifindex",
          "iflink",
          "link_mode",
          "mtu",
          "name_assign_type",
          "napi_defer_hard_irqs",
          "netdev_group",
          "operstate",
          "power",
          "proto_down",
          "queues",
          "speed",
          "statistics",
          "subsystem",
          "testing",
          "threaded",
          "tx_queue_len",
          "type",
          "uevent");
  private static final List<String> DIRECTORIES = List.of("power", "queues", "statistics");
  private static final List<String> STATISTICS =
      List.of(
          "collisions",
          "multicast",
          "rx_bytes",
          "rx_compressed",
          "rx_crc_errors",
          "rx_dropped",
          "rx_errors",
          "rx_fifo_errors",
          "rx_frame_errors",
          "rx_length_errors",
          "rx_missed_errors",
          "rx_nohandler",
          "rx_over_errors",
          "rx_packets",
          "tx_aborted_errors",
          "tx_bytes",
          "tx_carrier_errors",
          "tx_compressed",
          "tx_dropped",
          "tx_errors",
          "tx_fifo_errors",
          "tx_heartbeat_errors",
          "tx_packets",
          "tx_window_errors");

  private final Namespaces namespaces;
  private final RouteCommands routes;

  FileCommands(Namespaces namespaces, RouteCommands routes) {
    this.namespaces = namespaces;
    this.routes = routes;
  }

  ShellResult cat(ContainerState c, List<String> args) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int code = 0;
    for (String file : args) {
      if (isDirectory(c, file)) {
        err.append("cat: read error: Is a directory\n");
        code = 1;
        continue;
      }
      String content = content(c, file);
      if (content == null) {
        err.append("cat: can't open '").append(file).append("': No such file or directory\n");
        code = 1;
      } else {
        out.append(content);
      }
    }
    return new ShellResult(out.toString(), err.toString(), code);
  }

  /** {@code ls [-1] PATH...}: one name a line, as busybox prints when not on a terminal. */
  ShellResult ls(ContainerState c, List<String> args) {
    List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
    if (paths.isEmpty()) {
      return ShellResult.ok("");
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int code = 0;
    boolean headers = paths.size() > 1;
    for (String path : paths) {
      String p = strip(path);
      Optional<List<String>> entries = entries(c, p);
      if (entries.isPresent()) {
        if (headers) {
          out.append(out.length() > 0 ? "\n" : "").append(path).append(":\n");
        }
        entries.get().forEach(e -> out.append(e).append('\n'));
      } else if (content(c, p) != null) {
        out.append(path).append('\n');
      } else {
        err.append("ls: ").append(path).append(": No such file or directory\n");
        code = 1;
      }
    }
    return new ShellResult(out.toString(), err.toString(), code);
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private boolean isDirectory(ContainerState c, String path) {
    return entries(c, strip(path)).isPresent();
  }

  private Optional<List<String>> entries(ContainerState c, String path) {
    if (path.equals(SYS_NET)) {
      return Optional.of(
          namespaces.interfaces(c).stream().map(NetInterface::name).sorted().toList());
    }
    if (!path.startsWith(SYS_NET + "/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(SYS_NET.length() + 1).split("/");
    if (find(c, parts[0]).isEmpty() || parts.length > 2) {
      return Optional.empty();
    }
    if (parts.length == 1) {
      return Optional.of(ATTRIBUTES);
    }
    if (parts[1].equals("statistics")) {
      return Optional.of(STATISTICS);
    }
    return DIRECTORIES.contains(parts[1]) ? Optional.of(List.of()) : Optional.empty();
  }

  private Optional<NetInterface> find(ContainerState c, String name) {
    return namespaces.interfaces(c).stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** A file's content, or null when there is no such file. */
  private String content(ContainerState c, String file) {
    switch (file) {
      case "/etc/hosts":
        return namespaces.hostsFile(c);
      case "/etc/resolv.conf":
        return namespaces.resolvConf(c);
      case "/etc/hostname":
        return namespaces.hostname(c) + "\n";
      case "/proc/net/route":
        return routes.procNetRoute(c);
      default:
        break;
    }
    if (!file.startsWith(SYS_NET + "/")) {
      return null;
    }
    String[] parts = file.substring(SYS_NET.length() + 1).split("/");
    Optional<NetInterface> i = find(c, parts[0]);
    if (i.isEmpty() || parts.length < 2) {
      return null;
    }
    String value =
        parts.length == 3 && parts[1].equals("statistics")
            ? statistic(i.get(), parts[2])
            : parts.length == 2 ? attribute(i.get(), parts[1]) : null;
    return value == null ? null : value + "\n";
  }

  private static String statistic(NetInterface i, String name) {
    return switch (name) {
      case "rx_packets", "tx_packets" -> String.valueOf(i.packets());
      case "rx_bytes", "tx_bytes" -> String.valueOf(i.bytes());
      default -> STATISTICS.contains(name) ? "0" : null;
    };
  }

  private static String attribute(NetInterface i, String name) {
    boolean lo = i.kind() == NetInterface.Kind.LOOPBACK;
    return switch (name) {
      case "address" -> i.mac();
      case "broadcast" -> lo ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff";
      case "mtu" -> String.valueOf(i.mtu());
      case "operstate" -> lo ? "unknown" : i.carrier() ? "up" : "down";
      case "ifindex" -> String.valueOf(i.index());
      case "iflink" -> String.valueOf(i.peer() > 0 ? i.peer() : i.index());
      case "carrier" -> i.carrier() ? "1" : "0";
      case "type" -> lo ? "772" : "1";
      case "flags" -> lo ? "0x9" : "0x1003";
      case "tx_queue_len" -> lo ? "1000" : "0";
      case "addr_len" -> "6";
      case "name_assign_type", "addr_assign_type" -> "3";
      default -> ATTRIBUTES.contains(name) && !DIRECTORIES.contains(name) ? "" : null;
    };
  }
}
