package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import press.callback.list.ListStore.Confirmation;
import press.callback.list.ListStore.Imported;
import press.callback.list.ListStore.Limits;
import press.callback.list.ListStore.Signup;
import press.callback.list.ListStore.SignupResult;

/**
 * What every {@link ListStore} promises, run against each database (SQLite file, PostgreSQL
 * server): subclasses say how to open a fresh store and open it again.
 */
abstract class ListStoreContract {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Limits GENEROUS = new Limits(100, 10_000);

  JdbcListStore store;
  private int tokens;

  /** A new, empty store. */
  abstract JdbcListStore create();

  /** The same database as {@link #create()}'s, opened again (a second process, a restart). */
  abstract JdbcListStore reopen();

  @BeforeEach
  void open() {
    store = create();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  String token() {
    return Tokens.hash("token-" + (++tokens));
  }

  SignupResult signup(String email, String name, String tokenHash, Instant at) {
    return store.signup(new Signup(email, name, tokenHash, at, at.plus(Duration.ofDays(7)), "form"), GENEROUS);
  }

  @Test
  void signupOfANewAddressIsPendingAndAsksForConfirmation() {
    SignupResult r = signup("Ann@Example.org", "Ann", token(), T0);

    assertThat(r.kind()).isEqualTo(SignupResult.Kind.CONFIRM);
    Member m = r.member().orElseThrow();
    assertThat(m.status()).isEqualTo(ListStatus.PENDING);
    assertThat(m.name()).as("the name is used only once the address confirms").isEmpty();
    assertThat(store.byAddress("ann@example.ORG")).contains(m);
    assertThat(store.byId(m.id()).orElseThrow().email()).isEqualTo("Ann@Example.org");
    assertThat(store.consent(m.id())).isEmpty();
    assertThat(store.events(m.id())).containsExactly(new ListEvent(T0, "signup", "form"));
  }

  @Test
  void confirmingOnceSubscribesRecordsConsentAndAppliesTheName() {
    String hash = token();
    long id = signup("ann@example.org", "Ann", hash, T0).member().orElseThrow().id();
    Instant at = T0.plusSeconds(60);

    Confirmation c = store.confirm(hash, at, "form");

    assertThat(c.kind()).isEqualTo(Confirmation.Kind.CONFIRMED);
    assertThat(c.member().orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
    Member m = store.byId(id).orElseThrow();
    assertThat(m.status()).isEqualTo(ListStatus.SUBSCRIBED);
    assertThat(m.name()).isEqualTo("Ann");
    assertThat(m.changed()).isEqualTo(at);
    assertThat(store.consent(id)).contains(new ListStore.Consent(at, "form"));
    assertThat(store.events(id)).extracting(ListEvent::kind).containsExactly("signup", "confirmed");
  }

  @Test
  void aTokenWorksOnce() {
    String hash = token();
    signup("ann@example.org", "", hash, T0);
    store.confirm(hash, T0.plusSeconds(1), "form");

    Confirmation again = store.confirm(hash, T0.plusSeconds(2), "form");

    assertThat(again.kind()).isEqualTo(Confirmation.Kind.USED);
    assertThat(store.events(again.member().orElseThrow().id())).extracting(ListEvent::kind)
        .containsExactly("signup", "confirmed");
  }

  @Test
  void anEarlierTokenOfAConfirmedAddressIsUsed() {
    String first = token();
    String second = token();
    signup("ann@example.org", "", first, T0);
    signup("ann@example.org", "", second, T0.plusSeconds(1));

    assertThat(store.confirm(second, T0.plusSeconds(2), "form").kind()).isEqualTo(Confirmation.Kind.CONFIRMED);
    assertThat(store.confirm(first, T0.plusSeconds(3), "form").kind()).isEqualTo(Confirmation.Kind.USED);
  }

  @Test
  void anExpiredTokenConfirmsNothing() {
    String hash = token();
    long id = signup("ann@example.org", "", hash, T0).member().orElseThrow().id();

    Confirmation c = store.confirm(hash, T0.plus(Duration.ofDays(7)), "form");

    assertThat(c.kind()).isEqualTo(Confirmation.Kind.EXPIRED);
    assertThat(store.byId(id).orElseThrow().status()).isEqualTo(ListStatus.PENDING);
    assertThat(store.consent(id)).isEmpty();
  }

  @Test
  void anUnknownTokenConfirmsNothing() {
    signup("ann@example.org", "", token(), T0);

    assertThat(store.confirm(Tokens.hash("never sent"), T0, "form"))
        .isEqualTo(new Confirmation(Confirmation.Kind.UNKNOWN, Optional.empty()));
  }

  @Test
  void aSubscribedAddressIsToldItIsSubscribedAlready() {
    String hash = token();
    long id = signup("ann@example.org", "Ann", hash, T0).member().orElseThrow().id();
    store.confirm(hash, T0, "form");

    SignupResult r = signup("ANN@example.org", "Someone else", token(), T0.plusSeconds(5));

    assertThat(r.kind()).isEqualTo(SignupResult.Kind.ALREADY);
    assertThat(r.member().orElseThrow().id()).isEqualTo(id);
    assertThat(store.byId(id).orElseThrow().name()).isEqualTo("Ann");
    assertThat(store.events(id)).extracting(ListEvent::kind).containsExactly("signup", "confirmed", "already-sent");
  }

  @Test
  void signupsOfOneAddressAreLimitedPerHour() {
    Limits limits = new Limits(2, 100);
    for (int i = 0; i < 2; i++) {
      assertThat(store.signup(new Signup("ann@example.org", "", token(), T0.plusSeconds(i), T0.plus(Duration.ofDays(7)), "form"), limits)
          .kind()).isEqualTo(SignupResult.Kind.CONFIRM);
    }
    assertThat(store.signup(new Signup("ann@example.org", "", token(), T0.plusSeconds(2), T0.plus(Duration.ofDays(7)), "form"), limits)
        .kind()).isEqualTo(SignupResult.Kind.LIMITED);
    assertThat(store.signup(new Signup("bob@example.org", "", token(), T0.plusSeconds(3), T0.plus(Duration.ofDays(7)), "form"), limits)
        .kind()).as("another address").isEqualTo(SignupResult.Kind.CONFIRM);
    Instant later = T0.plus(Duration.ofMinutes(61));
    assertThat(store.signup(new Signup("ann@example.org", "", token(), later, later.plus(Duration.ofDays(7)), "form"), limits)
        .kind()).as("an hour later").isEqualTo(SignupResult.Kind.CONFIRM);
  }

  @Test
  void confirmationEmailsAreLimitedPerHourForTheWholeList() {
    Limits limits = new Limits(5, 3);
    List<SignupResult.Kind> kinds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      kinds.add(store.signup(new Signup("reader" + i + "@example.org", "", token(), T0.plusSeconds(i),
          T0.plus(Duration.ofDays(7)), "form"), limits).kind());
    }
    assertThat(kinds).containsExactly(SignupResult.Kind.CONFIRM, SignupResult.Kind.CONFIRM,
        SignupResult.Kind.CONFIRM, SignupResult.Kind.LIMITED);
    assertThat(store.byAddress("reader3@example.org")).as("a limited sign-up stores nothing").isEmpty();
  }

  @Test
  void forgettingErasesTheMemberAndKeepsOnlyASuppression() {
    String hash = token();
    long id = signup("ann@example.org", "Ann", hash, T0).member().orElseThrow().id();
    store.confirm(hash, T0, "form");
    signup("ann@example.org", "", token(), T0.plusSeconds(1));

    assertThat(store.forget(id, T0.plusSeconds(2))).isTrue();

    assertThat(store.byId(id)).isEmpty();
    assertThat(store.byAddress("ann@example.org")).isEmpty();
    assertThat(store.events(id)).isEmpty();
    assertThat(store.consent(id)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM confirmations")).isZero();
    assertThat(count("SELECT COUNT(*) FROM member_events")).isZero();
    assertThat(count("SELECT COUNT(*) FROM members")).isZero();
    assertThat(store.suppressed("ANN@example.org")).isTrue();
    assertThat(store.suppressed("bob@example.org")).isFalse();
    assertThat(store.forget(id, T0.plusSeconds(3))).as("twice").isFalse();

    assertThat(signup("ann@example.org", "", token(), T0.plusSeconds(4)))
        .isEqualTo(new SignupResult(SignupResult.Kind.HELD, Optional.empty()));
    assertThat(store.put("Ann@Example.org", "Ann", ListStatus.SUBSCRIBED, T0.plusSeconds(5), "import"))
        .isEqualTo(Imported.SUPPRESSED);
    assertThat(count("SELECT COUNT(*) FROM members")).isZero();
    assertThat(store.check()).isEmpty();
  }

  @Test
  void aComplainedAddressIsHeld() {
    store.put("ann@example.org", "", ListStatus.COMPLAINED, T0, "import");

    assertThat(signup("ann@example.org", "", token(), T0.plusSeconds(1)).kind()).isEqualTo(SignupResult.Kind.HELD);
    assertThat(count("SELECT COUNT(*) FROM confirmations")).isZero();
  }

  @Test
  void anUnsubscribedAddressStaysSoUntilItConfirms() {
    store.put("ann@example.org", "Ann", ListStatus.UNSUBSCRIBED, T0, "import");
    String hash = token();

    SignupResult r = signup("ann@example.org", "Annie", hash, T0.plusSeconds(1));

    assertThat(r.kind()).isEqualTo(SignupResult.Kind.CONFIRM);
    assertThat(store.byAddress("ann@example.org").orElseThrow().status()).isEqualTo(ListStatus.UNSUBSCRIBED);
    store.confirm(hash, T0.plusSeconds(2), "form");
    Member m = store.byAddress("ann@example.org").orElseThrow();
    assertThat(m.status()).isEqualTo(ListStatus.SUBSCRIBED);
    assertThat(m.name()).isEqualTo("Annie");
  }

  @Test
  void putAddsUpdatesAndLeavesAlone() {
    assertThat(store.put("ann@example.org", "Ann", ListStatus.SUBSCRIBED, T0, "import")).isEqualTo(Imported.ADDED);
    assertThat(store.put("ANN@example.org", "Ann", ListStatus.SUBSCRIBED, T0.plusSeconds(1), "import"))
        .isEqualTo(Imported.UNCHANGED);
    assertThat(store.put("ann@example.org", "", ListStatus.SUBSCRIBED, T0.plusSeconds(2), "import"))
        .as("an empty name keeps the name").isEqualTo(Imported.UNCHANGED);
    assertThat(store.put("ann@example.org", "Annie", ListStatus.SUBSCRIBED, T0.plusSeconds(3), "import"))
        .isEqualTo(Imported.UPDATED);
    assertThat(store.put("ann@example.org", "Annie", ListStatus.BOUNCED, T0.plusSeconds(4), "import"))
        .isEqualTo(Imported.UPDATED);

    Member m = store.byAddress("ann@example.org").orElseThrow();
    assertThat(m.email()).isEqualTo("ann@example.org");
    assertThat(m.name()).isEqualTo("Annie");
    assertThat(m.status()).isEqualTo(ListStatus.BOUNCED);
    assertThat(m.created()).isEqualTo(T0);
    assertThat(m.changed()).isEqualTo(T0.plusSeconds(4));
    assertThat(store.consent(m.id())).as("an imported subscriber's consent is the import")
        .contains(new ListStore.Consent(T0, "import"));
    assertThat(store.events(m.id())).containsExactly(
        new ListEvent(T0, "imported-subscribed", "import"),
        new ListEvent(T0.plusSeconds(3), "renamed", "import"),
        new ListEvent(T0.plusSeconds(4), "bounced", "import"));
    assertThat(store.put("cat@example.org", "", ListStatus.UNSUBSCRIBED, T0, "import")).isEqualTo(Imported.ADDED);
    assertThat(store.consent(store.byAddress("cat@example.org").orElseThrow().id())).isEmpty();
  }

  @Test
  void setStatusIsIdempotentAndRecordsEachChange() {
    store.put("ann@example.org", "", ListStatus.SUBSCRIBED, T0, "import");
    long id = store.byAddress("ann@example.org").orElseThrow().id();

    assertThat(store.setStatus(id, ListStatus.UNSUBSCRIBED, T0.plusSeconds(1), "one-click")).isTrue();
    assertThat(store.setStatus(id, ListStatus.UNSUBSCRIBED, T0.plusSeconds(2), "one-click")).isFalse();
    assertThat(store.setStatus(id, ListStatus.SUBSCRIBED, T0.plusSeconds(3), "prefs")).isTrue();
    assertThat(store.setStatus(Long.MAX_VALUE, ListStatus.UNSUBSCRIBED, T0, "cli")).as("no such member").isFalse();

    assertThat(store.events(id)).containsExactly(
        new ListEvent(T0, "imported-subscribed", "import"),
        new ListEvent(T0.plusSeconds(1), "unsubscribed", "one-click"),
        new ListEvent(T0.plusSeconds(3), "subscribed", "prefs"));
    assertThat(store.byId(id).orElseThrow().changed()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void renameChangesTheNameOnly() {
    store.put("ann@example.org", "Ann", ListStatus.SUBSCRIBED, T0, "import");
    long id = store.byAddress("ann@example.org").orElseThrow().id();

    assertThat(store.rename(id, "Annie", T0.plusSeconds(1), "prefs")).isTrue();
    assertThat(store.rename(id, "Annie", T0.plusSeconds(2), "prefs")).isTrue();
    assertThat(store.rename(Long.MAX_VALUE, "X", T0, "prefs")).isFalse();

    assertThat(store.byId(id).orElseThrow().name()).isEqualTo("Annie");
    assertThat(store.events(id)).extracting(ListEvent::kind).containsExactly("imported-subscribed", "renamed");
  }

  @Test
  void countsMembersByStatusAndEventsByKind() {
    store.put("a@example.org", "", ListStatus.SUBSCRIBED, T0, "import");
    store.put("b@example.org", "", ListStatus.SUBSCRIBED, T0, "import");
    store.put("c@example.org", "", ListStatus.BOUNCED, T0, "import");
    String hash = token();
    signup("d@example.org", "", hash, T0.plus(Duration.ofDays(1)));
    signup("e@example.org", "", token(), T0.plus(Duration.ofDays(1)));
    store.confirm(hash, T0.plus(Duration.ofDays(2)), "form");
    store.setStatus(store.byAddress("a@example.org").orElseThrow().id(), ListStatus.UNSUBSCRIBED,
        T0.plus(Duration.ofDays(8)), "one-click");

    assertThat(store.counts()).isEqualTo(Map.of(ListStatus.SUBSCRIBED, 2, ListStatus.PENDING, 1,
        ListStatus.UNSUBSCRIBED, 1, ListStatus.BOUNCED, 1, ListStatus.COMPLAINED, 0));
    assertThat(store.eventCounts(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(8))))
        .isEqualTo(Map.of("signup", 2, "confirmed", 1));
    assertThat(store.eventCounts(T0, T0.plus(Duration.ofDays(9))))
        .containsEntry("unsubscribed", 1).containsEntry("imported-subscribed", 2);
  }

  @Test
  void forEachGivesEveryMemberInTheOrderTheyCame() {
    store.put("b@example.org", "", ListStatus.SUBSCRIBED, T0.plusSeconds(1), "import");
    store.put("a@example.org", "", ListStatus.SUBSCRIBED, T0.plusSeconds(2), "import");
    signup("c@example.org", "", token(), T0.plusSeconds(3));

    List<String> seen = new ArrayList<>();
    store.forEach(m -> seen.add(m.email()));

    assertThat(seen).containsExactly("b@example.org", "a@example.org", "c@example.org");
  }

  Feedback report(Feedback.Kind kind, long member, String address, String key, Instant at) {
    return new Feedback(kind, member, address, "2026-03-02", key, at, "5.1.1 user unknown", "inbox");
  }

  long subscribed(String email) {
    store.put(email, "", ListStatus.SUBSCRIBED, T0, "import");
    return store.byAddress(email).orElseThrow().id();
  }

  @Test
  void aHardBounceBouncesASubscriberOnceHoweverOftenItIsRead() {
    long id = subscribed("ann@example.org");

    assertThat(store.feedback(report(Feedback.Kind.HARD_BOUNCE, id, null, "<dsn-1@mx>", T0.plusSeconds(1)), Feedback.Policy.DEFAULT))
        .isEqualTo(Feedback.Outcome.CHANGED);
    assertThat(store.feedback(report(Feedback.Kind.HARD_BOUNCE, id, null, "<dsn-1@mx>", T0.plusSeconds(2)), Feedback.Policy.DEFAULT))
        .as("the same report again").isEqualTo(Feedback.Outcome.SEEN);
    assertThat(store.feedback(report(Feedback.Kind.HARD_BOUNCE, id, null, "<dsn-2@mx>", T0.plusSeconds(3)), Feedback.Policy.DEFAULT))
        .as("another report of a bounced member").isEqualTo(Feedback.Outcome.UNCHANGED);

    assertThat(store.byId(id).orElseThrow().status()).isEqualTo(ListStatus.BOUNCED);
    assertThat(store.events(id)).extracting(ListEvent::kind).containsExactly("imported-subscribed", "bounced");
    assertThat(store.events(id).get(1).source()).isEqualTo("inbox: hard-bounce 5.1.1 user unknown");
    assertThat(store.feedbackByIssue()).isEqualTo(Map.of("2026-03-02", Map.of(Feedback.Kind.HARD_BOUNCE, 2)));
  }

  @Test
  void softBouncesBounceAtTheLimitWithinTheWindowOnly() {
    long id = subscribed("ann@example.org");
    Feedback.Policy policy = new Feedback.Policy(3, Duration.ofDays(30));

    assertThat(store.feedback(report(Feedback.Kind.SOFT_BOUNCE, id, null, "a", T0), policy)).isEqualTo(Feedback.Outcome.COUNTED);
    assertThat(store.feedback(report(Feedback.Kind.SOFT_BOUNCE, id, null, "b", T0.plus(Duration.ofDays(20))), policy))
        .isEqualTo(Feedback.Outcome.COUNTED);
    assertThat(store.feedback(report(Feedback.Kind.SOFT_BOUNCE, id, null, "c", T0.plus(Duration.ofDays(40))), policy))
        .as("the first fell out of the window").isEqualTo(Feedback.Outcome.COUNTED);
    assertThat(store.byId(id).orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
    assertThat(store.feedback(report(Feedback.Kind.SOFT_BOUNCE, id, null, "d", T0.plus(Duration.ofDays(41))), policy))
        .isEqualTo(Feedback.Outcome.CHANGED);
    assertThat(store.byId(id).orElseThrow().status()).isEqualTo(ListStatus.BOUNCED);
  }

  @Test
  void aComplaintOutranksEveryStatusAndHoldsTheAddress() {
    long id = subscribed("ann@example.org");
    store.setStatus(id, ListStatus.UNSUBSCRIBED, T0.plusSeconds(1), "page");

    assertThat(store.feedback(new Feedback(Feedback.Kind.COMPLAINT, 0, "ANN@example.org", null, "arf-1", T0.plusSeconds(2), "", "inbox"),
        Feedback.Policy.DEFAULT)).as("found by address, in any case").isEqualTo(Feedback.Outcome.CHANGED);

    assertThat(store.byId(id).orElseThrow().status()).isEqualTo(ListStatus.COMPLAINED);
    assertThat(signup("ann@example.org", "", token(), T0.plusSeconds(3)).kind()).isEqualTo(SignupResult.Kind.HELD);
    assertThat(store.feedbackByIssue()).as("no issue named").isEmpty();
  }

  @Test
  void aMailedUnsubscribeLeavesAndABounceAfterItChangesNothing() {
    long id = subscribed("ann@example.org");

    assertThat(store.feedback(report(Feedback.Kind.UNSUBSCRIBE, id, null, "m-1", T0.plusSeconds(1)), Feedback.Policy.DEFAULT))
        .isEqualTo(Feedback.Outcome.CHANGED);
    assertThat(store.feedback(report(Feedback.Kind.HARD_BOUNCE, id, null, "m-2", T0.plusSeconds(2)), Feedback.Policy.DEFAULT))
        .isEqualTo(Feedback.Outcome.UNCHANGED);
    assertThat(store.byId(id).orElseThrow().status()).isEqualTo(ListStatus.UNSUBSCRIBED);
  }

  @Test
  void aReportOfNoMemberIsRecordedOnceAndChangesNothing() {
    subscribed("ann@example.org");

    assertThat(store.feedback(report(Feedback.Kind.HARD_BOUNCE, 0, "nobody@example.org", "x", T0), Feedback.Policy.DEFAULT))
        .isEqualTo(Feedback.Outcome.UNKNOWN);
    assertThat(store.feedback(report(Feedback.Kind.HARD_BOUNCE, 0, "nobody@example.org", "x", T0), Feedback.Policy.DEFAULT))
        .isEqualTo(Feedback.Outcome.SEEN);
    assertThat(store.feedback(report(Feedback.Kind.HARD_BOUNCE, 987_654_321L, null, "y", T0), Feedback.Policy.DEFAULT))
        .isEqualTo(Feedback.Outcome.UNKNOWN);
    assertThat(store.counts().get(ListStatus.SUBSCRIBED)).isEqualTo(1);
  }

  @Test
  void forgettingAMemberErasesItsAddressFromTheSendLedger() throws Exception {
    store.put("gone@example.org", "", ListStatus.SUBSCRIBED, T0, "import");
    long id = store.byAddress("gone@example.org").orElseThrow().id();
    press.callback.mail.Ledger.Place place = JdbcLedger.place(store.database(), "2026-11-30", "smtp-x",
        java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    try (press.callback.mail.Ledger l = place.open()) {
      l.record("gone@example.org", press.callback.mail.Ledger.State.SENT, "", true);
      l.record("kept@example.org", press.callback.mail.Ledger.State.SENT, "", true);
    }
    store.forget(id, T0.plusSeconds(1));
    assertThat(place.read()).containsOnlyKeys("kept@example.org");
  }

  @Test
  void forgettingAMemberErasesItsReports() {
    long id = subscribed("ann@example.org");
    store.feedback(report(Feedback.Kind.SOFT_BOUNCE, id, null, "a", T0), Feedback.Policy.DEFAULT);

    store.forget(id, T0.plusSeconds(1));

    assertThat(count("SELECT COUNT(*) FROM feedback")).isZero();
  }

  @Test
  void checkFindsNothingInASoundDatabase() {
    assertThat(store.check()).isEmpty();
    store.put("a@example.org", "", ListStatus.SUBSCRIBED, T0, "import");
    signup("b@example.org", "", token(), T0);

    assertThat(store.check()).isEmpty();
  }

  @Test
  void checkFindsEventsOfNoMember() {
    store.database().transaction(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO member_events (id, member_id, at, kind, source) VALUES (1, 42, 0, 'signup', 'form')")) {
        return p.executeUpdate();
      }
    });

    assertThat(store.check()).containsExactly("1 events or confirmations of no member");
  }

  @Test
  void reopeningMigratesNothingTwice() {
    store.put("a@example.org", "", ListStatus.SUBSCRIBED, T0, "import");
    store.close();
    store = reopen();
    store.close();
    store = reopen();

    assertThat(count("SELECT COUNT(*) FROM list_schema")).isEqualTo(ListDatabase.newestVersion());
    assertThat(store.byAddress("a@example.org")).isPresent();
    store.forget(store.byAddress("a@example.org").orElseThrow().id(), T0);
    store.close();
    store = reopen();
    assertThat(store.suppressed("a@example.org")).as("the suppression key survives a restart").isTrue();
  }

  @Test
  void refusesADatabaseOfANewerPress() {
    store.database().transaction(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO list_schema (version, name, applied_at) VALUES (99, 'V99__future.sql', 0)")) {
        return p.executeUpdate();
      }
    });
    store.close();
    store = null;

    assertThatThrownBy(this::reopen)
        .isInstanceOf(ListStoreException.class)
        .hasMessageContaining("has schema version 99; this press knows versions up to " + ListDatabase.newestVersion())
        .extracting(e -> ((ListStoreException) e).hint()).asString().contains("newer press");
  }

  int count(String sql) {
    return store.database().transaction(c -> {
      try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
        r.next();
        return r.getInt(1);
      }
    });
  }
}
