package press.callback.mail;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text file one physical line at a time, as the bytes it is and, when they are UTF-8, as
 * text: so a problem is named at the line an editor shows, and one line can be rewritten while
 * every other byte is kept.
 *
 * <p>A line ends at LF, CRLF or a lone CR, as editors count lines. A UTF-8 byte order mark (what
 * Excel writes first) stays in the first line's bytes and is left out of its text.
 */
final class ListLines implements Closeable {
  /**
   * One line.
   *
   * @param number its number, from 1
   * @param bytes the line as found, its line ending included
   * @param length how many of {@code bytes} are the line's content; the rest is its ending
   * @param text the content decoded, without a byte order mark; {@code null} if it is not UTF-8
   * @param badColumn the column (in characters, from 1) of the first byte that is not UTF-8, or 0
   */
  record Line(int number, byte[] bytes, int length, String text, int badColumn) {
    /** Empty or only spaces and tabs: a line a list ignores. */
    boolean isBlank() {
      return text != null && text.isBlank();
    }

    /** The line ending's bytes (none on a last line without one). */
    byte[] ending() {
      return java.util.Arrays.copyOfRange(bytes, length, bytes.length);
    }
  }

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;
  private int limit;
  private int number;

  ListLines(InputStream in) {
    this.in = in;
  }

  /** The next line, or {@code null} after the last. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int length = -1;
    while (length < 0 && (pos < limit || fill())) {
      int start = pos;
      while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') {
        pos++;
      }
      line.write(buffer, start, pos - start);
      if (pos < limit) {
        length = line.size();
        byte end = buffer[pos++];
        line.write(end);
        if (end == '\r' && (pos < limit || fill()) && buffer[pos] == '\n') {
          line.write(buffer[pos++]);
        }
      }
    }
    if (length < 0) {
      if (line.size() == 0) {
        return null;
      }
      length = line.size();
    }
    number++;
    return decode(line.toByteArray(), length);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    pos = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private Line decode(byte[] bytes, int length) {
    int start = number == 1 && length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    ByteBuffer source = ByteBuffer.wrap(bytes, start, length - start);
    CharBuffer text = CharBuffer.allocate(length - start);
    decoder.reset();
    CoderResult result = decoder.decode(source, text, true);
    if (!result.isError()) {
      result = decoder.flush(text);
    }
    text.flip();
    if (result.isError()) {
      return new Line(number, bytes, length, null, (int) text.codePoints().count() + 1);
    }
    return new Line(number, bytes, length, text.toString(), 0);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
