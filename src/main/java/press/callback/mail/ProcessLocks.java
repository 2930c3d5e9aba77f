package press.callback.mail;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The locks that only this process can see: an OS file lock belongs to the whole process and
 * cannot be taken twice in it, and on POSIX closing any descriptor of a file drops the process's
 * lock on it, so within one process the sends held (by lock file) and the rewrites of a personal
 * data file are kept here instead. Make one per process ({@code cli.PressRuntime} does) and pass
 * it to every ledger and rewrite; a second one in the same process sees only the OS locks.
 */
public final class ProcessLocks {
  private final Map<Path, String> sends = new ConcurrentHashMap<>();
  private final Object rewrites = new Object();

  /** The locks of one process (or one test). */
  public ProcessLocks() {}

  /** Records that {@code holder} holds the send lock {@code lockFile}; the one holding it, if taken. */
  String takeSend(Path lockFile, String holder) {
    return sends.putIfAbsent(lockFile, holder);
  }

  /** Who holds the send lock {@code lockFile} in this process, or {@code null}. */
  String sendHolder(Path lockFile) {
    return sends.get(lockFile);
  }

  /** Forgets the send lock {@code lockFile}, if {@code holder} has it. */
  void releaseSend(Path lockFile, String holder) {
    sends.remove(lockFile, holder);
  }

  /** The monitor that keeps rewrites of personal data files one at a time in this process. */
  Object rewrites() {
    return rewrites;
  }
}
