package netbook.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where netbook is installed: the checkout bin/netbook runs from (its jar is target/netbook.jar,
 * its classes target/classes), and the chapters in its notebooks folder.
 */
final class Installation {
  private Installation() {}

  /**
   * The chapters: ./notebooks when the current folder has them (a checkout), else the notebooks
   * folder of the installation; empty when neither is there.
   */
  static Optional<Path> notebooks() {
    Path here = Path.of("notebooks");
    if (Files.isDirectory(here)) {
      return Optional.of(here);
    }
    return home().map(h -> h.resolve("notebooks")).filter(Files::isDirectory);
  }

  /** The checkout: the folder above target/ (where the jar or the classes are). */
  static Optional<Path> home() {
    try {
      CodeSource cs = Installation.class.getProtectionDomain().getCodeSource();
      if (cs == null) {
        return Optional.empty();
      }
      Path p = Path.of(cs.getLocation().toURI()).toAbsolutePath();
      for (Path d = p.getParent(); d != null; d = d.getParent()) {
        if (d.getFileName() != null && d.getFileName().toString().equals("target")) {
          return Optional.ofNullable(d.getParent());
        }
      }
      return Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
