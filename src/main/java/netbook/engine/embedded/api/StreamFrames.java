package netbook.engine.embedded.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Docker's stream framing for exec, attach and logs without a TTY: an 8-byte header (stream type 1
 * stdout or 2 stderr, three zero bytes, big-endian payload length) before each chunk. With a TTY
 * the stream is raw and stderr is merged into stdout.
 */
final class StreamFrames {
  static final int STDOUT = 1;
  static final int STDERR = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final boolean raw;

  StreamFrames(boolean raw) {
    this.raw = raw;
  }

  StreamFrames add(int stream, String text) {
    if (text.isEmpty()) {
      return this;
    }
    byte[] payload =
        (raw ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text)
            .getBytes(StandardCharsets.UTF_8);
    if (!raw) {
      int n = payload.length;
      out.writeBytes(
          new byte[] {
            (byte) stream, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n
          });
    }
    out.writeBytes(payload);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
