package press.callback.list;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The list's one store: members, their events, pending confirmations and the suppressed. Each
 * method is one transaction; several processes may share one store (PostgreSQL) and never lose a
 * change or make a twin row. Addresses are compared in lower case.
 */
public interface ListStore extends AutoCloseable {
  /** How many emails the list may send, counted in the store so every instance shares them. */
  record Limits(int perAddressPerHour, int perHour) {
    public static final Limits DEFAULT = new Limits(3, 200);
  }

  /**
   * A sign-up from the form (or by email).
   *
   * @param email the address, validated
   * @param name the name given (≤ 100 characters, no control characters), or empty; used only once
   *     the address confirms
   * @param tokenHash the hash of the new confirmation token
   * @param expires when the token stops working
   * @param source where it came from, for the record (never a full IP address)
   */
  record Signup(String email, String name, String tokenHash, Instant at, Instant expires, String source) {}

  /** What a sign-up led to; each kind but {@link Kind#CONFIRM} and {@link Kind#ALREADY} sends nothing. */
  record SignupResult(Kind kind, Optional<Member> member) {
    public enum Kind {
      /** A confirmation email is due, with the new token. */
      CONFIRM,
      /** Subscribed already: a "you are already subscribed" email is due. */
      ALREADY,
      /** Over a limit: nothing is sent (the answer to the reader is the same). */
      LIMITED,
      /** Deleted on request, or complained: nothing is sent, nothing stored. */
      HELD
    }
  }

  SignupResult signup(Signup signup, Limits limits);

  /** What a confirmation led to. */
  record Confirmation(Kind kind, Optional<Member> member) {
    public enum Kind { CONFIRMED, USED, EXPIRED, UNKNOWN }
  }

  /**
   * Confirms the address a token was sent to: subscribed, the consent recorded (time, source),
   * the token used up. A token works once.
   */
  Confirmation confirm(String tokenHash, Instant at, String source);

  Optional<Member> byId(long id);

  Optional<Member> byAddress(String email);

  /**
   * Sets a member's status, with an event; nothing happens when it is that already.
   *
   * @return whether it changed
   */
  boolean setStatus(long id, ListStatus status, Instant at, String source);

  /** Sets the name to greet; {@code false} if there is no such member. */
  boolean rename(long id, String name, Instant at, String source);

  /** When and where a member gave consent: its confirmation, or the import that added it. */
  record Consent(Instant at, String source) {}

  /** The consent a member gave, if any (none for an address that never confirmed). */
  Optional<Consent> consent(long id);

  /** A member's events, oldest first. */
  List<ListEvent> events(long id);

  /**
   * Deletes a member, its events and tokens; keeps a keyed hash of the address so no import or
   * sign-up adds it back.
   *
   * @return whether there was such a member
   */
  boolean forget(long id, Instant at);

  /** Whether the address was deleted on request. */
  boolean suppressed(String email);

  /** What an import did with one row. */
  enum Imported { ADDED, UPDATED, UNCHANGED, SUPPRESSED }

  /** Adds or updates a member as an import would: the status as given, an event for a change. */
  Imported put(String email, String name, ListStatus status, Instant at, String source);

  /** Every member, in the order they reached the list (by address when they came at once). */
  void forEach(Consumer<Member> each);

  /**
   * Up to {@code limit} members standing in {@code status} whose id is above {@code afterId}, in id
   * order: a list read page by page, each page as the members stand now (what a send reads).
   */
  List<Member> page(ListStatus status, long afterId, int limit);

  /** How many members stand in each status. */
  Map<ListStatus, Integer> counts();

  /** How many events of each kind happened from {@code since} to {@code until}. */
  Map<String, Integer> eventCounts(Instant since, Instant until);

  /**
   * Applies a bounce, complaint or mailed unsubscribe once: a report whose key was seen before
   * changes nothing. A hard bounce makes a subscribed or pending member {@code bounced}; soft
   * bounces do when {@code policy.softLimit()} of them fall within {@code policy.window()}; a
   * complaint makes any member {@code complained}; an unsubscribe makes a subscribed or pending
   * member {@code unsubscribed}. Each change is an event whose source names the report.
   */
  Feedback.Outcome feedback(Feedback report, Feedback.Policy policy);

  /** How many reports of each kind each issue got (reports of no known issue are left out). */
  Map<String, Map<Feedback.Kind, Integer>> feedbackByIssue();

  /** Checks the database's integrity; a list of problems, empty when sound. */
  List<String> check();

  @Override
  void close();
}
