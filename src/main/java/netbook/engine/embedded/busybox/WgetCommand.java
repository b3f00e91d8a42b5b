package netbook.engine.embedded.busybox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.ImageRecord;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetworkPaths;
import netbook.engine.embedded.model.WebPages;

/**
 * busybox {@code wget [-q] [-O FILE] URL} over plain http: the web containers (nginx, netbook/web)
 * answer on port 80 of their addresses, and published ports answer on the host's addresses;
 * anything else is refused, or times out when no network is shared.
 */
final class WgetCommand {
  private static final DateTimeFormatter NGINX_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final DockerModel model;
  private final Namespaces namespaces;
  private final NetworkPaths paths;

  WgetCommand(DockerModel model, Namespaces namespaces, NetworkPaths paths) {
    this.model = model;
    this.namespaces = namespaces;
    this.paths = paths;
  }

  ShellResult run(ContainerState c, List<String> args) {
    boolean quiet = false;
    String output = null;
    String url = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-O")) {
        output = i + 1 < args.size() ? args.get(++i) : "-";
      } else if (a.startsWith("-O")) {
        output = a.substring(2);
      } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) {
        quiet |= a.contains("q");
        int o = a.indexOf('O');
        if (o >= 0) {
          output =
              o + 1 < a.length() ? a.substring(o + 1) : i + 1 < args.size() ? args.get(++i) : "-";
        }
        if (a.equals("-T") && i + 1 < args.size()) {
          i++;
        }
      } else if (!a.startsWith("-")) {
        url = a;
      }
    }
    if (url == null) {
      return ShellResult.fail("wget: missing URL\n", 1);
    }
    String rest = url.toLowerCase(Locale.ROOT).startsWith("http://") ? url.substring(7) : url;
    if (url.toLowerCase(Locale.ROOT).startsWith("https://")) {
      return ShellResult.fail("wget: not an http or ftp url: " + url + "\n", 1);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    int colon = authority.indexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    int port = colon < 0 ? 80 : Busybox.parseInt(authority.substring(colon + 1), 80);
    List<Integer> addresses = paths.resolve(c, host);
    if (addresses.isEmpty()) {
      return ShellResult.fail("wget: bad address '" + host + "'\n", 1);
    }
    int address = addresses.get(0);
    String where = Ipv4.format(address);
    paths.learn(c, address);
    if (!paths.reaches(c, address)) {
      return ShellResult.fail(
          "wget: can't connect to remote host (" + where + "): Connection timed out\n", 1);
    }
    Optional<ContainerState> server = server(c, address, port);
    if (server.isEmpty()) {
      return ShellResult.fail(
          "wget: can't connect to remote host (" + where + "): Connection refused\n", 1);
    }
    StringBuilder err = new StringBuilder();
    if (!quiet) {
      err.append("Connecting to ")
          .append(authority)
          .append(" (")
          .append(where)
          .append(':')
          .append(port)
          .append(")\n");
    }
    String page = WebPages.welcome(server.get().image());
    boolean found = WebPages.isIndex(path);
    logRequest(
        server.get(), source(c, address), path, found ? 200 : 404, found ? page.length() : 153);
    if (!found) {
      err.append("wget: server returned error: HTTP/1.1 404 Not Found\n");
      return ShellResult.fail(err.toString(), 1);
    }
    boolean toStdout = "-".equals(output);
    String file = output != null ? output : "index.html";
    if (!quiet) {
      err.append(toStdout ? "writing to stdout\n" : "saving to '" + file + "'\n");
      err.append(
          String.format(
              Locale.ROOT,
              "%-20s 100%% |********************************| %5d  0:00:00 ETA\n",
              toStdout ? "-" : file,
              page.length()));
      err.append(toStdout ? "written to stdout\n" : "'" + file + "' saved\n");
    }
    return new ShellResult(toStdout ? page : "", err.toString(), 0);
  }

  /** The address a request from this container to {@code address} comes from. */
  private int source(ContainerState from, int address) {
    return namespaces.endpoints(from).stream()
        .filter(x -> x.getKey().subnet().contains(address))
        .map(x -> x.getValue().address())
        .findFirst()
        .orElse(Ipv4.isLoopback(address) ? Ipv4.parse("127.0.0.1") : DockerModel.HOST_GATEWAY);
  }

  /** What the web server logs per request: busybox httpd -v on stderr, nginx's access log. */
  private void logRequest(ContainerState server, int client, String path, int status, int size) {
    String ip = Ipv4.format(client);
    if (server.image().kind() == ImageRecord.Kind.LAB_WEB) {
      server.log(
          2,
          "[::ffff:"
              + ip
              + "]:"
              + model.ids().between(32768, 60999)
              + ": response:"
              + status
              + "\n");
    } else {
      server.log(
          1,
          ip
              + " - - ["
              + NGINX_TIME.format(model.ids().peek())
              + "] \"GET "
              + path
              + " HTTP/1.1\" "
              + status
              + " "
              + size
              + " \"-\" \"Wget\" \"-\"\n");
    }
  }

  /** The web container answering on address:port from this container, if any. */
  private Optional<ContainerState> server(ContainerState from, int address, int port) {
    Optional<ContainerState> holder = paths.target(from, address);
    if (holder.isPresent()) {
      ContainerState t = holder.get();
      return port == 80 && t.running() && t.image().web() && isWebCommand(t)
          ? holder
          : Optional.empty();
    }
    if (Ipv4.isLoopback(address) && !from.namespace().hostMode()) {
      return port != 80
          ? Optional.empty()
          : model.sharing(from.namespace()).stream()
              .filter(x -> x.running() && x.image().web() && isWebCommand(x))
              .findFirst();
    }
    if (model.holder(address).isEmpty()) {
      return model.containers().stream()
          .filter(x -> x.running() && x.image().web() && isWebCommand(x))
          .filter(
              x ->
                  x.boundPorts().stream()
                      .anyMatch(b -> b.containerPort() == 80 && b.hostPort() == port))
          .findFirst();
    }
    return Optional.empty();
  }

  private static boolean isWebCommand(ContainerState c) {
    return c.cmd().equals(c.image().cmd()) && c.entrypoint() == null;
  }
}
