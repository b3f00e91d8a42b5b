package netbook.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a replayed book said about the resources it shows: container and network ids it printed (and
 * the live ids they turned out to be), and which container each address it shows belongs to ({@code
 * docker network inspect} output, {@code PING name (ip)} lines). With it a transcript can run
 * {@code docker inspect ffa4} or {@code ping -c 2 172.17.0.4} as the author meant them: the
 * container started just before, the other container.
 */
public final class BookMemory {
  private static final Pattern ID_KEY = Pattern.compile("\"([0-9a-f]{12,64})\"\\s*:\\s*\\{");
  private static final Pattern NAME = Pattern.compile("\"Name\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern IPV4 =
      Pattern.compile(
          "\"(?:IPv4Address|IPAddress)\"\\s*:\\s*\"(\\d+\\.\\d+\\.\\d+\\.\\d+)(?:/\\d+)?\"");
  private static final Pattern PING =
      Pattern.compile("^PING ([A-Za-z_][\\w.-]*) \\((\\d+\\.\\d+\\.\\d+\\.\\d+)\\)");

  private final Map<String, String> liveIds = new LinkedHashMap<>();
  private final Map<String, String> idNames = new LinkedHashMap<>();
  private final Map<String, String> ipNames = new LinkedHashMap<>();

  /** Reads what a book shows (a console cell's outputs, a JSON block) for ids and addresses. */
  public synchronized void learn(String recorded) {
    String id = null;
    String name = null;
    for (String line : recorded.split("\n")) {
      Matcher m = ID_KEY.matcher(line);
      if (m.find()) {
        id = m.group(1);
        name = null;
        continue;
      }
      m = NAME.matcher(line);
      if (m.find()) {
        name = m.group(1);
        if (id != null) {
          idNames.put(id, name);
        }
        continue;
      }
      m = IPV4.matcher(line);
      if (m.find() && name != null) {
        ipNames.put(m.group(1), name);
        continue;
      }
      m = PING.matcher(line.strip());
      if (m.find()) {
        ipNames.putIfAbsent(m.group(2), m.group(1));
      }
    }
  }

  /** Records that the id the book printed is, live, {@code liveId}. */
  public synchronized void learnId(String bookId, String liveId) {
    liveIds.put(bookId, liveId);
  }

  /** The container the book shows at {@code ip}, by name. */
  public synchronized Optional<String> nameAt(String ip) {
    return Optional.ofNullable(ipNames.get(ip));
  }

  /** The live id of the resource whose book id starts with {@code prefix} (4+ hex digits). */
  public synchronized Optional<String> liveIdFor(String prefix) {
    if (prefix.length() < 4 || !Targets.isHex(prefix)) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> e : liveIds.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The name the book gives the container whose id starts with {@code prefix}. */
  public synchronized Optional<String> nameForId(String prefix) {
    if (prefix.length() < 4 || !Targets.isHex(prefix)) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> e : idNames.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized String toString() {
    return "book ids " + liveIds + ", names " + idNames + ", addresses " + ipNames;
  }
}
