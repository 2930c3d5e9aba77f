package press.callback.mail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The lock that makes a send of one issue to one destination the only one: an OS lock on a file
 * of its own beside the ledger ({@code <ledger>.lock}), which holds the pid and start of the send
 * that has it. The OS releases it when that process ends, however it ends (a SIGKILL included), so
 * a crashed send never blocks the next.
 *
 * <p>The lock file is opened by nothing else: POSIX drops a process's lock on a file when any of
 * its descriptors of that file is closed. Within one process, where the OS lock cannot be taken
 * twice, the process's {@link ProcessLocks} answer instead.
 */
final class SendLock implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final ProcessLocks locks;
  private final String me;

  private SendLock(Path path, FileChannel channel, ProcessLocks locks, String me) {
    this.path = path;
    this.channel = channel;
    this.locks = locks;
    this.me = me;
  }

  /**
   * Takes the lock of {@code ledger}.
   *
   * @throws Ledger.Busy if a send holds it
   */
  static SendLock take(Path ledger, Clock clock, ProcessLocks locks) throws IOException {
    Path path = lockFile(ledger);
    String me = "pid " + ProcessHandle.current().pid() + ", since " + clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String other = locks.takeSend(path, me);
    if (other != null) {
      throw busy(ledger, other);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw busy(ledger, holderOf(channel));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new SendLock(path, channel, locks, me);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      locks.releaseSend(path, me);
      throw e;
    }
  }

  /** The send holding the lock of {@code ledger}, in words, if one does. */
  static Optional<String> holder(Path ledger, ProcessLocks locks) {
    Path path = lockFile(ledger);
    String here = locks.sendHolder(path);
    if (here != null) {
      return Optional.of(here);
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        return Optional.of(holderOf(channel));
      }
      lock.release();
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("unknown (" + e.getMessage() + ")");
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held in this process by a lock taken outside this class
    }
  }

  /** Who holds the lock, as its file says (read through the channel already open). */
  private static String holderOf(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(200);
    channel.read(buf, 0);
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "starting" : text;
  }

  private static Ledger.Busy busy(Path ledger, String holder) {
    return new Ledger.Busy("another send of this issue to this destination is running (" + holder
        + "); ledger " + ledger);
  }

  static Path lockFile(Path ledger) {
    return ledger.toAbsolutePath().normalize().resolveSibling(ledger.getFileName() + ".lock");
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close(); // releases the lock
    } finally {
      locks.releaseSend(path, me);
    }
  }
}
