package press.callback.cli;

import press.callback.mail.ProcessLocks;
import press.callback.site.jbake.JbakeHost;

/**
 * What lives as long as the process: the one object {@link Main#main} creates and passes down to
 * every command. Whatever would otherwise be a static, mutable field (a registry, a process-wide
 * lock, a system property set once) belongs here, so that a test can make its own runtime and a
 * reader can see in one place what a command shares with the next.
 *
 * <p>Holds JBake as the process hosts it ({@link JbakeHost}: its registries, one bake at a time).
 * Close it when the process is done with it.
 */
public final class PressRuntime implements AutoCloseable {
  private final ProcessLocks locks = new ProcessLocks();
  private final JbakeHost jbake;

  /** A runtime for one process (or one test). */
  public PressRuntime() {
    nameTheMailStreamProvider();
    this.jbake = new JbakeHost();
  }

  /** JBake for the bakes of this process. */
  public JbakeHost jbake() {
    return jbake;
  }

  /**
   * Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader scan of every jar on the
   * class path for every header block it parses and every part it writes; named, it is one class
   * lookup (a third of the CPU of a large send; classifying a 10,000-message mailbox, 12 s → 2 s).
   * Found without it too: only the speed depends on it.
   */
  private static void nameTheMailStreamProvider() {
    String key = "jakarta.mail.util.StreamProvider";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  /** The send and list-file locks this process holds (see {@link ProcessLocks}). */
  ProcessLocks locks() {
    return locks;
  }

  /** Nothing to release now that JBake's store is not started; kept for commands' try-with-resources. */
  @Override
  public void close() {}
}
