package press.callback.list;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The list's database: an embedded SQLite file (the default, {@code .press/list.db}) or a
 * PostgreSQL server. Opens it, brings its schema up to date, and runs work in transactions that
 * are retried when another process got there first, so concurrent writers lose nothing.
 *
 * <p>SQLite: WAL mode, one connection per process (SQLite has one writer at a time anyway), the
 * file and its folder made readable by the owner only. PostgreSQL: a small pool, read-committed
 * transactions that lock the rows a change depends on ({@code FOR UPDATE} in JdbcListStore); a twin
 * key (two processes adding one address at once) or a deadlock runs the transaction again.
 */
public final class ListDatabase implements AutoCloseable {
  /** Work done in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  enum Dialect { SQLITE, POSTGRESQL }

  /** The schema's versions, in order: V1__list.sql, … */
  private static final List<String> MIGRATIONS = List.of("V1__list.sql", "V2__event_order.sql", "V3__feedback.sql",
      "V4__ledger.sql");
  /**
   * How long a transaction is retried before it fails. Not a count: under contention a
   * transaction may lose several rounds, and each round at least one of the rivals commits.
   */
  /** PostgreSQL connections per process: a few per core is what the server serves best. */
  private static final int POOL_SIZE = 8;

  private static final long RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  private final Dialect dialect;
  private final String location;
  private final Connection sqlite;
  private final ReentrantLock sqliteLock = new ReentrantLock(true);
  private final HikariDataSource pool;
  private final Semaphore gate = new Semaphore(POOL_SIZE, true);

  private ListDatabase(Dialect dialect, String location, Connection sqlite, HikariDataSource pool) {
    this.dialect = dialect;
    this.location = location;
    this.sqlite = sqlite;
    this.pool = pool;
  }

  /**
   * Opens the database at {@code jdbcUrl}, creating an SQLite file (mode 0600) when it does not
   * exist, and migrates its schema.
   *
   * @param project a relative SQLite path is taken from here, not from the working folder
   * @param password PostgreSQL's password ({@code PRESS_LIST_DB_PASSWORD}), or null
   * @throws ListStoreException when it cannot be opened or is newer than this press
   */
  public static ListDatabase open(String jdbcUrl, Path project, String password) {
    ListDatabase db;
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      db = openSqlite(jdbcUrl.substring("jdbc:sqlite:".length()), project);
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      db = openPostgres(jdbcUrl, password);
    } else {
      throw new ListStoreException("the list database " + jdbcUrl + " is neither SQLite nor PostgreSQL",
          "set newsletter.list_db to jdbc:sqlite:.press/list.db or jdbc:postgresql://HOST/DB?user=NAME", null);
    }
    try {
      db.migrate();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static ListDatabase openSqlite(String spec, Path project) {
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
    long deadline = System.nanoTime() + RETRY_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        return new ListDatabase(Dialect.SQLITE, file.toString(), c, null);
      } catch (SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if ((code == 5 || code == 6) && System.nanoTime() < deadline) {
          backOff(attempt);
          continue;
        }
        throw new ListStoreException("cannot open the list database " + file + ": " + e.getMessage(), sqliteHint(e), e);
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

  private static ListDatabase openPostgres(String url, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    }
    config.setPoolName("press-list");
    config.setMaximumPoolSize(POOL_SIZE);
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
      return new ListDatabase(Dialect.POSTGRESQL, shown, null, new HikariDataSource(config));
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new ListStoreException("cannot reach the list database " + shown + ": " + root.getMessage(),
          "check the server is running, the URL's host, database and user, and PRESS_LIST_DB_PASSWORD", e);
    }
  }

  /** The newest schema version this press knows. */
  static int newestVersion() {
    return MIGRATIONS.size();
  }

  Dialect dialect() {
    return dialect;
  }

  /** Where the database is, for messages (a PostgreSQL URL without its password). */
  public String location() {
    return location;
  }

