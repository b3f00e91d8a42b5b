package netbook.engine.embedded.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A streamed body in HTTP/1.1 chunks: each write a chunk, {@link #finish} the last one. */
final class ChunkedOutputStream extends OutputStream {
  private final OutputStream out;

  ChunkedOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return; // an empty chunk would end the body
    }
    out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(b, off, len);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Writes the last chunk: the body ends, the connection stays. */
  void finish() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    // the connection outlives the body
  }
}
