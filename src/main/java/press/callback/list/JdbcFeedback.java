package press.callback.list;

import static press.callback.list.Sql.count;
import static press.callback.list.Sql.exists;
import static press.callback.list.Sql.update;

import java.util.Optional;

/**
 * A bounce, complaint or mailed unsubscribe recorded in the store, once by its key, and what it
 * does to its member's status under the soft-bounce policy (see {@link ListStore#feedback}).
 */
final class JdbcFeedback {
  private final ListDatabase db;
  private final MemberRows rows;

  JdbcFeedback(ListDatabase db, MemberRows rows) {
    this.db = db;
    this.rows = rows;
  }

  /** Records {@code f} in one transaction. */
  Feedback.Outcome record(Feedback f, Feedback.Policy policy) {
    String keyHash = Tokens.hash(f.source() + "\n" + f.key());
    return db.transaction(c -> {
      if (exists(c, "SELECT 1 FROM feedback WHERE key_hash = ?", keyHash)) {
        return Feedback.Outcome.SEEN;
      }
      Optional<Member> found = f.memberId() > 0 ? rows.lockedById(c, f.memberId()) : Optional.empty();
      if (found.isEmpty() && f.address() != null && !f.address().isBlank()) {
        found = rows.lockedByAddress(c, f.address());
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
      rows.event(c, m.id(), f.at(), to.word(), why.length() > 200 ? why.substring(0, 200) : why);
      return Feedback.Outcome.CHANGED;
    });
  }
}
