package press.callback.list.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a message the same when it is read again: its Message-ID, else the SHA-256 of its
 * bytes (line ends made alike, so a copy read over IMAP and one read from a file are one).
 */
public final class MessageKey {
  /** The header read for the Message-ID: no header is longer in practice. */
  private static final int HEADER_MAX = 64 * 1024;

  private MessageKey() {}

  /** The key of the raw message {@code raw}: {@code mid:<id@host>} or {@code sha256:<hex>}. */
  public static String of(byte[] raw) {
    String head = new String(raw, 0, headerLength(raw), StandardCharsets.ISO_8859_1);
    String id = Fields.header(head).get("Message-ID");
    if (id != null) {
      String clean = id.strip();
      int lt = clean.indexOf('<');
      int gt = clean.indexOf('>', lt + 1);
      if (lt >= 0 && gt > lt + 1) {
        clean = clean.substring(lt, gt + 1);
      }
      if (!clean.isEmpty() && clean.length() <= 998) {
        return "mid:" + clean;
      }
    }
    return "sha256:" + sha256(raw);
  }

  /** How many bytes the header takes: up to its blank line, at most {@link #HEADER_MAX}. */
  private static int headerLength(byte[] raw) {
    int max = Math.min(raw.length, HEADER_MAX);
    for (int i = 0; i < max; i++) {
      if (raw[i] == '\n' && (i + 1 < max && raw[i + 1] == '\n'
          || i + 2 < max && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
        return i + 1;
      }
    }
    return max;
  }

  /** SHA-256 of {@code raw} with each CRLF read as LF. */
  static String sha256(byte[] raw) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      int start = 0;
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
          d.update(raw, start, i - start);
          start = i + 1;
        }
      }
      d.update(raw, start, raw.length - start);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
