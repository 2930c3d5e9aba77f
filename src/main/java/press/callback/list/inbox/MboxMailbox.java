package press.callback.list.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * An mbox file (mboxrd or mboxo: messages after {@code From } lines, {@code >From} unquoted). The
 * file is never written: what was handled is noted beside it, in {@code FILE.press-handled} (one
 * SHA-256 of each message's key a line, no addresses), and skipped when the file is read again.
 * A mailbox file belongs to the mail system, which appends to it while we read; writing it back
 * could lose a message that arrived meanwhile.
 */
public final class MboxMailbox implements Mailbox {
  private final Path file;
  private final Path note;
  private final Set<String> handled = new HashSet<>();
  private Writer noteWriter;

  private MboxMailbox(Path file) throws IOException {
    this.file = file;
    this.note = file.resolveSibling(file.getFileName() + ".press-handled");
    if (Files.isRegularFile(note)) {
      for (String line : Files.readAllLines(note, StandardCharsets.US_ASCII)) {
        if (!line.isBlank()) {
          handled.add(line.strip());
        }
      }
    }
  }

  /** @throws IOException when the file cannot be read */
  public static MboxMailbox open(Path file) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IOException(file + " is not a readable file");
    }
    return new MboxMailbox(file);
  }

  @Override
  public void read(Handler handler) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Lines lines = new Lines(in);
      ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
      boolean started = false;
      boolean blankBefore = true;
      byte[] l;
      while ((l = lines.next()) != null) {
        int n = lines.length();
        if (blankBefore && startsWith(l, n, 0, "From ")) {
          if (started) {
            deliver(trimLastNewline(message.toByteArray()), handler);
          }
          message.reset();
          started = true;
        } else if (started) {
          int skip = unquote(l, n);
          message.write(l, skip, n - skip);
        }
        blankBefore = n == 1 && l[0] == '\n' || n == 2 && l[0] == '\r' && l[1] == '\n';
      }
      if (started) {
        deliver(trimLastNewline(message.toByteArray()), handler);
      }
    }
    if (noteWriter != null) {
      noteWriter.flush();
    }
  }

  /** The lines of a stream, each with its line end, read through one buffer (the last may have none). */
  private static final class Lines {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private int length;

    Lines(InputStream in) {
      this.in = in;
    }

    /** The next line (valid up to {@link #length()}), or {@code null} at the end. */
    byte[] next() throws IOException {
      length = 0;
      while (true) {
        if (pos == end) {
          end = in.read(buffer);
          pos = 0;
          if (end <= 0) {
            end = 0;
            return length == 0 ? null : line;
          }
        }
        int i = pos;
        while (i < end && buffer[i] != '\n') {
          i++;
        }
        boolean found = i < end;
        int take = (found ? i + 1 : i) - pos;
        if (length + take > line.length) {
          line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + take));
        }
        System.arraycopy(buffer, pos, line, length, take);
        length += take;
        pos += take;
        if (found) {
          return line;
        }
      }
    }

    int length() {
      return length;
    }
  }

  private void deliver(byte[] raw, Handler handler) throws IOException {
    String id = MessageKey.sha256(MessageKey.of(raw).getBytes(StandardCharsets.UTF_8));
    if (handled.contains(id)) {
      handler.handledBefore();
      return;
    }
    if (handler.handle(raw)) {
      handled.add(id);
      if (noteWriter == null) {
        noteWriter = Files.newBufferedWriter(note, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      noteWriter.write(id);
      noteWriter.write('\n');
    }
  }

  /** How many bytes of a {@code >From } line to drop (one {@code >}), or 0. */
  private static int unquote(byte[] l, int n) {
    int i = 0;
    while (i < n && l[i] == '>') {
      i++;
    }
    return i > 0 && startsWith(l, n, i, "From ") ? 1 : 0;
  }

  private static boolean startsWith(byte[] l, int n, int from, String prefix) {
    if (n - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (l[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The blank line before the next {@code From } belongs to the file, not the message. */
  private static byte[] trimLastNewline(byte[] m) {
    int n = m.length;
    if (n >= 2 && m[n - 1] == '\n' && m[n - 2] == '\n') {
      n--;
    } else if (n >= 4 && m[n - 1] == '\n' && m[n - 2] == '\r' && m[n - 3] == '\n') {
      n -= 2;
    }
    return n == m.length ? m : java.util.Arrays.copyOf(m, n);
  }

  @Override
  public String filing() {
    return "noted in " + note.getFileName();
  }

  @Override
  public void close() throws IOException {
    if (noteWriter != null) {
      noteWriter.close();
    }
  }
}
