package press.callback.list;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/** The JDBC the list store's statements share: binding, one-value queries, a member from its row. */
final class Sql {
  /** The columns {@link #member} reads, in its order. */
  static final String MEMBER_COLUMNS = "id, email, name, status, created_at, changed_at";

  private Sql() {}

  static Optional<Member> byId(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE id = ?", id);
  }

  static Optional<Member> byAddress(Connection c, String email) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE email_key = ?", Member.key(email));
  }

  static Optional<Member> one(Connection c, String sql, Object arg) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setObject(1, arg);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(member(r)) : Optional.empty();
      }
    }
  }

  static Member member(ResultSet r) throws SQLException {
    return new Member(r.getLong(1), r.getString(2), r.getString(3),
        ListStatus.of(r.getString(4)).orElse(ListStatus.UNSUBSCRIBED),
        Instant.ofEpochMilli(r.getLong(5)), Instant.ofEpochMilli(r.getLong(6)));
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = bind(c, sql, args)) {
      return p.executeUpdate();
    }
  }

  static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = bind(c, sql, args); ResultSet r = p.executeQuery()) {
      return r.next();
    }
  }

  static int count(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = bind(c, sql, args); ResultSet r = p.executeQuery()) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  static Long longValue(Connection c, String sql, Object arg) throws SQLException {
    try (PreparedStatement p = bind(c, sql, arg); ResultSet r = p.executeQuery()) {
      return r.next() ? r.getLong(1) : null;
    }
  }

  static String string(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
    return p;
  }
}
