package press.callback.list;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import press.callback.mail.SubscriberList;
import press.callback.mail.UnsubscribeToken;
import press.callback.http.Json;

/**
 * The list's flows, without I/O of their own: sign up, confirm, unsubscribe, preferences. The
 * store, the outbox of emails and the clock are given; the HTTP service at the edge turns requests
 * into these calls and their results into pages.
 *
 * <p>A sign-up answers the same whatever the address's state (new, pending, subscribed, deleted,
 * over a limit): the emails go to the {@link ListMail.Outbox}, which sends them after the answer.
 */
public final class ListFlows {
  /** The longest name kept, in characters. */
  public static final int MAX_NAME = 100;
  /** How long a confirmation token works. */
  public static final Duration CONFIRM_FOR = Duration.ofDays(7);
  /** The longest token of today's issues looked at (an address of 254 characters, base64, plus its MAC). */
  private static final int MAX_LEGACY = 420;

  /**
   * The flows' settings.
   *
   * @param listUrl the service's public address, without a trailing slash: links are built on it
   *     (read when a link is made: a service on a free port knows it once bound)
   * @param limits the store's limits on emails (per address, all together, an hour)
   */
  public record Settings(java.util.function.Supplier<String> listUrl, ListStore.Limits limits) {}

  /** What a sign-up was answered: the same {@link #ACCEPTED} for every valid address. */
  public enum Answer { ACCEPTED, INVALID_ADDRESS }

  private final ListStore store;
  private final ListMail.Outbox outbox;
  private final Tokens tokens;
  private final List<UnsubscribeToken> legacy;
  private final Throttle perIp;
  private final Clock clock;
  private final SecureRandom random;
  private final Settings settings;

  /**
   * @param legacy the verifiers of the tokens in issues already sent (one per secret still honoured)
   * @param perIp the limit of sign-ups per client address
   */
  public ListFlows(ListStore store, ListMail.Outbox outbox, Tokens tokens, List<UnsubscribeToken> legacy,
      Throttle perIp, Clock clock, SecureRandom random, Settings settings) {
    this.store = store;
    this.outbox = outbox;
    this.tokens = tokens;
    this.legacy = List.copyOf(legacy);
    this.perIp = perIp;
    this.clock = clock;
    this.random = random;
    this.settings = settings;
  }

  /**
   * A sign-up from the form.
   *
   * @param email the address as typed
   * @param name the name as typed (cleaned and cut to {@link #MAX_NAME} characters here)
   * @param honeypot the hidden field people leave empty; filled, nothing happens (same answer)
   * @param client the client's address (rate limit; only its network is recorded)
   */
  public Answer subscribe(String email, String name, String honeypot, InetAddress client) {
    String address = email == null ? "" : email.strip();
    if (address.length() > 254 || !SubscriberList.validAddress(address)) {
      return Answer.INVALID_ADDRESS;
    }
    if (honeypot != null && !honeypot.isEmpty()) {
      return Answer.ACCEPTED;
    }
    if (client != null && !perIp.allow(client.getHostAddress())) {
      return Answer.ACCEPTED;
    }
    signup(address, name, "form " + network(client));
    return Answer.ACCEPTED;
  }

  /**
   * A sign-up by email ({@code press list inbox}): the same as the form's, for the message's sender
   * (its From), who confirms by the link in the confirmation email like anyone else.
   *
   * @param email the sender's address
   * @param name the sender's display name (cleaned and cut here), or empty
   */
  public Answer subscribeByMail(String email, String name) {
    String address = email == null ? "" : email.strip();
    if (address.length() > 254 || !SubscriberList.validAddress(address)) {
      return Answer.INVALID_ADDRESS;
    }
    signup(address, name, "email");
    return Answer.ACCEPTED;
  }

  private void signup(String address, String name, String source) {
    String token = Tokens.newConfirmation(random);
    Instant now = clock.instant();
    ListStore.SignupResult result = store.signup(new ListStore.Signup(address, cleanName(name), Tokens.hash(token), now,
        now.plus(CONFIRM_FOR), source), settings.limits());
    switch (result.kind()) {
      case CONFIRM -> outbox.post(new ListMail(ListMail.Kind.CONFIRM, address, "", settings.listUrl().get() + "/confirm/" + token));
      case ALREADY -> result.member().ifPresent(m ->
          outbox.post(new ListMail(ListMail.Kind.ALREADY, m.email(), m.name(), prefsUrl(m))));
      default -> { } // limited or held: nothing is sent, the answer is the same
    }
  }

