package press.callback.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger in a file: an append-only file, one line per state change, {@code instant TAB state
 * TAB address TAB detail}. Each line is forced to disk before {@link #record} returns, so {@code
 * sending} is on disk before the message is handed over and {@code sent} right after the 250.
 *
 * <p>A crash can leave a last line half written: it is ignored and cut off before appending.
 */
final class FileLedger implements Ledger {
  private final FileChannel channel;
  private final SendLock lock;
  private final Clock clock;
  private final Map<String, Mark> marks;

  private FileLedger(FileChannel channel, SendLock lock, Clock clock, Map<String, Mark> marks) {
    this.channel = channel;
    this.lock = lock;
    this.clock = clock;
    this.marks = marks;
  }

  /**
   * Opens (or creates) a ledger to send with, and reads what it holds. The ledger is locked for as
   * long as it is open: one send per issue and destination at a time, however many processes try.
   *
   * @throws Busy if another send of this issue to this destination is running
   */
  static FileLedger open(Path file, Clock clock, ProcessLocks locks) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    SendLock lock = SendLock.take(file, clock, locks);
    try {
      Map<String, Mark> marks = new HashMap<>();
      long complete = readInto(file, marks);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.truncate(complete); // a last line without '\n' was cut short by a crash
      channel.position(complete);
      return new FileLedger(channel, lock, clock, marks);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * The last state of every address in a ledger, read without changing or locking it (for {@code
   * --status} and {@code --dry-run}, which may run beside a send). Empty if there is no ledger.
   */
  static Map<String, Mark> read(Path file) throws IOException {
    Map<String, Mark> marks = new HashMap<>();
    readInto(file, marks);
    return Map.copyOf(marks);
  }

  /**
   * The send running on a ledger, in words ("pid 1234, since 2026-11-30T08:00:01Z"), if one is.
   */
  static Optional<String> running(Path file, ProcessLocks locks) {
    return SendLock.holder(file, locks);
  }

  /** Reads the complete lines of a ledger into {@code marks}; returns how many bytes they take. */
  private static long readInto(Path file, Map<String, Mark> marks) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] bytes = Files.readAllBytes(file);
    int lineStart = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        read(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8), marks);
        lineStart = i + 1;
      }
    }
    return lineStart;
  }

  /** Reads one complete line; lines that do not parse are skipped. */
  static void read(String line, Map<String, Mark> marks) {
    String[] f = line.split("\t", 4);
    if (f.length < 3) {
      return;
    }
    try {
      State state = State.valueOf(f[1].toUpperCase(Locale.ROOT));
      marks.put(f[2], new Mark(state, f.length == 4 ? f[3] : ""));
    } catch (IllegalArgumentException e) {
      // not a line of ours
    }
  }

  /** The last state of every address in the ledger (addresses in lower case). */
  @Override
  public synchronized Map<String, Mark> marks() {
    return Map.copyOf(marks);
  }

  /** The last mark of an address, or {@code null}. */
  @Override
  public synchronized Mark mark(String key) {
    return marks.get(key);
  }

  /**
   * Appends a state change; with {@code force}, returns only once it is on disk.
   *
   * @param key the address in lower case
   */
  @Override
  public synchronized void record(String key, State state, String detail, boolean force) {
    String clean = detail == null ? "" : detail.replaceAll("[\\t\\r\\n]+", " ").strip();
    String line = clock.instant() + "\t" + state.word() + "\t" + key + "\t" + clean + "\n";
    try {
      ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      if (force) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the send ledger", e);
    }
    marks.put(key, new Mark(state, clean));
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      channel.force(false);
      channel.close();
    } finally {
      lock.close();
    }
  }
}
