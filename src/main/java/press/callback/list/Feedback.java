package press.callback.list;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What came back about a message the list sent: a bounce, a complaint, an unsubscribe by mail.
 * Read from the bounce mailbox ({@code press list inbox}) or a relay's webhook; handed to {@link
 * ListStore#feedback}, which applies it once however often it arrives.
 *
 * @param kind what happened
 * @param memberId the member it is about (from the bounce address, {@link Verp}), or 0 when only
 *     the address is known
 * @param address the recipient's address when the report names it, or {@code null}; used when
 *     {@code memberId} is 0
 * @param issue the issue it is about (its id, {@code 2026-11-30}), or {@code null}
 * @param key what makes it the same report when it comes again: the report's Message-ID, the
 *     relay's event id ({@code ses:…}, {@code mailgun:…}); any length, stored hashed
 * @param at when it happened (the report's date, else when it was read)
 * @param detail a short reason for the record, e.g. {@code 5.1.1 user unknown} (no personal data
 *     beyond the address itself; at most 200 characters are kept)
 * @param source where it came from: {@code inbox}, {@code ses}, {@code postmark}, {@code mailgun}
 */
public record Feedback(Kind kind, long memberId, String address, String issue, String key, Instant at,
    String detail, String source) {

  public enum Kind {
    /** A permanent failure (5.x.x, Action: failed): the address is {@code bounced} at once. */
    HARD_BOUNCE,
    /** A temporary one (4.x.x, delayed): counted; {@code bounced} after {@link Policy#softLimit}. */
    SOFT_BOUNCE,
    /** A spam report (ARF, a relay's complaint): {@code complained}, never mailed again. */
    COMPLAINT,
    /** An unsubscribe by mail (List-Unsubscribe's mailto): {@code unsubscribed}. */
    UNSUBSCRIBE;

    /** The word stored: {@code hard-bounce}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** When temporary failures add up to a bounce: {@code softLimit} within {@code window}. */
  public record Policy(int softLimit, Duration window) {
    public static final Policy DEFAULT = new Policy(3, Duration.ofDays(30));
  }

  /** What {@link ListStore#feedback} did. */
  public enum Outcome {
    /** The member's status changed (bounced, complained, unsubscribed). */
    CHANGED,
    /** A soft bounce was counted; the member stays as it was. */
    COUNTED,
    /** Recorded, but the member stood so already (or worse: a complaint outranks a bounce). */
    UNCHANGED,
    /** This report was handled before (its key): nothing done. */
    SEEN,
    /** No member has this id or address: recorded so it is not tried again, nothing changed. */
    UNKNOWN
  }

  public Feedback {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(key);
    Objects.requireNonNull(at);
    Objects.requireNonNull(source);
    detail = detail == null ? "" : detail;
    if (source.isEmpty() || source.length() > 40) {
      throw new IllegalArgumentException("a feedback source is a short name like 'inbox': " + source);
    }
    if (issue != null && (issue.isEmpty() || issue.length() > 100)) {
      issue = null; // not an issue press makes: left out of the per-issue rates
    }
    if (memberId <= 0 && (address == null || address.isBlank())) {
      throw new IllegalArgumentException("feedback names no member and no address");
    }
  }
}
