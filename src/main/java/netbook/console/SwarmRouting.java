package netbook.console;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import netbook.NetbookException;
import netbook.lab.Node;
import netbook.lab.Swarm;

/**
 * Which engine a docker line runs on once the session has a swarm: {@code docker -H node2 ps} runs
 * on node2's engine; {@code docker node …}, {@code docker service …} and {@code docker network
 * create -d overlay …} run on the manager (node1), as they must, saying so once. Without a swarm
 * every line runs on the session's engine.
 */
final class SwarmRouting {
  private static final Set<String> MANAGER_VERBS = Set.of("node", "service", "swarm");

  private SwarmRouting() {}

  /** The console to run {@code words} on; removes a leading {@code -H NODE} from them. */
  static Optional<DockerConsole> console(
      DockerConsole home, List<String> words, CommandOutput out) {
    String host = host(words);
    Optional<Swarm> swarm = Swarm.in(home.session());
    if (host != null) {
      if (swarm.isEmpty()) {
        throw new NetbookException(
            "-H "
                + host
                + ": netbook's -H names a node of this session's swarm, and there is none yet:"
                + " swarm(3) makes node1…node3");
      }
      return Optional.of(of(swarm.get(), swarm.get().node(host)));
    }
    if (swarm.isEmpty() || words.isEmpty() || !managerOnly(words)) {
      return Optional.empty();
    }
    Node manager = swarm.get().manager();
    home.noteOnce(
        out,
        "swarm-manager",
        "swarm commands run on "
            + manager.name()
            + ", the swarm's manager (docker -H NODE … runs a line on another node)");
    return Optional.of(of(swarm.get(), manager));
  }

  private static DockerConsole of(Swarm swarm, Node n) {
    DockerConsole c = DockerConsole.of(n.session());
    c.node(swarm, n.name());
    return c;
  }

  private static boolean managerOnly(List<String> words) {
    if (MANAGER_VERBS.contains(words.get(0))) {
      return true;
    }
    if (!words.get(0).equals("network") || words.size() < 2 || !words.get(1).equals("create")) {
      return false;
    }
    for (int i = 2; i < words.size(); i++) {
      String w = words.get(i);
      if ((w.equals("-d") || w.equals("--driver")) && i + 1 < words.size()) {
        return words.get(i + 1).equals("overlay");
      }
      if (w.equals("--driver=overlay") || w.equals("-doverlay")) {
        return true;
      }
    }
    return false;
  }

  /** The node a leading {@code -H NODE} / {@code --host NODE} names (removed), or null. */
  private static String host(List<String> words) {
    if (words.isEmpty()) {
      return null;
    }
    String w = words.get(0);
    if ((w.equals("-H") || w.equals("--host")) && words.size() > 1) {
      words.remove(0);
      return words.remove(0);
    }
    if (w.startsWith("-H=") || w.startsWith("--host=")) {
      words.remove(0);
      return w.substring(w.indexOf('=') + 1);
    }
    return null;
  }
}
