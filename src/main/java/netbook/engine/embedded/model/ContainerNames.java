package netbook.engine.embedded.model;

import java.util.List;

/** Docker-style generated container names (adjective_surname), for containers created unnamed. */
final class ContainerNames {
  private static final List<String> ADJECTIVES =
      List.of(
          "admiring",
          "brave",
          "charming",
          "clever",
          "eager",
          "ecstatic",
          "focused",
          "gifted",
          "happy",
          "jolly",
          "keen",
          "laughing",
          "modest",
          "nifty",
          "optimistic",
          "peaceful",
          "quirky",
          "relaxed",
          "serene",
          "tender",
          "upbeat",
          "vibrant",
          "wizardly",
          "zealous");
  private static final List<String> SURNAMES =
      List.of(
          "babbage",
          "bohr",
          "curie",
          "darwin",
          "einstein",
          "euler",
          "feynman",
          "galileo",
          "hopper",
          "kepler",
          "lamport",
          "lovelace",
          "meitner",
          "newton",
          "noether",
          "pasteur",
          "ritchie",
          "shannon",
          "thompson",
          "torvalds",
          "turing",
          "wozniak",
          "yalow",
          "zuse");

  private ContainerNames() {}

  static String generate(IdSource ids) {
    return ADJECTIVES.get(ids.between(0, ADJECTIVES.size()))
        + "_"
        + SURNAMES.get(ids.between(0, SURNAMES.size()));
  }
}
