package press.callback.list.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import press.callback.list.Feedback;
import press.callback.list.ListFlows;
import press.callback.list.ListStore;
import press.callback.list.Member;
import press.callback.list.Tokens;
import press.callback.list.Verp;

/**
 * Applies what a message is to the list: a bounce, complaint or mailed unsubscribe becomes a
 * {@link Feedback} report (applied once by the message's key, however often it is read); a sign-up
 * by mail goes through {@link ListFlows#subscribeByMail} (a confirmation email to its sender);
 * auto-replies and the unclassified change nothing.
 *
 * <p>The member a report is about is found, in this order, by the VERP address it was sent to
 * (the report's To, Delivered-To, …, or the original's Return-Path), by the member token in the
 * original message's List-Unsubscribe, by the address the report names. A mailed unsubscribe counts
 * only with a genuine token: its From can be forged, so it never unsubscribes anyone by itself.
 */
public final class Intake {
  /** What the summary counts. */
  public enum Tally {
    HARD_BOUNCE("hard bounces"),
    SOFT_BOUNCE("soft bounces"),
    COMPLAINT("complaints"),
    UNSUBSCRIBE("unsubscribes"),
    SUBSCRIBE("subscribes"),
    AUTO_REPLY("auto-replies"),
    UNCLASSIFIED("unclassified"),
    SEEN("already seen"),
    UNKNOWN("unknown recipients");

    private final String label;

    Tally(String label) {
      this.label = label;
    }

    /** How the summary names it. */
    public String label() {
      return label;
    }
  }

  /**
   * What was done with one message.
   *
   * @param tally what the summary counts it as
   * @param handled whether it is dealt with, so its mailbox may file it away; {@code false} leaves
   *     it where it is, for a person
   * @param line one line for {@code --verbose}: the classification, the address, the outcome
   */
  public record Result(Tally tally, boolean handled, String line) {}

  /**
   * @param policy when soft bounces make a bounce
   * @param listId the list's id: an original message with this List-Id names its issue in its
   *     Message-ID
   * @param subscribeByMail whether sign-ups by mail can be answered (the list emails are baked and
   *     the service has a public address); when not, they are left in the mailbox
   */
  public record Settings(Feedback.Policy policy, String listId, boolean subscribeByMail) {}

  static final String SOURCE = "inbox";
  /** A press Message-ID: {@code <issue>.<content id>@host}. */
  private static final Pattern ISSUE_ID = Pattern.compile("^<?([a-z0-9-]{1,40})\\.[A-Za-z0-9._-]+@");

  private final ListStore store;
  private final ListFlows flows;
  private final Verp verp;
  private final Clock clock;
  private final Settings settings;

  /** @param verp the list's bounce addresses, or {@code null} without {@code newsletter.bounce_address} */
  public Intake(ListStore store, ListFlows flows, Verp verp, Clock clock, Settings settings) {
    this.store = store;
    this.flows = flows;
    this.verp = verp;
    this.clock = clock;
    this.settings = settings;
  }

  /** Applies {@code c} to the list. */
  public Result apply(Classification c) {
    String what = c.key() + " " + c.kind().word() + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")");
    switch (c.kind()) {
      case AUTO_REPLY -> {
        return new Result(Tally.AUTO_REPLY, true, what + ": left alone");
      }
      case UNCLASSIFIED -> {
        return new Result(Tally.UNCLASSIFIED, false, what + ": left for a person");
      }
      case SUBSCRIBE -> {
        return subscribe(c, what);
      }
      default -> {
        return report(c, what);
      }
    }
  }

  private Result subscribe(Classification c, String what) {
    if (!settings.subscribeByMail()) {
      return new Result(Tally.SUBSCRIBE, false, what + " " + c.recipient() + ": left in the mailbox (cannot confirm by mail)");
    }
    if (flows.subscribeByMail(c.recipient(), c.name()) == ListFlows.Answer.INVALID_ADDRESS) {
      return new Result(Tally.UNCLASSIFIED, false, what + ": the sender's address is not valid; left for a person");
    }
    return new Result(Tally.SUBSCRIBE, true, what + " " + c.recipient() + ": confirmation requested");
  }

  private Result report(Classification c, String what) {
    Feedback.Kind kind = switch (c.kind()) {
      case HARD_BOUNCE -> Feedback.Kind.HARD_BOUNCE;
      case SOFT_BOUNCE -> Feedback.Kind.SOFT_BOUNCE;
      case COMPLAINT -> Feedback.Kind.COMPLAINT;
      default -> Feedback.Kind.UNSUBSCRIBE;
    };
    Optional<Tokens.BounceId> bounceId = Optional.empty();
    long memberId = 0;
    String via;
    String address = null;
    if (kind == Feedback.Kind.UNSUBSCRIBE) {
      memberId = c.token() == null ? 0 : flows.member(c.token()).map(Member::id).orElse(0L);
      via = "token";
    } else {
      bounceId = verp == null ? Optional.empty()
          : c.sentTo().stream().map(verp::recipient).flatMap(Optional::stream).findFirst();
      if (bounceId.isPresent()) {
        memberId = bounceId.get().memberId();
        via = "verp";
      } else if (c.token() != null && (memberId = flows.member(c.token()).map(Member::id).orElse(0L)) > 0) {
        via = "token";
      } else {
        address = c.recipient();
        via = "address";
      }
    }
    if (memberId <= 0 && (address == null || address.isBlank())) {
      return new Result(Tally.UNKNOWN, false, what + ": names no member; left for a person");
    }
    String issue = bounceId.flatMap(Tokens.BounceId::issue).orElseGet(() -> issueOf(c));
    Feedback f = new Feedback(kind, memberId, address, issue, c.key(), at(c), c.detail(), SOURCE);
    Feedback.Outcome outcome = store.feedback(f, settings.policy());
    String who = memberId > 0 ? "member " + memberId + " (by " + via + ")" : address + " (by address)";
    String line = what + " " + who + (issue == null ? "" : " issue " + issue) + ": " + outcome.name().toLowerCase(Locale.ROOT);
    return switch (outcome) {
      case SEEN -> new Result(Tally.SEEN, true, line);
      case UNKNOWN -> new Result(Tally.UNKNOWN, true, line);
      default -> new Result(Tally.valueOf(c.kind().name()), true, line);
    };
  }

  /** The issue of the original message, when it is one of this list's (its List-Id) and press named it. */
  private String issueOf(Classification c) {
    if (c.originalMessageId() == null || c.originalListId() == null || settings.listId() == null
        || !c.originalListId().toLowerCase(Locale.ROOT).contains(settings.listId().toLowerCase(Locale.ROOT))) {
      return null;
    }
    Matcher m = ISSUE_ID.matcher(c.originalMessageId());
    return m.find() ? m.group(1) : null;
  }

  /** When it happened: the report's date, unless it is missing or implausible (then now). */
  private Instant at(Classification c) {
    Instant now = clock.instant();
    Instant d = c.date();
    if (d == null || d.isAfter(now.plus(Duration.ofDays(1))) || d.isBefore(now.minus(Duration.ofDays(365)))) {
      return now;
    }
    return d;
  }
}
