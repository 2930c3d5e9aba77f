package press.callback.list;

import static press.callback.list.Sql.MEMBER_COLUMNS;
import static press.callback.list.Sql.one;
import static press.callback.list.Sql.update;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * How the store's changes touch a member's rows: read it locked for the change, record the
 * change as an event in the member's order, and make the random ids of both.
 */
final class MemberRows {
  /** What makes a read lock the rows it reads until the commit: PostgreSQL's FOR UPDATE. */
  private final String lock;
  private final SecureRandom random;

  MemberRows(ListDatabase.Dialect dialect, SecureRandom random) {
    this.lock = dialect == ListDatabase.Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    this.random = random;
  }

  /** What ends a query whose rows are read to be changed: locks them until the commit, if needed. */
  String lock() {
    return lock;
  }

  /**
   * A member read to be changed in the same transaction: on PostgreSQL (read committed) its row
   * is locked until the commit, so two changes of one member take turns and neither is lost;
   * SQLite's writers take turns already (BEGIN IMMEDIATE).
   */
  Optional<Member> lockedById(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE id = ?" + lock, id);
  }

  Optional<Member> lockedByAddress(Connection c, String email) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE email_key = ?" + lock, Member.key(email));
  }

  void event(Connection c, long member, Instant at, String kind, String source) throws SQLException {
    // the member's row is locked by the caller: its next number cannot be taken meanwhile
    update(c, "INSERT INTO member_events (id, member_id, at, kind, source, seq)"
        + " SELECT ?, ?, ?, ?, ?, COALESCE(MAX(seq), 0) + 1 FROM member_events WHERE member_id = ?",
        newId(), member, at.toEpochMilli(), kind, source, member);
  }

  long newId() {
    long id;
    do {
      id = random.nextLong() & Long.MAX_VALUE;
    } while (id == 0);
    return id;
  }
}
