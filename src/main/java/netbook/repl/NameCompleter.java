package netbook.repl;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.ImageInfo;
import netbook.engine.NetworkInfo;
import org.jline.reader.Candidate;

/**
 * Completes the live names inside the string argument of the API's entry points: networks in {@code
 * net("…")}, containers in {@code container("…")} and {@code ping("…")}, images in {@code run("…")}
 * (the engine's images and the tutorial's ubuntu, alpine, busybox, nginx).
 */
final class NameCompleter {
  private static final System.Logger LOG = System.getLogger(NameCompleter.class.getName());

  /** The tutorial's images, offered even before they are pulled. */
  static final List<String> TUTORIAL_IMAGES = List.of("ubuntu", "alpine", "busybox", "nginx");

  private static final Pattern ARGUMENT =
      Pattern.compile("(?<![\\w$])(net|container|ping|run)\\(\\s*\"([^\"\\\\]*)$");

  /** Right after the parenthesis, before any quote: the names are offered quoted. */
  private static final Pattern BARE =
      Pattern.compile("(?<![\\w$])(net|container|ping|run)\\(\\s*$");

  private final Supplier<Optional<Engine>> engine;

  NameCompleter(Supplier<Optional<Engine>> engine) {
    this.engine = engine;
  }

  /** The kind of name wanted at the cursor ("net", "container", "ping", "run"), if any. */
  static Optional<String> kindAt(String line, int cursor) {
    Matcher m = ARGUMENT.matcher(line.substring(0, Math.min(cursor, line.length())));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Where the text inside the string starts, or -1 when the cursor is not in such a string. */
  static int argumentStart(String line, int cursor) {
    Matcher m = ARGUMENT.matcher(line.substring(0, Math.min(cursor, line.length())));
    return m.find() ? m.start(2) : -1;
  }

  /** Adds the names for the string argument at the cursor; false when not in one. */
  boolean complete(String line, int cursor, List<Candidate> out) {
    Optional<String> kind = kindAt(line, cursor);
    if (kind.isEmpty()) {
      Matcher bare = BARE.matcher(line.substring(0, Math.min(cursor, line.length())));
      if (!bare.find()) {
        return false;
      }
      List<String> found = names(bare.group(1));
      for (String name : found) {
        out.add(new Candidate('"' + name + '"', name, null, null, null, null, false));
      }
      return !found.isEmpty();
    }
    boolean closed = cursor < line.length() && line.charAt(cursor) == '"';
    String group =
        switch (kind.get()) {
          case "net" -> "networks";
          case "run" -> "images";
          default -> "containers";
        };
    for (String name : names(kind.get())) {
      out.add(new Candidate(closed ? name : name + "\"", name, group, null, null, null, false));
    }
    return true;
  }

  /** The names of that kind now (none while the engine is not open, or when it fails). */
  List<String> names(String kind) {
    Set<String> names = new LinkedHashSet<>();
    if (kind.equals("run")) {
      names.addAll(TUTORIAL_IMAGES);
    }
    Optional<Engine> e = engine.get();
    if (e.isEmpty()) {
      return new ArrayList<>(names);
    }
    try {
      switch (kind) {
        case "net" -> e.get().networks().stream().map(NetworkInfo::name).forEach(names::add);
        case "run" -> {
          for (ImageInfo i : e.get().images()) {
            for (String tag : i.tags()) {
              if (!tag.startsWith("<none>")) {
                names.add(tag.endsWith(":latest") ? tag.substring(0, tag.length() - 7) : tag);
              }
            }
          }
        }
        default -> e.get().containers(true).stream().map(ContainerInfo::name).forEach(names::add);
      }
    } catch (RuntimeException ex) {
      // a lost daemon: complete what we have; the next command reports it
      LOG.log(Level.DEBUG, "completion could not list names", ex);
    }
    return new ArrayList<>(names);
  }
}
