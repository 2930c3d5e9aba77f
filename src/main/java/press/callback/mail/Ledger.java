package press.callback.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The send ledger of one issue and one destination: the last state of each recipient. A message
 * is recorded {@code sending} (durably) before it is handed to the server, and {@code sent}
 * (durably) after the server's 250; reading it back tells what must not be sent again, and what a
 * crash left uncertain. An open ledger holds the lock of its issue and destination: one send at a
 * time, however many processes try.
 *
 * <p>Two homes: a file beside the project ({@link #open(Path, Clock)}, for a CSV list) and rows in
 * the list's database ({@code press.callback.list.JdbcLedger}, for a list in the store).
 */
public interface Ledger extends AutoCloseable {
  /** The states a recipient moves through. */
  enum State {
    /** Handed to the server; no answer yet. After a crash: uncertain. */
    SENDING,
    /** The server accepted it (250). Never sent again. */
    SENT,
    /** Temporary failures (4xx, dropped connections) used up the retries; tried again next run. */
    DEFERRED,
    /** The server refused it for good (5xx). Not retried. */
    FAILED;

    /** The word stored: {@code sending}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The last state of a recipient and its detail (the server's reply, for failures). */
  record Mark(State state, String detail) {}

  /** The last mark of a recipient, or {@code null}. */
  Mark mark(String key);

  /** The last mark of every recipient (for tests and small lists: it reads them all). */
  Map<String, Mark> marks();

  /**
   * Records a state change; with {@code force}, returns only once it is durable (a crash after
   * this returns does not lose it).
   *
   * @param key the recipient's key (the address in lower case)
   * @throws java.io.UncheckedIOException or another runtime exception if it cannot be recorded:
   *     the send must stop, since it could no longer keep its promises
   */
  void record(String key, State state, String detail, boolean force);

  @Override
  void close() throws IOException;

  /**
   * Where a ledger lives: opened (and locked) to send, or read without locking by {@code --status}
   * and {@code --dry-run}, which may run beside a send.
   */
  interface Place {
    /** Where, in words: the file, or "the list database …". */
    String description();

    /**
     * Opens the ledger to send with, locked for as long as it is open.
     *
     * @throws Busy if another send of this issue to this destination is running
     */
    Ledger open() throws IOException;

    /** The last state of every recipient, read without the lock; empty if nothing was sent. */
    Map<String, Mark> read() throws IOException;

    /** The send running now, in words ("pid 1234 on host, since …"), if one is. */
    Optional<String> running();
  }

  /** The ledger file {@code file} as a place. */
  static Place file(Path file, Clock clock, ProcessLocks locks) {
    return new Place() {
      @Override
      public String description() {
        return file.toString();
      }

      @Override
      public Ledger open() throws IOException {
        return FileLedger.open(file, clock, locks);
      }

      @Override
      public Map<String, Mark> read() throws IOException {
        return FileLedger.read(file);
      }

      @Override
      public Optional<String> running() {
        return FileLedger.running(file, locks);
      }
    };
  }

  /**
   * Opens (or creates) a ledger file to send with, and reads what it holds.
   *
   * @throws Busy if another send of this issue to this destination is running
   */
  static Ledger open(Path file, Clock clock, ProcessLocks locks) throws IOException {
    return FileLedger.open(file, clock, locks);
  }

  /** The last state of every address in a ledger file, read without locking it; empty if none. */
  static Map<String, Mark> read(Path file) throws IOException {
    return FileLedger.read(file);
  }

  /** The send running on a ledger file, in words, if one is. */
  static Optional<String> running(Path file, ProcessLocks locks) {
    return FileLedger.running(file, locks);
  }

  /** Another send of the same issue to the same destination is running. */
  final class Busy extends IOException {
    private static final long serialVersionUID = 1L;

    public Busy(String message) {
      super(message);
    }
  }
}
