package press.callback.list;

import static press.callback.list.Sql.MEMBER_COLUMNS;
import static press.callback.list.Sql.bind;
import static press.callback.list.Sql.count;
import static press.callback.list.Sql.member;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link JdbcListStore} reads and never changes: a member's consent and events, the members
 * a page at a time (a send) or all (an export), the counts of the statistics and the database's
 * own check. Each method one statement ({@link ListDatabase#read}) or one transaction.
 */
final class JdbcListReads {
  private final ListDatabase db;

  JdbcListReads(ListDatabase db) {
    this.db = db;
  }

  Optional<ListStore.Consent> consent(long id) {
    return db.read(c -> {
      try (PreparedStatement p = bind(c, "SELECT consent_at, consent_source FROM members WHERE id = ?", id);
          ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long at = r.getLong(1);
        return r.wasNull() ? Optional.empty() : Optional.of(new ListStore.Consent(Instant.ofEpochMilli(at), r.getString(2)));
      }
    });
  }

  List<ListEvent> events(long id) {
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

  void forEach(Consumer<Member> each) {
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

  List<Member> page(ListStatus status, long afterId, int limit) {
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

  Map<ListStatus, Integer> counts() {
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

  Map<String, Integer> eventCounts(Instant since, Instant until) {
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

  Map<String, Map<Feedback.Kind, Integer>> feedbackByIssue() {
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

  List<String> check() {
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
}
