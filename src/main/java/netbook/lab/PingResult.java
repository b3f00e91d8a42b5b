package netbook.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of {@code ping}, parsed from busybox's own output, which {@link #toString()} gives
 * back as it was printed, {@code ping: bad address 'x'} included.
 */
public record PingResult(
    String from,
    String target,
    String address,
    int transmitted,
    int received,
    List<Double> times,
    String error,
    String output) {

  private static final Pattern HEAD = Pattern.compile("PING (\\S+) \\(([^)]+)\\)");
  private static final Pattern STATS =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) packets received");
  private static final Pattern TIME = Pattern.compile("time=([0-9.]+) ms");

  public PingResult {
    times = List.copyOf(times);
  }

  /** Reads busybox ping's output (stdout and stderr together). */
  public static PingResult parse(String from, String target, String output) {
    String address = "";
    int tx = 0;
    int rx = 0;
    String error = "";
    List<Double> times = new ArrayList<>();
    Matcher m = HEAD.matcher(output);
    if (m.find()) {
      address = m.group(2);
    }
    m = STATS.matcher(output);
    if (m.find()) {
      tx = Integer.parseInt(m.group(1));
      rx = Integer.parseInt(m.group(2));
    }
    m = TIME.matcher(output);
    while (m.find()) {
      times.add(Double.parseDouble(m.group(1)));
    }
    for (String line : output.split("\n")) {
      if (line.startsWith("ping: ")) {
        error = line.substring("ping: ".length()).strip();
      }
    }
    return new PingResult(from, target, address, tx, rx, times, error, output);
  }

  /** Whether at least one reply came back. */
  public boolean ok() {
    return received > 0;
  }

  /** Percent of packets lost, 100 when the name did not resolve. */
  public int loss() {
    return transmitted == 0 ? 100 : (transmitted - received) * 100 / transmitted;
  }

  /** Average round-trip time in milliseconds, or 0 with no reply. */
  public double avgMs() {
    return times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  @Override
  public String toString() {
    return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
  }
}
