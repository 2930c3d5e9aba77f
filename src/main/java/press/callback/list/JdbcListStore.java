package press.callback.list;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The list store in a SQL database (SQLite or PostgreSQL, the same statements): each method one
 * transaction of {@link ListDatabase} (a read of one statement: {@link ListDatabase#read}).
 */
public final class JdbcListStore implements ListStore {
  private static final String MEMBER_COLUMNS = "id, email, name, status, created_at, changed_at";

  private final ListDatabase db;
  private final SecureRandom random = new SecureRandom();
  private final byte[] suppressionKey;
  /** What makes a read lock the rows it reads until the commit: PostgreSQL's FOR UPDATE. */
  private final String lock;

  public JdbcListStore(ListDatabase db) {
    this.db = db;
    this.lock = db.dialect() == ListDatabase.Dialect.POSTGRESQL ? " FOR UPDATE" : "";
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
      Optional<Member> found = lockedByAddress(c, s.email());
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
          event(c, id, s.at(), "already-sent", s.source());
          return new SignupResult(SignupResult.Kind.ALREADY, found);
        }
      }
      Member member;
      if (found.isPresent()) {
        member = found.get(); // an unsubscribed or bounced address stays so until it confirms
      } else {
        member = new Member(newId(), s.email(), "", ListStatus.PENDING, s.at(), s.at());
        update(c, "INSERT INTO members (id, email, email_key, name, status, created_at, changed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", member.id(), member.email(), member.key(), "",
            member.status().word(), s.at().toEpochMilli(), s.at().toEpochMilli());
      }
      event(c, member.id(), s.at(), "signup", s.source());
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
      Optional<Member> member = lockedById(c, memberId);
      if (member.isEmpty()) {
        return new Confirmation(Confirmation.Kind.UNKNOWN, Optional.empty());
      }
      String name;
      long expires;
      Long used;
      try (PreparedStatement p = c.prepareStatement(
          "SELECT name, expires_at, used_at FROM confirmations WHERE token_hash = ?" + lock)) {
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
      event(c, memberId, at, "confirmed", source);
      return new Confirmation(Confirmation.Kind.CONFIRMED,
          Optional.of(new Member(m.id(), m.email(), newName, ListStatus.SUBSCRIBED, m.created(), at)));
    });
  }

  @Override
  public Optional<Member> byId(long id) {
    return db.read(c -> byId(c, id));
  }

  @Override
  public Optional<Member> byAddress(String email) {
    return db.read(c -> byAddress(c, email));
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
      event(c, id, at, status.word(), source);
      return true;
    });
  }

  @Override
  public boolean rename(long id, String name, Instant at, String source) {
    return db.transaction(c -> {
      Optional<Member> m = lockedById(c, id);
      if (m.isEmpty()) {
        return false;
      }
      if (!m.get().name().equals(name)) {
        update(c, "UPDATE members SET name = ? WHERE id = ?", name, id);
        event(c, id, at, "renamed", source);
      }
      return true;
    });
  }

  @Override
  public Optional<Consent> consent(long id) {
    return db.read(c -> {
      try (PreparedStatement p = bind(c, "SELECT consent_at, consent_source FROM members WHERE id = ?", id);
          ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long at = r.getLong(1);
        return r.wasNull() ? Optional.empty() : Optional.of(new Consent(Instant.ofEpochMilli(at), r.getString(2)));
      }
    });
  }

  @Override
  public List<ListEvent> events(long id) {
    return db.read(c -> {
      List<ListEvent> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT at, kind, source FROM member_events WHERE member_id = ? ORDER BY seq, at, id")) {
        p.setLong(1, id);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new ListEvent(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3)));
          }
        }
      }
      return out;
    });
  }

  @Override
  public boolean forget(long id, Instant at) {
    return db.transaction(c -> {
      Optional<Member> m = lockedById(c, id);
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
      Optional<Member> found = lockedByAddress(c, email);
      if (found.isEmpty()) {
        long id = newId();
        boolean subscribed = status == ListStatus.SUBSCRIBED;
        // an imported subscriber's consent is the author's record of it: the import, and when
        update(c, "INSERT INTO members (id, email, email_key, name, status, created_at, changed_at, consent_at,"
            + " consent_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, email, Member.key(email), name, status.word(),
            at.toEpochMilli(), at.toEpochMilli(), subscribed ? at.toEpochMilli() : null, subscribed ? source : null);
        event(c, id, at, "imported-" + status.word(), source);
        return Imported.ADDED;
      }
      Member m = found.get();
      boolean changed = false;
      if (m.status() != status) {
        update(c, "UPDATE members SET status = ?, changed_at = ? WHERE id = ?", status.word(), at.toEpochMilli(), m.id());
        event(c, m.id(), at, status.word(), source);
        changed = true;
      }
      if (!name.isEmpty() && !m.name().equals(name)) {
        update(c, "UPDATE members SET name = ? WHERE id = ?", name, m.id());
        event(c, m.id(), at, "renamed", source);
        changed = true;
      }
      return changed ? Imported.UPDATED : Imported.UNCHANGED;
    });
  }

  @Override
  public void forEach(Consumer<Member> each) {
    db.transaction(c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT " + MEMBER_COLUMNS + " FROM members ORDER BY created_at, email_key")) {
        while (r.next()) {
          each.accept(member(r));
        }
      }
      return null;
    });
  }

  @Override
  public List<Member> page(ListStatus status, long afterId, int limit) {
    return db.read(c -> {
      List<Member> page = new ArrayList<>(Math.min(limit, 1000));
      try (PreparedStatement p = bind(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE status = ? AND id > ?"
          + " ORDER BY id LIMIT ?", status.word(), afterId, limit); ResultSet r = p.executeQuery()) {
        while (r.next()) {
          page.add(member(r));
        }
      }
      return page;
    });
  }

  @Override
  public Map<ListStatus, Integer> counts() {
    return db.read(c -> {
      Map<ListStatus, Integer> out = new EnumMap<>(ListStatus.class);
      for (ListStatus s : ListStatus.values()) {
        out.put(s, 0);
      }
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT status, COUNT(*) FROM members GROUP BY status")) {
        while (r.next()) {
          Optional<ListStatus> status = ListStatus.of(r.getString(1));
          if (status.isPresent()) {
            out.put(status.get(), r.getInt(2));
          }
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, Integer> eventCounts(Instant since, Instant until) {
    return db.read(c -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT kind, COUNT(*) FROM member_events WHERE at >= ? AND at < ? GROUP BY kind ORDER BY kind")) {
        p.setLong(1, since.toEpochMilli());
        p.setLong(2, until.toEpochMilli());
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.put(r.getString(1), r.getInt(2));
          }
        }
      }
      return out;
    });
  }

  @Override
  public Feedback.Outcome feedback(Feedback f, Feedback.Policy policy) {
    String keyHash = Tokens.hash(f.source() + "\n" + f.key());
    return db.transaction(c -> {
      if (exists(c, "SELECT 1 FROM feedback WHERE key_hash = ?", keyHash)) {
        return Feedback.Outcome.SEEN;
      }
      Optional<Member> found = f.memberId() > 0 ? lockedById(c, f.memberId()) : Optional.empty();
      if (found.isEmpty() && f.address() != null && !f.address().isBlank()) {
        found = lockedByAddress(c, f.address());
      }
      String detail = f.detail().length() > 200 ? f.detail().substring(0, 200) : f.detail();
      // a twin key (the same report handled at this moment by another process) rolls this back
      // and, retried, finds it SEEN
      update(c, "INSERT INTO feedback (key_hash, member_id, issue, kind, at, detail, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
          keyHash, found.map(Member::id).orElse(null), f.issue(), f.kind().word(), f.at().toEpochMilli(), detail, f.source());
      if (found.isEmpty()) {
        return Feedback.Outcome.UNKNOWN;
      }
      Member m = found.get();
      ListStatus to = switch (f.kind()) {
        case HARD_BOUNCE -> ListStatus.BOUNCED;
        case SOFT_BOUNCE -> count(c, "SELECT COUNT(*) FROM feedback WHERE member_id = ? AND kind = ? AND at > ?",
            m.id(), f.kind().word(), f.at().minus(policy.window()).toEpochMilli()) >= policy.softLimit()
            ? ListStatus.BOUNCED : null;
        case COMPLAINT -> ListStatus.COMPLAINED;
        case UNSUBSCRIBE -> ListStatus.UNSUBSCRIBED;
      };
      boolean applies = to == ListStatus.COMPLAINED
          ? m.status() != ListStatus.COMPLAINED
          : to != null && (m.status() == ListStatus.SUBSCRIBED || m.status() == ListStatus.PENDING);
      if (!applies) {
        return to == null ? Feedback.Outcome.COUNTED : Feedback.Outcome.UNCHANGED;
      }
      update(c, "UPDATE members SET status = ?, changed_at = ? WHERE id = ?", to.word(), f.at().toEpochMilli(), m.id());
      String why = f.source() + ": " + f.kind().word() + (detail.isEmpty() ? "" : " " + detail);
      event(c, m.id(), f.at(), to.word(), why.length() > 200 ? why.substring(0, 200) : why);
      return Feedback.Outcome.CHANGED;
    });
  }

  @Override
  public Map<String, Map<Feedback.Kind, Integer>> feedbackByIssue() {
    return db.read(c -> {
      Map<String, Map<Feedback.Kind, Integer>> out = new java.util.TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT issue, kind, COUNT(*) FROM feedback WHERE issue IS NOT NULL GROUP BY issue, kind")) {
        while (r.next()) {
          for (Feedback.Kind k : Feedback.Kind.values()) {
            if (k.word().equals(r.getString(2))) {
              out.computeIfAbsent(r.getString(1), i -> new EnumMap<>(Feedback.Kind.class)).put(k, r.getInt(3));
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<String> check() {
    return db.transaction(c -> {
      List<String> problems = new ArrayList<>();
      if (db.dialect() == ListDatabase.Dialect.SQLITE) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
          while (r.next()) {
            if (!"ok".equals(r.getString(1))) {
              problems.add(r.getString(1));
            }
          }
        }
      }
      int orphans = count(c, "SELECT COUNT(*) FROM member_events e WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = e.member_id)")
          + count(c, "SELECT COUNT(*) FROM confirmations t WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = t.member_id)");
      if (orphans > 0) {
        problems.add(orphans + " events or confirmations of no member");
      }
      int twins = count(c, "SELECT COUNT(*) FROM (SELECT email_key FROM members GROUP BY email_key HAVING COUNT(*) > 1) t");
      if (twins > 0) {
        problems.add(twins + " addresses on the list twice");
      }
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT status FROM members")) {
        while (r.next()) {
          if (ListStatus.of(r.getString(1)).isEmpty()) {
            problems.add("a member has the unknown status '" + r.getString(1) + "'");
          }
        }
      }
      return problems;
    });
  }

  @Override
  public void close() {
    db.close();
  }

  private long newId() {
    long id;
    do {
      id = random.nextLong() & Long.MAX_VALUE;
    } while (id == 0);
    return id;
  }

  private void event(Connection c, long member, Instant at, String kind, String source) throws SQLException {
    // the member's row is locked by the caller: its next number cannot be taken meanwhile
    update(c, "INSERT INTO member_events (id, member_id, at, kind, source, seq)"
        + " SELECT ?, ?, ?, ?, ?, COALESCE(MAX(seq), 0) + 1 FROM member_events WHERE member_id = ?",
        newId(), member, at.toEpochMilli(), kind, source, member);
  }

  /**
   * A member read to be changed in the same transaction: on PostgreSQL (read committed) its row
   * is locked until the commit, so two changes of one member take turns and neither is lost;
   * SQLite's writers take turns already (BEGIN IMMEDIATE).
   */
  private Optional<Member> lockedById(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE id = ?" + lock, id);
  }

  private Optional<Member> lockedByAddress(Connection c, String email) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE email_key = ?" + lock, Member.key(email));
  }

  private static Optional<Member> byId(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE id = ?", id);
  }

  private static Optional<Member> byAddress(Connection c, String email) throws SQLException {
    return one(c, "SELECT " + MEMBER_COLUMNS + " FROM members WHERE email_key = ?", Member.key(email));
  }

  private static Optional<Member> one(Connection c, String sql, Object arg) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setObject(1, arg);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(member(r)) : Optional.empty();
      }
    }
  }

  private static Member member(ResultSet r) throws SQLException {
    return new Member(r.getLong(1), r.getString(2), r.getString(3),
        ListStatus.of(r.getString(4)).orElse(ListStatus.UNSUBSCRIBED),
        Instant.ofEpochMilli(r.getLong(5)), Instant.ofEpochMilli(r.getLong(6)));
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = bind(c, sql, args)) {
      return p.executeUpdate();
    }
  }

  private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = bind(c, sql, args); ResultSet r = p.executeQuery()) {
      return r.next();
    }
  }

  private static int count(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = bind(c, sql, args); ResultSet r = p.executeQuery()) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static Long longValue(Connection c, String sql, Object arg) throws SQLException {
    try (PreparedStatement p = bind(c, sql, arg); ResultSet r = p.executeQuery()) {
      return r.next() ? r.getLong(1) : null;
    }
  }

  private static String string(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  private static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
    return p;
  }
}
