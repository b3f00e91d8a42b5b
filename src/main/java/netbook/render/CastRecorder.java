package netbook.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Records what a run writes to the terminal as an asciicast v2 recording ({@code netbook run
 * FILE.md --cast OUT.cast}), asciinema's format: a JSON header line, then one {@code [seconds, "o",
 * text]} line per chunk of output, timed from the start. What is written is kept until a flush,
 * which makes it one event at that moment (the run flushes after each line, a cell's output as it
 * comes). Line breaks become {@code \r\n}: a player emulates a terminal, where a bare {@code \n}
 * only moves down. Thread-safe: a cell's snippets print from JShell's threads.
 *
 * <pre>
 * CastRecorder cast = new CastRecorder(System::nanoTime);
 * OutputStream out = cast.tee(terminal);   // what goes to the terminal is recorded too
 * …
 * String text = cast.text(80, 24, epochSeconds, "05-user-defined-networks.md", "xterm-256color");
 * </pre>
 */
public final class CastRecorder extends OutputStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LongSupplier nanos;
  private final long start;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final List<Event> events = new ArrayList<>();
  private boolean lastWasCr;

  /** One chunk of output, {@code seconds} after the start. */
  public record Event(double seconds, String text) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.3fs %d chars", seconds, text.length());
    }
  }

  /** Starts the clock now; {@code nanos} is a monotonic clock (System::nanoTime). */
  public CastRecorder(LongSupplier nanos) {
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** A stream writing to {@code target} and to this recording alike. */
  public OutputStream tee(OutputStream target) {
    CastRecorder recorder = this;
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        target.write(b);
        recorder.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
        recorder.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        target.flush();
        recorder.flush();
      }
    };
  }

  @Override
  public synchronized void write(int b) {
    pending.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    pending.write(b, off, len);
  }

  /** Makes what was written since the last flush an event, timed now. */
  @Override
  public synchronized void flush() {
    if (pending.size() == 0) {
      return;
    }
    byte[] bytes = pending.toByteArray();
    int complete = completeLength(bytes);
    pending.reset();
    pending.write(bytes, complete, bytes.length - complete); // a character cut in two waits
    if (complete == 0) {
      return;
    }
    String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
    double seconds = Math.max(0, nanos.getAsLong() - start) / 1e9;
    double last = events.isEmpty() ? 0 : events.get(events.size() - 1).seconds();
    events.add(new Event(Math.max(seconds, last), terminalLines(text)));
  }

  @Override
  public void close() {
    flush();
  }

  /** The events so far (what is not flushed yet is not among them). */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /**
   * The recording as asciicast v2 text: the header ({@code width} × {@code height} characters, the
   * start as epoch seconds, the title, the TERM it was made for), then the events, one a line.
   */
  public synchronized String text(
      int width, int height, long timestamp, String title, String term) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("version", 2);
    header.put("width", width);
    header.put("height", height);
    header.put("timestamp", timestamp);
    header.put("title", title);
    header.put("env", Map.of("TERM", term));
    StringBuilder b = new StringBuilder();
    try {
      b.append(JSON.writeValueAsString(header)).append('\n');
      for (Event e : events) {
        b.append('[')
            .append(String.format(Locale.ROOT, "%.6f", e.seconds()))
            .append(", \"o\", ")
            .append(JSON.writeValueAsString(e.text()))
            .append("]\n");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a string as JSON", e); // (never: plain values)
    }
    return b.toString();
  }

  /** {@code \n} as {@code \r\n}, leaving an existing {@code \r\n} alone (also across chunks). */
  private String terminalLines(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && !lastWasCr) {
        b.append('\r');
      }
      b.append(c);
      lastWasCr = c == '\r';
    }
    return b.toString();
  }

  /** How many leading bytes end on a whole UTF-8 character. */
  static int completeLength(byte[] b) {
    int n = b.length;
    // look back over at most 3 continuation bytes for the lead byte of the last character
    for (int i = n - 1; i >= Math.max(0, n - 4); i--) {
      int v = b[i] & 0xFF;
      if ((v & 0xC0) == 0x80) {
        continue; // a continuation byte
      }
      int need = v < 0x80 ? 1 : (v & 0xE0) == 0xC0 ? 2 : (v & 0xF0) == 0xE0 ? 3 : 4;
      return n - i >= need ? n : i;
    }
    return n;
  }

  @Override
  public String toString() {
    return "cast recording: " + events().size() + " events";
  }
}
