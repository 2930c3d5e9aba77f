package press.callback.list.inbox;

import java.io.BufferedInputStream;
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
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      boolean started = false;
      boolean blankBefore = true;
      int b;
      while (true) {
        line.reset();
        while ((b = in.read()) >= 0) {
          line.write(b);
          if (b == '\n') {
            break;
          }
        }
        if (line.size() == 0) {
          break;
        }
        byte[] l = line.toByteArray();
        if (blankBefore && startsWith(l, 0, "From ")) {
          if (started) {
            deliver(trimLastNewline(message.toByteArray()), handler);
          }
          message.reset();
          started = true;
        } else if (started) {
          int skip = unquote(l);
          message.write(l, skip, l.length - skip);
        }
        blankBefore = l.length == 1 || l.length == 2 && l[0] == '\r';
        if (b < 0) {
          break;
        }
      }
      if (started) {
        deliver(trimLastNewline(message.toByteArray()), handler);
      }
    }
    if (noteWriter != null) {
      noteWriter.flush();
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
  private static int unquote(byte[] l) {
    int i = 0;
    while (i < l.length && l[i] == '>') {
      i++;
    }
    return i > 0 && startsWith(l, i, "From ") ? 1 : 0;
  }

  private static boolean startsWith(byte[] l, int from, String prefix) {
    if (l.length - from < prefix.length()) {
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