  /** Confirms the address a confirmation token was sent to; sends the welcome email once. */
  public ListStore.Confirmation.Kind confirm(String token, InetAddress client) {
    if (!Tokens.looksLikeConfirmation(token)) {
      return ListStore.Confirmation.Kind.UNKNOWN;
    }
    ListStore.Confirmation c = store.confirm(Tokens.hash(token), clock.instant(), "form " + network(client));
    if (c.kind() == ListStore.Confirmation.Kind.CONFIRMED) {
      c.member().ifPresent(m -> outbox.post(new ListMail(ListMail.Kind.WELCOME, m.email(), m.name(), prefsUrl(m))));
    }
    return c.kind();
  }

  /**
   * The member a link's token names: a member token ({@code v1.…}) or the token of an issue sent
   * before the list service (the address and its MAC), under any secret still honoured.
   */
  public Optional<Member> member(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LEGACY) {
      return Optional.empty();
    }
    if (token.startsWith("v1.")) {
      OptionalLong id = tokens.verify(token);
      return id.isPresent() ? store.byId(id.getAsLong()) : Optional.empty();
    }
    for (UnsubscribeToken t : legacy) {
      Optional<String> address = t.verify(token);
      if (address.isPresent()) {
        return store.byAddress(address.get());
      }
    }
    return Optional.empty();
  }

  /** Unsubscribes the member (idempotent: once left, nothing more happens); the member, if any. */
  public Optional<Member> unsubscribe(String token, String source) {
    // One read, and one write only when the status changes: a one-click POST is the busiest
    // request the service gets (mail providers send them in bursts).
    return member(token).map(m -> {
      if (m.status() != ListStatus.SUBSCRIBED && m.status() != ListStatus.PENDING) {
        return m;
      }
      Instant at = clock.instant();
      store.setStatus(m.id(), ListStatus.UNSUBSCRIBED, at, source);
      return new Member(m.id(), m.email(), m.name(), ListStatus.UNSUBSCRIBED, m.created(), at);
    });
  }

  /** Subscribes again a member who left (not one who bounced or complained). */
  public Optional<Member> resubscribe(String token) {
    Optional<Member> m = member(token);
    m.ifPresent(member -> {
      if (member.status() == ListStatus.UNSUBSCRIBED) {
        store.setStatus(member.id(), ListStatus.SUBSCRIBED, clock.instant(), "prefs");
      }
    });
    return m.flatMap(x -> store.byId(x.id()));
  }

  /** Changes the name to greet. */
  public Optional<Member> rename(String token, String name) {
    Optional<Member> m = member(token);
    m.ifPresent(member -> store.rename(member.id(), cleanName(name), clock.instant(), "prefs"));
    return m.flatMap(x -> store.byId(x.id()));
  }

  /** "Download my data": the member's row and its events, as JSON. */
  public Optional<String> data(String token) {
    return member(token).map(m -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("email", m.email());
      row.put("name", m.name());
      row.put("status", m.status().word());
      row.put("created", m.created().toString());
      row.put("changed", m.changed().toString());
      List<Map<String, Object>> events = new ArrayList<>();
      for (ListEvent e : store.events(m.id())) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("at", e.at().toString());
        event.put("kind", e.kind());
        event.put("source", e.source());
        events.add(event);
      }
      row.put("events", events);
      return Json.write(row) + "\n";
    });
  }

  /** "Delete me": the row and its events erased, a keyed hash kept so nothing adds it back. */
  public boolean forget(String token) {
    Optional<Member> m = member(token);
    return m.isPresent() && store.forget(m.get().id(), clock.instant());
  }

  /** The preferences link of a member. */
  public String prefsUrl(Member m) {
    return settings.listUrl().get() + "/prefs/" + tokens.member(m.id());
  }

  /** The unsubscribe link of a member. */
  public String unsubscribeUrl(Member m) {
    return settings.listUrl().get() + "/u/" + tokens.member(m.id());
  }

  /**
   * A name fit to keep: control characters (line breaks included) become spaces, runs of spaces
   * one, and at most {@link #MAX_NAME} characters (whole code points) are kept.
   */
  public static String cleanName(String name) {
    if (name == null) {
      return "";
    }
    String cut = name.length() > 4 * MAX_NAME ? name.substring(0, 4 * MAX_NAME) : name;
    String clean = cut.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip();
    if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
      clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME)).strip();
    }
    return clean;
  }

  /** An address shown without giving it away: {@code d•••@example.org}. */
  public static String masked(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "•••";
    }
    return email.substring(0, email.offsetByCodePoints(0, 1)) + "•••" + email.substring(at);
  }

  /** The client's network, for the record: the /24 of an IPv4 address, the /48 of an IPv6 one. */
  static String network(InetAddress client) {
    if (client == null) {
      return "unknown";
    }
    byte[] a = client.getAddress();
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + ".0/24";
    }
    return String.format("%x:%x:%x::/48", ((a[0] & 0xff) << 8) | (a[1] & 0xff), ((a[2] & 0xff) << 8) | (a[3] & 0xff),
        ((a[4] & 0xff) << 8) | (a[5] & 0xff));
  }
}
