package netbook.engine.embedded.busybox;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Ipv6;
import netbook.engine.embedded.model.Ipv6Paths;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetworkPaths;

/**
 * busybox {@code nslookup NAME}: asks the namespace's first name server. The embedded DNS
 * (127.0.0.11) answers names of containers on shared user-defined networks; anything it does not
 * know goes upstream, where (as on a host without internet) no server answers.
 */
final class NslookupCommand {
  static final String TIMED_OUT = ";; connection timed out; no servers could be reached\n\n";

  private final Namespaces namespaces;
  private final NetworkPaths paths;
  private final Ipv6Paths ipv6;

  NslookupCommand(Namespaces namespaces, NetworkPaths paths, Ipv6Paths ipv6) {
    this.namespaces = namespaces;
    this.paths = paths;
    this.ipv6 = ipv6;
  }

  ShellResult run(ContainerState c, List<String> args) {
    List<String> words = args.stream().filter(a -> !a.startsWith("-")).toList();
    if (words.isEmpty()) {
      return ShellResult.fail(
          "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n"
              + "Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\n"
              + "Query DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n",
          1);
    }
    String name = words.get(0);
    List<String> servers = namespaces.nameservers(c);
    String server =
        words.size() > 1 ? words.get(1) : servers.isEmpty() ? "127.0.0.1" : servers.get(0);
    boolean embedded = server.equals(Namespaces.EMBEDDED_DNS) && namespaces.embeddedDns(c);
    if (!embedded) {
      boolean loopback = Ipv4.isAddress(server) && Ipv4.isLoopback(Ipv4.parse(server));
      return new ShellResult(
          TIMED_OUT,
          loopback ? "nslookup: write to '" + server + "': Connection refused\n" : "",
          1);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Server:\t\t").append(server).append('\n');
    sb.append("Address:\t").append(server).append(":53\n\n");
    sb.append("Non-authoritative answer:\n");
    if (Ipv4.isAddress(name)) {
      int a = Ipv4.parse(name);
      Optional<String> host = paths.reverse(c, a);
      if (host.isEmpty()) {
        return new ShellResult(TIMED_OUT, "", 1);
      }
      sb.append(((a) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + ((a >>> 16) & 0xff) + ".")
          .append((a >>> 24) & 0xff)
          .append(".in-addr.arpa\tname = ")
          .append(host.get())
          .append("\n\n");
      return ShellResult.ok(sb.toString());
    }
    List<Integer> addresses = paths.dns(c, name);
    if (addresses.isEmpty()) {
      return new ShellResult(TIMED_OUT, "", 1);
    }
    for (int a : addresses) {
      sb.append("Name:\t").append(name).append('\n');
      sb.append("Address: ").append(Ipv4.format(a)).append('\n');
    }
    sb.append("\nNon-authoritative answer:\n");
    for (BigInteger a : ipv6.dns(c, name)) {
      sb.append("Name:\t").append(name).append('\n');
      sb.append("Address: ").append(Ipv6.format(a)).append('\n');
    }
    sb.append('\n');
    return ShellResult.ok(sb.toString());
  }
}