  /**
   * Runs {@code work} in one transaction and commits it; retried from the start when another
   * writer got there first (a serialization failure, a busy file, a twin key).
   */
  public <T> T transaction(Work<T> work) {
    long deadline = System.nanoTime() + RETRY_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work);
      } catch (SQLException e) {
        if (!retryable(e) || System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
          throw failure(e);
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Runs {@code work} that reads one statement's answer: no transaction around it (a statement is
   * one consistent snapshot already), so PostgreSQL answers in one round trip, not BEGIN, the
   * query and COMMIT, and SQLite reads without taking the write lock.
   */
  public <T> T read(Work<T> work) {
    long deadline = System.nanoTime() + RETRY_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        return readOnce(work);
      } catch (SQLException e) {
        if (!retryable(e) || System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
          throw failure(e);
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Runs {@code work} that is one statement, a write included, committed on its own (auto-commit):
   * one round trip on PostgreSQL, no explicit BEGIN on SQLite. Retried like a transaction. What
   * the send ledger records each message with, twice per message.
   */
  public <T> T statement(Work<T> work) {
    return read(work);
  }

  private <T> T readOnce(Work<T> work) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      sqliteLock.lock();
      try {
        return work.run(sqlite); // auto-commit: the statement is its own read transaction
      } finally {
        sqliteLock.unlock();
      }
    }
    return pooled(false, work);
  }

  private <T> T once(Work<T> work) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      sqliteLock.lock();
      try {
        return runSqlite(sqlite, work);
      } finally {
        sqliteLock.unlock();
      }
    }
    return pooled(true, work);
  }

  /**
   * Runs work on a pooled connection, in a transaction or (a single read) without one. The
   * connections are taken in turn: the gate is fair (first come, first served), the pool is not,
   * and under a burst an unlucky request could wait on the pool for many others' turns (what
   * made the one-click bench's p99 on PostgreSQL).
   */
  private <T> T pooled(boolean transaction, Work<T> work) throws SQLException {
    try {
      gate.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection", "57014", e);
    }
    try (Connection c = pool.getConnection()) {
      if (transaction) {
        return run(c, work);
      }
      c.setAutoCommit(true); // the driver sends the query alone; the pool turns it back off
      return work.run(c);
    } finally {
      gate.release();
    }
  }

  /**
   * SQLite in auto-commit mode with an explicit {@code BEGIN IMMEDIATE}: the driver, left to
   * manage transactions, opens the next one as soon as one commits, and an immediate transaction
   * holds the write lock, so an idle process would lock every other out of the file.
   */
  private static <T> T runSqlite(Connection c, Work<T> work) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
    try {
      T result = work.run(c);
      try (Statement s = c.createStatement()) {
        s.execute("COMMIT");
      }
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try (Statement s = c.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException ignored) {
        // SQLite rolled back already (a failed COMMIT, a full disk): nothing is left open
      }
      throw e;
    }
  }

  private static <T> T run(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is gone: the transaction is rolled back with it
      }
      throw e;
    }
  }

  private boolean retryable(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (dialect == Dialect.POSTGRESQL) {
      return state.equals("40001") || state.equals("40P01") || state.equals("23505");
    }
    int code = e.getErrorCode() & 0xff; // SQLITE_BUSY (5), SQLITE_LOCKED (6) and their extended codes
    return code == 5 || code == 6;
  }

  /** A random pause, growing with the attempts up to 50 ms, so rivals stop meeting. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1L + Math.min(1L << Math.min(attempt, 10), 50)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ListStoreException failure(SQLException e) {
    return new ListStoreException("the list database " + location + " failed: " + e.getMessage(), hint(e), e);
  }

  private String hint(SQLException e) {
    return dialect == Dialect.POSTGRESQL ? "check the database server and its logs" : sqliteHint(e);
  }

  private static String sqliteHint(SQLException e) {
    return switch (e.getErrorCode() & 0xff) {
      case 26 -> "the file is not an SQLite database: point newsletter.list_db at another path";
      case 8 -> "the file or its folder is read-only: check their owner and permissions";
      case 5, 6 -> "another process holds the database for too long: check for a stuck press";
      default -> "check the disk has room and the file can be written";
    };
  }

  /** Brings the schema to the newest version this press knows, under a lock so two starts agree. */
  private void migrate() {
    transaction(c -> {
      if (dialect == Dialect.POSTGRESQL) {
        // Read committed, not serializable: a serializable transaction's snapshot is taken at its
        // first statement, before the lock is granted, so a second process starting at the same
        // time would not see the first one's tables and would fail creating them again.
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      try (Statement s = c.createStatement()) {
        if (dialect == Dialect.POSTGRESQL) {
          s.execute("SELECT pg_advisory_xact_lock(7734015)");
        }
        s.execute("CREATE TABLE IF NOT EXISTS list_schema (version INTEGER PRIMARY KEY,"
            + " name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
      }
      int version = 0;
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM list_schema")) {
        if (r.next()) {
          version = r.getInt(1);
        }
      }
      if (version > MIGRATIONS.size()) {
        throw new ListStoreException("the list database " + location + " has schema version " + version
            + "; this press knows versions up to " + MIGRATIONS.size(),
            "use the newer press that wrote it", null);
      }
      for (int v = version + 1; v <= MIGRATIONS.size(); v++) {
        String name = MIGRATIONS.get(v - 1);
        for (String statement : statements(name)) {
          try (Statement s = c.createStatement()) {
            s.execute(statement);
          }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO list_schema (version, name, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, v);
          p.setString(2, name);
          p.setLong(3, System.currentTimeMillis());
          p.executeUpdate();
        }
      }
      return null;
    });
  }

  /** The statements of a migration file: split at semicolons that end a line; comments dropped. */
  static List<String> statements(String name) {
    String text;
    try (InputStream in = ListDatabase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from the jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  @Override
  public void close() {
    if (sqlite != null) {
      sqliteLock.lock();
      try {
        sqlite.close();
      } catch (SQLException e) {
        // closing anyway
      } finally {
        sqliteLock.unlock();
      }
    }
    if (pool != null) {
      pool.close();
    }
  }
}
