package press.callback.list;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The list's database: an embedded SQLite file (the default, {@code .press/list.db}) or a
 * PostgreSQL server. Opens it, brings its schema up to date, and runs work in transactions that
 * are retried when another process got there first, so concurrent writers lose nothing.
 *
 * <p>SQLite: WAL mode, one connection per process (SQLite has one writer at a time anyway), the
 * file and its folder made readable by the owner only ({@link ListConnections}; the schema's
 * versions are {@link Migrations}). PostgreSQL: a small pool, read-committed
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

  /** PostgreSQL connections per process: a few per core is what the server serves best. */
  static final int POOL_SIZE = 8;

  /**
   * How long a transaction is retried before it fails. Not a count: under contention a
   * transaction may lose several rounds, and each round at least one of the rivals commits.
   */
  static final long RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  private final Dialect dialect;
  private final String location;
  private final Connection sqlite;
  private final ReentrantLock sqliteLock = new ReentrantLock(true);
  private final HikariDataSource pool;
  private final Semaphore gate = new Semaphore(POOL_SIZE, true);

  ListDatabase(Dialect dialect, String location, Connection sqlite, HikariDataSource pool) {
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
      db = ListConnections.sqlite(jdbcUrl.substring("jdbc:sqlite:".length()), project);
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      db = ListConnections.postgres(jdbcUrl, password);
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




  /** The newest schema version this press knows. */
  static int newestVersion() {
    return Migrations.newest();
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
    return retrying(() -> once(work));
  }

  /**
   * Runs {@code work} that reads one statement's answer: no transaction around it (a statement is
   * one consistent snapshot already), so PostgreSQL answers in one round trip, not BEGIN, the
   * query and COMMIT, and SQLite reads without taking the write lock.
   */
  public <T> T read(Work<T> work) {
    return retrying(() -> readOnce(work));
  }

  /** One try at a piece of work against the database. */
  private interface Attempt<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for a reason that another try cannot mend, or
   * {@link #RETRY_NANOS} have passed, with a growing random pause between tries.
   */
  private <T> T retrying(Attempt<T> attempt) {
    long deadline = System.nanoTime() + RETRY_NANOS;
    for (int tries = 1; ; tries++) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (!retryable(e) || System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
          throw failure(e);
        }
        backOff(tries);
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
  static void backOff(int attempt) {
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

  static String sqliteHint(SQLException e) {
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
      Migrations.apply(c, dialect, location);
      return null;
    });
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
