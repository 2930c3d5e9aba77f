package press.callback.cli;

import press.callback.mail.ProcessLocks;
import press.callback.site.jbake.JbakeHost;

/**
 * What lives as long as the process: the one object {@link Main#main} creates and passes down to
 * every command. Whatever would otherwise be a static, mutable field (a registry, a process-wide
 * lock, a system property set once) belongs here, so that a test can make its own runtime and a
 * reader can see in one place what a command shares with the next.
 *
 * <p>Holds JBake as the process hosts it ({@link JbakeHost}: its registries, its store for the life
 * of the process, one bake at a time). Close it when the process is done with it.
 */
public final class PressRuntime implements AutoCloseable {
  private final ProcessLocks locks = new ProcessLocks();
  private final JbakeHost jbake;

  /** A runtime for one process (or one test). */
  public PressRuntime() {
    nameTheMailStreamProvider();
    this.jbake = new JbakeHost();
  }

  /**
   * A runtime for the command line {@code args}. When its first word names a command that bakes
   * ({@code bake}, {@code serve}, {@code check}), JBake's store starts now, on a thread of its own,
   * while picocli builds its model of the commands and reads the line: the store is the start of
   * a bake's longest chain (store, crawl, pages), and picocli's model takes a quarter of a second
   * (a 3,000-post bake ends that much later when the command starts the store itself). Only a hint:
   * picocli alone reads the command line, and the command asks for the store again.
   */
  static PressRuntime forCommandLine(String... args) {
    PressRuntime runtime = new PressRuntime();
    if (args.length > 0 && BAKING_COMMANDS.contains(args[0])) {
      Logging.configure(false); // OrientDB starts quietly; the command sets --verbose itself
      runtime.jbake.prestart();
    }
    return runtime;
  }

  private static final java.util.Set<String> BAKING_COMMANDS = java.util.Set.of("bake", "serve", "check");

  /** JBake for the bakes of this process: {@code bake}, {@code serve} and {@code check} prestart its store. */
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

  /** Closes JBake's store (an OrientDB database whose timer thread would keep the JVM alive). */
  @Override
  public void close() {
    jbake.close();
  }
}
