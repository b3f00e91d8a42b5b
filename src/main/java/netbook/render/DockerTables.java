package netbook.render;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import netbook.engine.ContainerInfo;
import netbook.engine.ImageInfo;
import netbook.engine.NetworkInfo;

/** The docker CLI's own table formats: {@code network ls}, {@code ps}, {@code images}. */
public final class DockerTables {
  private DockerTables() {}

  public static String networks(List<NetworkInfo> networks) {
    TabWriter t = new TabWriter().row("NETWORK ID", "NAME", "DRIVER", "SCOPE");
    for (NetworkInfo n : networks) {
      t.row(n.shortId(), n.name(), n.driver(), n.scope());
    }
    return t.toString();
  }

  /** {@code docker node ls}: the node the CLI talks to is marked with {@code *}. */
  public static String nodes(List<netbook.engine.SwarmNode> nodes, String self) {
    TabWriter t =
        new TabWriter()
            .row("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION");
    for (netbook.engine.SwarmNode n : nodes) {
      t.row(
          n.id() + (n.hostname().equals(self) ? " *" : ""),
          n.hostname(),
          capital(n.state()),
          capital(n.availability()),
          n.managerStatus(),
          n.engineVersion());
    }
    return t.toString();
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public static String containers(List<ContainerInfo> containers, Instant now) {
    TabWriter t =
        new TabWriter()
            .row("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
    for (ContainerInfo c : containers) {
      String ports = c.ports().stream().map(Object::toString).collect(Collectors.joining(", "));
      t.row(
          c.shortId(),
          c.image(),
          command(c.command()),
          c.created() == null ? "" : ago(c.created(), now),
          c.status(),
          ports,
          c.name());
    }
    return t.toString();
  }

  public static String images(List<ImageInfo> images, Instant now) {
    TabWriter t = new TabWriter().row("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
    for (ImageInfo i : images) {
      List<String> tags = i.tags().isEmpty() ? List.of("<none>:<none>") : i.tags();
      for (String tag : tags) {
        int colon = tag.lastIndexOf(':');
        t.row(
            tag.substring(0, colon),
            tag.substring(colon + 1),
            i.shortId(),
            i.created() == null ? "" : ago(i.created(), now),
            size(i.size()));
      }
    }
    return t.toString();
  }

  /** docker ps quotes the command and cuts it to 20 characters with an ellipsis. */
  static String command(List<String> cmd) {
    String s = String.join(" ", cmd);
    if (s.length() > 20) {
      s = s.substring(0, 19) + "…";
    }
    return "\"" + s + "\"";
  }

  /** Docker's human durations (go-units HumanDuration) with " ago". */
  public static String ago(Instant then, Instant now) {
    return human(Duration.between(then, now)) + " ago";
  }

  public static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 1) {
      return "Less than a second";
    } else if (s == 1) {
      return "1 second";
    } else if (s < 60) {
      return s + " seconds";
    }
    long m = s / 60;
    if (m == 1) {
      return "About a minute";
    } else if (m < 60) {
      return m + " minutes";
    }
    long h = Math.round(s / 3600.0);
    if (h == 1) {
      return "About an hour";
    } else if (h < 48) {
      return h + " hours";
    } else if (h < 24 * 7 * 2) {
      return h / 24 + " days";
    } else if (h < 24 * 30 * 2) {
      return h / 24 / 7 + " weeks";
    } else if (h < 24 * 365 * 2) {
      return h / 24 / 30 + " months";
    }
    return h / 24 / 365 + " years";
  }

  /** Docker's decimal sizes: 1.24MB, 4.26kB. */
  static String size(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    String num = String.format("%.3g", v);
    if (num.contains(".")) {
      num = num.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return num + units[u];
  }
}
