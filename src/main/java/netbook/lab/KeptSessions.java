package netbook.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.NetworkInfo;

/**
 * The sessions whose resources the user kept on purpose (answered {@code n} at the exit, or ran
 * with {@code --keep}): one session id a line in a file of netbook's home ({@code
 * ~/.netbook/kept}). Docker cannot relabel a container, so this record is what tells a kept session
 * from a crashed one: the crash reaper leaves kept sessions' resources alone, the next start lists
 * them, and {@code cleanup()} (or {@code bin/netbook cleanup}) removes them and their ids. {@link
 * #none()} keeps nothing (a session without a home: tests, the embedded engine's notebooks).
 */
public final class KeptSessions {
  private final Path file; // null: in memory only
  private final Set<String> memory = new LinkedHashSet<>();

  private KeptSessions(Path file) {
    this.file = file;
  }

  /** The record in {@code file} (made on the first {@link #add}). */
  public static KeptSessions at(Path file) {
    return new KeptSessions(file);
  }

  /** A record that lives in memory only. */
  public static KeptSessions none() {
    return new KeptSessions(null);
  }

  /** The kept session ids (empty when the file is missing or unreadable). */
  public synchronized Set<String> ids() {
    if (file == null) {
      return Set.copyOf(memory);
    }
    try {
      if (!Files.isRegularFile(file)) {
        return Set.of();
      }
      Set<String> ids = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String id = line.strip();
        if (!id.isEmpty() && !id.startsWith("#")) {
          ids.add(id);
        }
      }
      return ids;
    } catch (IOException e) {
      return Set.of();
    }
  }

  /** Records {@code id} as kept. */
  public synchronized void add(String id) {
    Set<String> ids = new LinkedHashSet<>(ids());
    if (ids.add(id)) {
      write(ids);
    }
  }

  /** Forgets {@code removed} (their resources are gone). */
  public synchronized void remove(Collection<String> removed) {
    Set<String> ids = new LinkedHashSet<>(ids());
    if (ids.removeAll(removed)) {
      write(ids);
    }
  }

  /** Whether a resource with these labels belongs to a kept session of {@code host}. */
  static boolean holds(Set<String> ids, String host, Map<String, String> labels) {
    return Session.isNetbooks(labels)
        && ids.contains(labels.get(Session.LABEL_SESSION))
        && host.equals(labels.get(Session.LABEL_HOST));
  }

  /**
   * The names of the kept sessions' containers (not their helpers) and networks on {@code engine},
   * made on {@code host}: what the start lists.
   */
  public List<String> resources(Engine engine, String host) {
    Set<String> ids = ids();
    List<String> names = new ArrayList<>();
    if (ids.isEmpty()) {
      return names;
    }
    for (ContainerInfo c : engine.containers(true)) {
      if (holds(ids, host, c.labels()) && !"helper".equals(c.labels().get(Session.LABEL_ROLE))) {
        names.add(c.name());
      }
    }
    for (NetworkInfo n : engine.networks()) {
      if (holds(ids, host, n.labels())) {
        names.add(n.name());
      }
    }
    return names;
  }

  private void write(Set<String> ids) {
    if (file == null) {
      memory.clear();
      memory.addAll(ids);
      return;
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".kept", ".tmp");
      StringBuilder sb = new StringBuilder();
      for (String id : ids) {
        sb.append(id).append('\n');
      }
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new NetbookException(
          "could not record the kept session in "
              + file
              + ": "
              + e.getMessage()
              + " (check the folder's permissions)");
    }
  }

  @Override
  public String toString() {
    return "KeptSessions[" + (file == null ? "memory" : file) + "]";
  }
}
