package netbook.lab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tar archive in memory (POSIX ustar: directories and regular files, owned by root), enough for a
 * build context: {@code dir("rootfs/tmp", 01777)}, {@code file("Dockerfile", bytes, 0644)}.
 */
final class TarWriter {
  private static final int BLOCK = 512;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  TarWriter dir(String name, int mode) {
    header(name.endsWith("/") ? name : name + "/", mode, 0, '5');
    return this;
  }

  TarWriter file(String name, byte[] content, int mode) {
    header(name, mode, content.length, '0');
    out.writeBytes(content);
    pad(content.length);
    return this;
  }

  TarWriter file(String name, String content, int mode) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  /** The archive, closed with its two zero blocks. */
  byte[] toByteArray() {
    ByteArrayOutputStream done = new ByteArrayOutputStream(out.size() + 2 * BLOCK);
    done.writeBytes(out.toByteArray());
    done.writeBytes(new byte[2 * BLOCK]);
    return done.toByteArray();
  }

  private void header(String name, int mode, long size, char type) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100) {
      throw new IllegalArgumentException("tar name longer than 100 bytes: " + name);
    }
    byte[] h = new byte[BLOCK];
    System.arraycopy(n, 0, h, 0, n.length);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0); // uid
    octal(h, 116, 8, 0); // gid
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0); // mtime: the epoch, so the same inputs give the same archive
    h[156] = (byte) type;
    ascii(h, 257, "ustar\0");
    ascii(h, 263, "00");
    ascii(h, 265, "root");
    ascii(h, 297, "root");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    out.writeBytes(h);
  }

  private void pad(long size) {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.writeBytes(new byte[BLOCK - rest]);
    }
  }

  /** {@code value} in octal, zero-padded to {@code len - 1} digits and a NUL. */
  private static void octal(byte[] h, int at, int len, long value) {
    String s = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
    ascii(h, at, padded);
    h[at + len - 1] = 0;
  }

  private static void ascii(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }
}
