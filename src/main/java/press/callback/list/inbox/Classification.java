package press.callback.list.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one message in the bounce mailbox is, as read from its text alone (no list, no store).
 *
 * @param kind what it is
 * @param key what makes it the same message when it comes again: its Message-ID, else a hash of
 *     its bytes ({@link MessageKey})
 * @param date the message's Date, or {@code null} when it has none that parses
 * @param sentTo the addresses the message was sent to (To, Delivered-To, X-Original-To,
 *     Envelope-To) and the original message's Return-Path: where a VERP bounce address is found
 * @param recipient the address the report is about (Final-Recipient, Original-Recipient,
 *     Original-Rcpt-To, X-Failed-Recipients, the text), or the sender of a sign-up; {@code null}
 *     when none
 * @param status the enhanced status code ({@code 5.1.1}), or empty
 * @param detail a short reason, without addresses ({@code 5.1.1 user unknown})
 * @param token the unsubscribe token of a mailed unsubscribe, or the one in the original message's
 *     List-Unsubscribe; {@code null} when none
 * @param originalMessageId the Message-ID of the message the report is about, or {@code null}
 * @param originalListId the List-Id of the message the report is about, or {@code null}
 * @param name the display name of a sign-up's sender (empty when none)
 */
public record Classification(Kind kind, String key, Instant date, List<String> sentTo, String recipient,
    String status, String detail, String token, String originalMessageId, String originalListId, String name) {

  /** The kinds of message a bounce mailbox holds. */
  public enum Kind {
    /** A permanent failure: 5.x.x, Action: failed (the address is bad). */
    HARD_BOUNCE,
    /** A temporary one: 4.x.x, Action: delayed, a full mailbox, a refusal for policy. */
    SOFT_BOUNCE,
    /** A spam report (RFC 5965, Feedback-Type: abuse). */
    COMPLAINT,
    /** A List-Unsubscribe mailto request. */
    UNSUBSCRIBE,
    /** A request to join, by email. */
    SUBSCRIBE,
    /** An out-of-office or other automatic reply, or a success notice: never acted on. */
    AUTO_REPLY,
    /** None of the above: left in the mailbox for a person. */
    UNCLASSIFIED;

    /** The word shown: {@code hard-bounce}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public Classification {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(key);
    sentTo = List.copyOf(sentTo);
    status = status == null ? "" : status;
    detail = detail == null ? "" : detail;
    name = name == null ? "" : name;
  }
}
