package press.callback.cli;

import press.callback.mail.ProcessLocks;

/**
 * What lives as long as the process: the one object {@link Main#main} creates and passes down to
 * every command. Whatever would otherwise be a static, mutable field (a registry, a process-wide
 * lock, a system property set once) belongs here, so that a test can make its own runtime and a
 * reader can see in one place what a command shares with the next.
 *
 * <p>Close it when the process is done with it.
 */
public final class PressRuntime implements AutoCloseable {
  private final ProcessLocks locks = new ProcessLocks();

  /** A runtime for one process (or one test). */
  public PressRuntime() {}

  /** The send and list-file locks this process holds (see {@link ProcessLocks}). */
  ProcessLocks locks() {
    return locks;
  }

  @Override
  public void close() {}
}
