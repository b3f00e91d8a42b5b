package netbook.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netbook.notebook.Cell;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookParser;

/**
 * What the chapters need of the machine, read from their cells (never their prose): the images they
 * run ({@code run("nginx", …)}, {@code docker run … nginx}), the subnets they ask for by name
 * ({@code net(name, subnet, gateway)}, {@code --subnet}), the host ports they publish ({@code
 * publish(8080, 80)}, {@code -p 8080:80}), and whether they start a swarm. Each with the first
 * place that needs it ({@code 10-subnets-and-internal.md:20}).
 */
public record ChapterNeeds(
    Map<String, String> images,
    Map<String, String> subnets,
    Map<Port, String> ports,
    String swarm) {

  /** A host port a chapter publishes, on an address ("" for every address). */
  public record Port(String address, int port) implements Comparable<Port> {
    @Override
    public int compareTo(Port o) {
      int c = Integer.compare(port, o.port);
      return c != 0 ? c : address.compareTo(o.address);
    }

    @Override
    public String toString() {
      return address.isEmpty() ? String.valueOf(port) : address + ":" + port;
    }
  }

  /** The tutorial images a docker command line may name (any tag). */
  private static final Set<String> KNOWN_IMAGES =
      Set.of("ubuntu", "debian", "alpine", "busybox", "nginx", "httpd");

  private static final Pattern JAVA_IMAGE =
      Pattern.compile(
          "\\b(?:run|service)\\(\\s*(?:\"[^\"]*\"\\s*,\\s*)?\"([a-z0-9][a-z0-9./:_-]*)\"");
  private static final Pattern JAVA_SUBNET =
      Pattern.compile("\\bnet\\(\\s*\"[^\"]+\"\\s*,\\s*\"([0-9.]+/[0-9]+)\"");
  private static final Pattern JAVA_PUBLISH =
      Pattern.compile("\\bpublish\\(\\s*(?:\"([0-9.]+)\"\\s*,\\s*)?([0-9]+)\\s*,\\s*[0-9]+");
  private static final Pattern CLI_SUBNET = Pattern.compile("--subnet[ =]([0-9.]+/[0-9]+)");
  private static final Pattern CLI_PUBLISH =
      Pattern.compile("(?:-p|--publish)[ =](?:([0-9.]+):)?([0-9]+):[0-9]+");
  private static final Pattern SWARM = Pattern.compile("\\bswarm\\(|docker swarm init");

  public ChapterNeeds {
    images = Map.copyOf(images);
    subnets = Map.copyOf(subnets);
    ports = Map.copyOf(ports);
    swarm = swarm == null ? "" : swarm;
  }

  /**
   * The chapters of {@code dir}, of its exercises folder and of the exercises' solutions (what a
   * learner is asked to create: a subnet, a published port), README aside; none for no folder.
   */
  public static ChapterNeeds of(Path dir) {
    List<Notebook> books = new ArrayList<>();
    Path exercises = dir.resolve("exercises");
    for (Path d : List.of(dir, exercises, exercises.resolve("solutions"))) {
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.list(d)) {
        for (Path f : s.sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".md") && !name.equalsIgnoreCase("README.md")) {
            books.add(NotebookParser.parse(name, Files.readAllBytes(f)));
          }
        }
      } catch (IOException | RuntimeException e) {
        // a chapter that cannot be read needs nothing doctor can check
      }
    }
    return of(books);
  }

  /** What these notebooks' runnable cells need. */
  public static ChapterNeeds of(List<Notebook> books) {
    Map<String, String> images = new TreeMap<>();
    Map<String, String> subnets = new TreeMap<>();
    Map<Port, String> ports = new TreeMap<>();
    String swarm = "";
    for (Notebook nb : books) {
      for (Cell cell : nb.cells()) {
        if (!cell.runnable() || cell.attributes().skip()) {
          continue;
        }
        String where = nb.file() + ":" + cell.line();
        String src = cell.source();
        if (swarm.isEmpty() && SWARM.matcher(src).find()) {
          swarm = where;
        }
        if (cell.kind() == Cell.Kind.JAVA) {
          all(JAVA_IMAGE, src, m -> images.putIfAbsent(m.group(1), where));
          all(JAVA_SUBNET, src, m -> subnets.putIfAbsent(m.group(1), where));
          all(JAVA_PUBLISH, src, m -> ports.putIfAbsent(port(m), where));
        } else {
          for (String line : src.split("\n")) {
            String l = line.strip();
            if (l.startsWith("$ ")) {
              l = l.substring(2).strip();
            }
            if (!l.startsWith("docker ")) {
              continue; // the book's output under a command
            }
            all(CLI_SUBNET, l, m -> subnets.putIfAbsent(m.group(1), where));
            all(CLI_PUBLISH, l, m -> ports.putIfAbsent(port(m), where));
            if (l.matches("docker (container )?(run|create|pull) .*")) {
              for (String word : l.split("\\s+")) {
                if (KNOWN_IMAGES.contains(word.replaceFirst(":.*", ""))) {
                  images.putIfAbsent(word, where);
                }
              }
            }
          }
        }
      }
    }
    return new ChapterNeeds(
        new LinkedHashMap<>(images), new LinkedHashMap<>(subnets), ports, swarm);
  }

  private static Port port(Matcher m) {
    return new Port(m.group(1) == null ? "" : m.group(1), Integer.parseInt(m.group(2)));
  }

  private static void all(Pattern p, String text, java.util.function.Consumer<Matcher> each) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      each.accept(m);
    }
  }
}
