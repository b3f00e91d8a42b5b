package netbook.lab;

/**
 * Whose words a refusal uses to name the fix: the Java API's ({@code name("nb_web")}, {@code
 * publish(8080, 80)}) or the docker command line's ({@code --name nb_web}, {@code -p 8080:80}).
 */
public enum Dialect {
  /** The fluent API: a friendly line for a name this session already uses. */
  JAVA("name(\"%s\")", "net(\"%s\")", "publish(8080, %d)"),
  /** The docker console: a name this session already uses gets the engine's own Conflict. */
  CLI("--name %s", "docker network create %s", "-p 8080:%d");

  private final String nameOption;
  private final String networkOption;
  private final String publishOption;

  Dialect(String nameOption, String networkOption, String publishOption) {
    this.nameOption = nameOption;
    this.networkOption = networkOption;
    this.publishOption = publishOption;
  }

  /** How to name a network: a format with one {@code %s}. */
  String networkOption() {
    return networkOption;
  }

  /** How to pass a name: a format with one {@code %s}. */
  String nameOption() {
    return nameOption;
  }

  /** How to publish another host port for {@code containerPort}. */
  String publish(int containerPort) {
    return String.format(publishOption, containerPort);
  }
}
