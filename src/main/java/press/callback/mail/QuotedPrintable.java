package press.callback.mail;

import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable encoding (RFC 2045 §6.7) of text as UTF-8, with CRLF line ends and lines of
 * at most 76 characters (soft line breaks {@code =}). Written here because the per-message cost
 * of a stream encoder that works byte by byte dominates a large send; checked against Jakarta
 * Mail's decoder in the tests.
 */
public final class QuotedPrintable {
  private static final int MAX_LINE = 76;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private QuotedPrintable() {}

  /** Encodes {@code text}; its line breaks ({@code \n} or {@code \r\n}) become CRLF. */
  public static byte[] encode(String text) {
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    Out out = new Out(in.length + in.length / 4 + 16);
    int column = 0;
    for (int i = 0; i < in.length; i++) {
      int b = in[i] & 0xff;
      if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
        continue; // the \n that follows ends the line
      }
      if (b == '\n') {
        out.write('\r');
        out.write('\n');
        column = 0;
        continue;
      }
      boolean lineEnds = i + 1 == in.length || in[i + 1] == '\n' || (in[i + 1] == '\r' && i + 2 < in.length && in[i + 2] == '\n');
      boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
      int width = literal ? 1 : 3;
      // Keep room for the soft break '=' unless this is the line's last character.
      int limit = lineEnds ? MAX_LINE : MAX_LINE - 1;
      if (column + width > limit) {
        out.write('=');
        out.write('\r');
        out.write('\n');
        column = 0;
      }
      if (literal) {
        out.write(b);
      } else {
        out.write('=');
        out.write(HEX[b >> 4]);
        out.write(HEX[b & 0xf]);
      }
      column += width;
    }
    return out.bytes();
  }

  /** A growable byte buffer without the locking of ByteArrayOutputStream. */
  private static final class Out {
    private byte[] buf;
    private int size;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      buf[size++] = (byte) b;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, size);
    }
  }
}
