package press.callback.list;

import static press.callback.list.Sql.count;
import static press.callback.list.Sql.exists;
import static press.callback.list.Sql.longValue;
import static press.callback.list.Sql.one;
import static press.callback.list.Sql.string;
import static press.callback.list.Sql.update;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The list store in a SQL database (SQLite or PostgreSQL, the same statements): each method one
 * transaction of {@link ListDatabase} (a read of one statement: {@link ListDatabase#read}). The
 * changes of the members' lifecycle are here; what is only read is in {@link JdbcListReads}.
 *
 * <p>Over 300 lines (a little) because every change of a member, from sign-up to erasure, is one
 * transaction here, and their locking is best checked side by side.
 */
public final class JdbcListStore implements ListStore {
  private final ListDatabase db;
  private final JdbcListReads reads;
  private final SecureRandom random = new SecureRandom();
  private final byte[] suppressionKey;
  private final MemberRows rows;
  private final JdbcFeedback feedback;

  public JdbcListStore(ListDatabase db) {
    this.db = db;
    this.reads = new JdbcListReads(db);
    this.rows = new MemberRows(db.dialect(), random);
    this.feedback = new JdbcFeedback(db, rows);
    this.suppressionKey = HexFormat.of().parseHex(db.transaction(this::suppressionKey));
  }

  /** Opens the database at {@code jdbcUrl} (see {@link ListDatabase#open}) as a store. */
  public static JdbcListStore open(String jdbcUrl, java.nio.file.Path project, String password) {
    ListDatabase db = ListDatabase.open(jdbcUrl, project, password);
    try {
      return new JdbcListStore(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public ListDatabase database() {
    return db;
  }

  /** The key of the suppression hashes: made once per database, kept in it. */
  private String suppressionKey(Connection c) throws SQLException {
    String found = string(c, "SELECT value FROM list_keys WHERE name = 'suppression'");
    if (found != null) {
      return found;
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO list_keys (name, value) VALUES ('suppression', ?)")) {
      p.setString(1, HexFormat.of().formatHex(key));
      p.executeUpdate();
    }
    return HexFormat.of().formatHex(key);
  }

  @Override
  public SignupResult signup(Signup s, Limits limits) {
    String hash = Tokens.suppressionHash(suppressionKey, s.email());
    long hourAgo = s.at().minus(Duration.ofHours(1)).toEpochMilli();
    return db.transaction(c -> {
      if (exists(c, "SELECT 1 FROM suppressions WHERE address_hash = ?", hash)) {
        return new SignupResult(SignupResult.Kind.HELD, Optional.empty());
      }
      Optional<Member> found = rows.lockedByAddress(c, s.email());
      if (found.isPresent() && found.get().status() == ListStatus.COMPLAINED) {
        return new SignupResult(SignupResult.Kind.HELD, found);
      }
      int sent = sentSince(c, hourAgo);
      if (sent >= limits.perHour()) {
        return new SignupResult(SignupResult.Kind.LIMITED, found);
      }
      if (found.isPresent()) {
        long id = found.get().id();
        int mine = count(c, "SELECT COUNT(*) FROM confirmations WHERE member_id = ? AND created_at > ?", id, hourAgo)
            + count(c, "SELECT COUNT(*) FROM member_events WHERE member_id = ? AND kind = 'already-sent' AND at > ?", id, hourAgo);
        if (mine >= limits.perAddressPerHour()) {
          return new SignupResult(SignupResult.Kind.LIMITED, found);
        }
        if (found.get().status() == ListStatus.SUBSCRIBED) {
          rows.event(c, id, s.at(), "already-sent", s.source());
          return new SignupResult(SignupResult.Kind.ALREADY, found);
        }
      }
      Member member;
      if (found.isPresent()) {
        member = found.get(); // an unsubscribed or bounced address stays so until it confirms
      } else {
        member = new Member(rows.newId(), s.email(), "", ListStatus.PENDING, s.at(), s.at());
        update(c, "INSERT INTO members (id, email, email_key, name, status, created_at, changed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", member.id(), member.email(), member.key(), "",
            member.status().word(), s.at().toEpochMilli(), s.at().toEpochMilli());
      }
      rows.event(c, member.id(), s.at(), "signup", s.source());
      update(c, "INSERT INTO confirmations (token_hash, member_id, name, source, created_at, expires_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)", s.tokenHash(), member.id(), s.name(), s.source(),
          s.at().toEpochMilli(), s.expires().toEpochMilli());
      return new SignupResult(SignupResult.Kind.CONFIRM, Optional.of(member));
    });
  }

  /**
   * How many emails the list sent since {@code since}, for the hourly cap. Read committed on
   * PostgreSQL: the few sign-ups running at the same moment may pass the cap by one each; the
   * per-address limit is exact (its member's row is locked).
   */
  private static int sentSince(Connection c, long since) throws SQLException {
    return count(c, "SELECT COUNT(*) FROM confirmations WHERE created_at > ?", since)
        + count(c, "SELECT COUNT(*) FROM member_events WHERE kind = 'already-sent' AND at > ?", since);
  }

  @Override
  public Confirmation confirm(String tokenHash, Instant at, String source) {
    return db.transaction(c -> {
      // The member's row first, then its token's: every change of a member (a sign-up adding a
      // token, a confirm using them all up) takes the member's lock first, so none waits in a circle.
      Long owner = longValue(c, "SELECT member_id FROM confirmations WHERE token_hash = ?", tokenHash);
      if (owner == null) {
        return new Confirmation(Confirmation.Kind.UNKNOWN, Optional.empty());
      }
      long memberId = owner;
      Optional<Member> member = rows.lockedById(c, memberId);
      if (member.isEmpty()) {
        return new Confirmation(Confirmation.Kind.UNKNOWN, Optional.empty());
      }
      String name;
      long expires;
      Long used;
      try (PreparedStatement p = c.prepareStatement(
          "SELECT name, expires_at, used_at FROM confirmations WHERE token_hash = ?" + rows.lock())) {
        p.setString(1, tokenHash);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return new Confirmation(Confirmation.Kind.UNKNOWN, Optional.empty());
          }
          name = r.getString(1);
          expires = r.getLong(2);
          long u = r.getLong(3);
          used = r.wasNull() ? null : u;
        }
      }
      if (used != null) {
        return new Confirmation(Confirmation.Kind.USED, member);
      }
      if (expires <= at.toEpochMilli()) {
        return new Confirmation(Confirmation.Kind.EXPIRED, member);
      }
      long now = at.toEpochMilli();
      update(c, "UPDATE confirmations SET used_at = ? WHERE member_id = ? AND used_at IS NULL", now, memberId);
      Member m = member.get();
      String newName = name.isEmpty() ? m.name() : name;
      update(c, "UPDATE members SET status = ?, name = ?, changed_at = ?, consent_at = ?, consent_source = ? WHERE id = ?",
          ListStatus.SUBSCRIBED.word(), newName, now, now, source, memberId);
      rows.event(c, memberId, at, "confirmed", source);
      return new Confirmation(Confirmation.Kind.CONFIRMED,
          Optional.of(new Member(m.id(), m.email(), newName, ListStatus.SUBSCRIBED, m.created(), at)));
    });
  }

  @Override
  public Optional<Member> byId(long id) {
    return db.read(c -> Sql.byId(c, id));
  }

  @Override
  public Optional<Member> byAddress(String email) {
    return db.read(c -> Sql.byAddress(c, email));
  }

  @Override
  public boolean setStatus(long id, ListStatus status, Instant at, String source) {
    return db.transaction(c -> {
      // The update locks the row and, on PostgreSQL, checks the status again once a rival's
      // change of it commits: two changes to one status make one event, not two.
      if (update(c, "UPDATE members SET status = ?, changed_at = ? WHERE id = ? AND status <> ?",
          status.word(), at.toEpochMilli(), id, status.word()) == 0) {
        return false;
      }
      rows.event(c, id, at, status.word(), source);
      return true;
    });
  }

  @Override
  public boolean rename(long id, String name, Instant at, String source) {
    return db.transaction(c -> {
      Optional<Member> m = rows.lockedById(c, id);
      if (m.isEmpty()) {
        return false;
      }
      if (!m.get().name().equals(name)) {
        update(c, "UPDATE members SET name = ? WHERE id = ?", name, id);
        rows.event(c, id, at, "renamed", source);
      }
      return true;
    });
  }

  @Override
  public Optional<Consent> consent(long id) {
    return reads.consent(id);
  }

  @Override
  public List<ListEvent> events(long id) {
    return reads.events(id);
  }

  @Override
  public boolean forget(long id, Instant at) {
    return db.transaction(c -> {
      Optional<Member> m = rows.lockedById(c, id);
      if (m.isEmpty()) {
        return false;
      }
      update(c, "DELETE FROM member_events WHERE member_id = ?", id);
      update(c, "DELETE FROM feedback WHERE member_id = ?", id);
      update(c, "DELETE FROM confirmations WHERE member_id = ?", id);
      update(c, "DELETE FROM send_ledger WHERE recipient = ?", m.get().key()); // the address, in every issue's ledger
      update(c, "DELETE FROM members WHERE id = ?", id);
      String hash = Tokens.suppressionHash(suppressionKey, m.get().email());
      if (!exists(c, "SELECT 1 FROM suppressions WHERE address_hash = ?", hash)) {
        update(c, "INSERT INTO suppressions (address_hash, at, reason) VALUES (?, ?, ?)", hash, at.toEpochMilli(), "deleted");
      }
      return true;
    });
  }

  @Override
  public boolean suppressed(String email) {
    String hash = Tokens.suppressionHash(suppressionKey, email);
    return db.read(c -> exists(c, "SELECT 1 FROM suppressions WHERE address_hash = ?", hash));
  }

  @Override
  public Imported put(String email, String name, ListStatus status, Instant at, String source) {
    String hash = Tokens.suppressionHash(suppressionKey, email);
    return db.transaction(c -> {
      if (exists(c, "SELECT 1 FROM suppressions WHERE address_hash = ?", hash)) {
        return Imported.SUPPRESSED;
      }
      Optional<Member> found = rows.lockedByAddress(c, email);
      if (found.isEmpty()) {
        long id = rows.newId();
        boolean subscribed = status == ListStatus.SUBSCRIBED;
        // an imported subscriber's consent is the author's record of it: the import, and when
        update(c, "INSERT INTO members (id, email, email_key, name, status, created_at, changed_at, consent_at,"
            + " consent_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, email, Member.key(email), name, status.word(),
            at.toEpochMilli(), at.toEpochMilli(), subscribed ? at.toEpochMilli() : null, subscribed ? source : null);
        rows.event(c, id, at, "imported-" + status.word(), source);
        return Imported.ADDED;
      }
      Member m = found.get();
      boolean changed = false;
      if (m.status() != status) {
        update(c, "UPDATE members SET status = ?, changed_at = ? WHERE id = ?", status.word(), at.toEpochMilli(), m.id());
        rows.event(c, m.id(), at, status.word(), source);
        changed = true;
      }
      if (!name.isEmpty() && !m.name().equals(name)) {
        update(c, "UPDATE members SET name = ? WHERE id = ?", name, m.id());
        rows.event(c, m.id(), at, "renamed", source);
        changed = true;
      }
      return changed ? Imported.UPDATED : Imported.UNCHANGED;
    });
  }

  @Override
  public void forEach(Consumer<Member> each) {
    reads.forEach(each);
  }

  @Override
  public List<Member> page(ListStatus status, long afterId, int limit) {
    return reads.page(status, afterId, limit);
  }

  @Override
  public Map<ListStatus, Integer> counts() {
    return reads.counts();
  }

  @Override
  public Map<String, Integer> eventCounts(Instant since, Instant until) {
    return reads.eventCounts(since, until);
  }

  @Override
  public Feedback.Outcome feedback(Feedback f, Feedback.Policy policy) {
    return feedback.record(f, policy);
  }

  @Override
  public Map<String, Map<Feedback.Kind, Integer>> feedbackByIssue() {
    return reads.feedbackByIssue();
  }

  @Override
  public List<String> check() {
    return reads.check();
  }

  @Override
  public void close() {
    db.close();
  }




}
