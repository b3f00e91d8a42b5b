package netbook.engine.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that says what may differ between the real daemon and {@code netbook serve} in a
 * differential scenario, and why. One mask per transcript (numbering is by first appearance, so the
 * structure must still match: the same id or address has to come back where it did).
 *
 * <ul>
 *   <li>IDs of containers, networks, endpoints (64 and 12 hex digits): random on both engines;
 *       numbered, a short ID getting the number of the full ID it starts.
 *   <li>MAC addresses: veth and bridge MACs are random; container MACs follow the address, which
 *       may differ (next rule).
 *   <li>IPv4 addresses the daemon chooses (172.16.0.0/12, 192.168.0.0/16) and their prefix lengths:
 *       the real daemon is shared and busy, so it picks other subnets (even /20 pools) and
 *       addresses than a fresh model. Scenarios pin subnets in 10.213.0.0/16 where the addresses
 *       matter; those, and 127.x, stay exact.
 *   <li>Ephemeral host ports (32768 and up): the real allocator goes round-robin across every user
 *       of the daemon, from the host's ip_local_port_range. Scenarios publish fixed ports below it.
 *   <li>The engine host's name: the model invents "netbook-host" (deliberately; it models a host,
 *       not this machine), the daemon reports its own.
 *   <li>Timings: ping round trips, "Up N seconds".
 *   <li>veth names and interface indexes: allocated by the kernel (model: by its own counter).
 *   <li>busybox nslookup prints the empty AAAA section before or after the A one, whichever answer
 *       races in first: the empty section is dropped.
 * </ul>
 */
final class DifferentialMask {
  private static final Pattern IPV4 =
      Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\b");
  private static final Pattern ID64 = Pattern.compile("\\b[0-9a-f]{64}\\b");
  private static final Pattern ID12 = Pattern.compile("\\b[0-9a-f]{12}\\b");
  private static final Pattern PORT = Pattern.compile("(?<=:|:\")(\\d{5})\\b");

  private final String hostName;
  private final List<String> ids = new ArrayList<>();
  private final Map<String, String> addresses = new LinkedHashMap<>();

  /** A mask for one engine's transcript; {@code hostName} is that engine's host name. */
  DifferentialMask(String hostName) {
    this.hostName = hostName;
  }

  String mask(String text) {
    String s = text.replace("Non-authoritative answer:\n\n", "");
    s = number(ID64, s, this::fullId);
    s = number(ID12, s, this::shortId);
    s = s.replaceAll("(?i)\\b([0-9a-f]{2}:){5}[0-9a-f]{2}\\b", "<MAC>");
    s = number(IPV4, s, this::address);
    s = s.replaceAll("(<IP\\d+>)/\\d+", "$1/<P>");
    s = number(PORT, s, p -> ephemeral(Integer.parseInt(p)) ? "<EPHEMERAL>" : p);
    if (!hostName.isEmpty()) {
      s = s.replaceAll("\\b" + Pattern.quote(hostName) + "\\b", "<HOST>");
    }
    s = s.replaceAll("time=\\d+(\\.\\d+)? ms", "time=<T> ms");
    s = s.replaceAll("min/avg/max = [\\d./]+ ms", "min/avg/max = <T> ms");
    s = s.replaceAll("Up (Less than a second|About a minute|\\d+ \\w+)", "Up <T>");
    s = s.replaceAll("veth[0-9a-f]{7}", "veth<X>");
    s = s.replaceAll("(?m)^\\d+: ", "<N>: ");
    return s.replaceAll("@if\\d+", "@if<N>");
  }

  private static boolean ephemeral(int port) {
    return port >= 32768; // Linux's ip_local_port_range starts there by default; some hosts: 49152
  }

  private String fullId(String id) {
    if (!ids.contains(id)) {
      ids.add(id);
    }
    return "<ID" + (ids.indexOf(id) + 1) + ">";
  }

  private String shortId(String id) {
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).startsWith(id)) {
        return "<ID" + (i + 1) + ">";
      }
    }
    ids.add(id + "?"); // a short id seen before its full one: numbered on its own
    return "<ID" + ids.size() + ">";
  }

  private String address(String ip) {
    String[] o = ip.split("\\.");
    int a = Integer.parseInt(o[0]);
    int b = Integer.parseInt(o[1]);
    boolean chosen = (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
    if (!chosen) {
      return ip;
    }
    return addresses.computeIfAbsent(ip, k -> "<IP" + (addresses.size() + 1) + ">");
  }

  private interface Replacer {
    String replace(String match);
  }

  private static String number(Pattern p, String s, Replacer r) {
    Matcher m = p.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(r.replace(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
