package press.callback.list;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * How {@link ListDatabase} reaches its database: an SQLite file, created readable by the owner
 * only and opened in WAL mode (retried while another process switches it), or a small pool of
 * PostgreSQL connections in read committed.
 */
final class ListConnections {
  private ListConnections() {}

  /**
   * The SQLite file {@code spec}, relative to {@code project}.
   *
   * @throws ListStoreException when it is not a plain path or cannot be created or opened
   */
  static ListDatabase sqlite(String spec, Path project) {
    if (spec.isEmpty() || spec.startsWith(":") || spec.contains("?") || spec.startsWith("file:")) {
      throw new ListStoreException("the SQLite list database must be a file path, not '" + spec + "'",
          "set newsletter.list_db to jdbc:sqlite:.press/list.db (a path, relative to the project)", null);
    }
    Path file = project.resolve(spec).toAbsolutePath().normalize();
    try {
      ownerOnlyFile(file);
    } catch (IOException e) {
      throw new ListStoreException("cannot create the list database " + file + ": " + e.getMessage(),
          "check that its folder can be written", e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    config.enforceForeignKeys(true);
    // Opening switches a new file to WAL, which takes the file's lock for a moment: a second
    // process opening it at that moment (the service and `list import` started together) is told
    // BUSY before any busy timeout applies. Opening is retried like a transaction.
    long deadline = System.nanoTime() + ListDatabase.RETRY_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        return new ListDatabase(ListDatabase.Dialect.SQLITE, file.toString(), c, null);
      } catch (SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if ((code == 5 || code == 6) && System.nanoTime() < deadline) {
          ListDatabase.backOff(attempt);
          continue;
        }
        throw new ListStoreException("cannot open the list database " + file + ": " + e.getMessage(), ListDatabase.sqliteHint(e), e);
      }
    }
  }

  /** Creates the file (and its folder) readable by the owner only; tightens an existing one. */
  private static void ownerOnlyFile(Path file) throws IOException {
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path folder = file.getParent();
    if (!Files.isDirectory(folder)) {
      if (posix) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(folder);
      }
    }
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
    try {
      if (posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      if (posix && !Files.getPosixFilePermissions(file).equals(owner)) {
        Files.setPosixFilePermissions(file, owner); // personal data: the owner only
      }
    }
  }

  /**
   * A pool for the PostgreSQL database at {@code url}.
   *
   * @throws ListStoreException when the server cannot be reached
   */
  static ListDatabase postgres(String url, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    }
    config.setPoolName("press-list");
    config.setMaximumPoolSize(ListDatabase.POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    // a wrong URL, user or password fails at once, not after retrying for ten seconds
    config.setInitializationFailTimeout(2_000);
    config.setAutoCommit(false);
    // Read committed, with the rows a change depends on locked (JdbcListStore's FOR UPDATE) and
    // twin keys retried: serializable aborted unrelated one-clicks whose index pages met
    // (bench/list.sh on PostgreSQL: p99 53–87 ms, thousands of retries per 10,000 sign-ups).
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    String shown = url.replaceAll("(?i)password=[^&]*", "password=…");
    try {
      return new ListDatabase(ListDatabase.Dialect.POSTGRESQL, shown, null, new HikariDataSource(config));
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new ListStoreException("cannot reach the list database " + shown + ": " + root.getMessage(),
          "check the server is running, the URL's host, database and user, and PRESS_LIST_DB_PASSWORD", e);
    }
  }
}
