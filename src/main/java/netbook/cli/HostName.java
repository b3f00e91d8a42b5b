package netbook.cli;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * This machine's name, as sessions record it in {@code netbook.host}: the crash reaper only removes
 * what sessions of this host left, since only here can it tell whether their process is gone.
 */
final class HostName {
  private static final System.Logger LOG = System.getLogger(HostName.class.getName());

  private HostName() {}

  static String current(Map<String, String> env) {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        String h = Files.readString(kernel, StandardCharsets.UTF_8).strip();
        if (!h.isEmpty()) {
          return h;
        }
      }
    } catch (IOException e) {
      // not Linux, or no /proc: try the environment and the resolver
      LOG.log(Level.DEBUG, "no host name in /proc", e);
    }
    for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String h = env.get(var);
      if (h != null && !h.isBlank()) {
        return h.strip();
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
