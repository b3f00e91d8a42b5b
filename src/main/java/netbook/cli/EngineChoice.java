package netbook.cli;

import java.util.Locale;

/** {@code --engine} / NETBOOK_ENGINE: which engine to use. */
enum EngineChoice {
  AUTO,
  DOCKER,
  EMBEDDED;

  static EngineChoice parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new netbook.NetbookException(
          "unknown engine '" + s + "': use docker, embedded or auto");
    }
  }
}
