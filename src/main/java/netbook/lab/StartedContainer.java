package netbook.lab;

/**
 * A container {@link Session#run} created and started: its id, its name, and the image that played
 * it (the one asked for, or its lab stand-in).
 */
public record StartedContainer(String id, String name, String image) {
  @Override
  public String toString() {
    return "container " + name + " (" + image + ", started)";
  }
}
