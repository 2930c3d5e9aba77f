package press.callback.list;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The list database's schema, version by version: SQL files beside this class (V1__list.sql, …),
 * each applied once, in order, and recorded in {@code list_schema}.
 */
final class Migrations {
  /** The schema's versions, in order. */
  private static final List<String> FILES = List.of("V1__list.sql", "V2__event_order.sql", "V3__feedback.sql",
      "V4__ledger.sql");

  private Migrations() {}

  /** The newest schema version this press knows. */
  static int newest() {
    return FILES.size();
  }

  /**
   * Brings the schema of the database {@code c} is connected to (within a transaction) up to
   * {@link #newest}, under a lock on PostgreSQL so two starts agree.
   *
   * @param location the database, for the error when its schema is newer than this press
   */
  static void apply(Connection c, ListDatabase.Dialect dialect, String location) throws SQLException {
    if (dialect == ListDatabase.Dialect.POSTGRESQL) {
      // Read committed, not serializable: a serializable transaction's snapshot is taken at its
      // first statement, before the lock is granted, so a second process starting at the same
      // time would not see the first one's tables and would fail creating them again.
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    try (Statement s = c.createStatement()) {
      if (dialect == ListDatabase.Dialect.POSTGRESQL) {
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
    if (version > FILES.size()) {
      throw new ListStoreException("the list database " + location + " has schema version " + version
          + "; this press knows versions up to " + FILES.size(),
          "use the newer press that wrote it", null);
    }
    for (int v = version + 1; v <= FILES.size(); v++) {
      String name = FILES.get(v - 1);
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
  }

  /** The statements of a migration file: split at semicolons that end a line; comments dropped. */
  static List<String> statements(String name) {
    String text;
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
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
}
