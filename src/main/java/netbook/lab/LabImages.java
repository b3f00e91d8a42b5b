package netbook.lab;

import java.util.Map;
import java.util.Optional;

/**
 * The lab images netbook builds from Debian's busybox-static (bin/lab-images), and the table of
 * tutorial image names they stand in for when nothing may be pulled (NETBOOK_OFFLINE=1).
 *
 * <table>
 *   <caption>offline aliases</caption>
 *   <tr><th>tutorial name</th><th>lab image</th></tr>
 *   <tr><td>ubuntu, debian, alpine, busybox</td><td>netbook/toolbox</td></tr>
 *   <tr><td>nginx, httpd</td><td>netbook/web</td></tr>
 * </table>
 */
public final class LabImages {
  /** busybox with every applet: sh, ping, ip, ifconfig, nslookup, wget, httpd, hostname, sleep. */
  public static final String TOOLBOX = "netbook/toolbox:latest";

  /** busybox httpd serving a welcome page on port 80, as nginx would. */
  public static final String WEB = "netbook/web:latest";

  /** A shell and sleep only: an image without ping, like the real ubuntu. */
  public static final String BARE = "netbook/bare:latest";

  private static final Map<String, String> ALIASES =
      Map.of(
          "ubuntu", TOOLBOX,
          "debian", TOOLBOX,
          "alpine", TOOLBOX,
          "busybox", TOOLBOX,
          "nginx", WEB,
          "httpd", WEB);

  private LabImages() {}

  /** The lab image standing in for a tutorial image name (any tag), if there is one. */
  public static Optional<String> aliasFor(String ref) {
    String repo = repository(ref);
    if (repo.startsWith("library/")) {
      repo = repo.substring("library/".length());
    }
    return Optional.ofNullable(ALIASES.get(repo));
  }

  /** The tutorial names that have a lab stand-in, for messages. */
  public static String aliasNames() {
    return "ubuntu, debian, alpine, busybox, nginx, httpd";
  }

  /** "ubuntu:22.04" → "ubuntu"; "docker.io/library/nginx" → "library/nginx". */
  static String repository(String ref) {
    String r = ref;
    int at = r.indexOf('@');
    if (at >= 0) {
      r = r.substring(0, at);
    }
    int slash = r.lastIndexOf('/');
    int colon = r.lastIndexOf(':');
    if (colon > slash) {
      r = r.substring(0, colon);
    }
    if (r.startsWith("docker.io/")) {
      r = r.substring("docker.io/".length());
    }
    return r;
  }
}
