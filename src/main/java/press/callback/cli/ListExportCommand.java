package press.callback.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStoreException;
import press.callback.mail.SubscriberList;

/**
 * {@code press list export [FILE]}: the list as the CSV that {@code press send} and {@code press
 * list import} read. To a file it is written whole or not at all, readable by its owner only.
 * Pending sign-ups are left out: they are not on the list until they confirm.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the list as CSV (email,name,status) to FILE (mode 0600, replaced at once) or to"
          + " standard output. Pending sign-ups, not confirmed yet, are left out."
    })
final class ListExportCommand implements Callable<Integer> {
  @ParentCommand ListCommand list;
  @Mixin ListOptions options;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write; standard output without it.")
  Path file;

  @Override
  public Integer call() {
    Logging.configure(false);
    Main main = list.main;
    StringBuilder csv = new StringBuilder(SubscriberList.header());
    AtomicInteger rows = new AtomicInteger();
    AtomicInteger pending = new AtomicInteger();
    try (JdbcListStore store = options.open(main)) {
      store.forEach(m -> {
        if (m.status() == ListStatus.PENDING) {
          pending.incrementAndGet();
        } else {
          csv.append(SubscriberList.row(m.email(), m.name(), m.status().word()));
          rows.incrementAndGet();
        }
      });
    } catch (ListStoreException e) {
      return ListOptions.report(main, e);
    }
    if (file == null) {
      main.out().print(csv);
      main.out().flush();
    } else {
      try {
        writeOwnerOnly(file.toAbsolutePath(), csv.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        main.err().println("press: error: cannot write " + file + ": " + e.getMessage());
        main.err().println("  hint: check that its folder exists and can be written");
        return ExitCodes.CONTENT;
      }
    }
    main.err().println("press: exported " + rows.get() + (rows.get() == 1 ? " address" : " addresses")
        + (file == null ? "" : " to " + file)
        + (pending.get() > 0 ? "; " + pending.get() + " pending sign-ups (not confirmed) left out" : ""));
    return ExitCodes.OK;
  }

  /**
   * Writes {@code bytes} to a new file beside {@code target} (mode 0600 from the start), forces
   * it to disk and renames it over {@code target}: a reader sees the old list or the new one.
   */
  static void writeOwnerOnly(Path target, byte[] bytes) throws IOException {
    Path folder = target.getParent();
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path tmp = posix
        ? Files.createTempFile(folder, "." + target.getFileName(), ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        out.write(bytes);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
