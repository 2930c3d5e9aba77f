package press.callback.list.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.list.Feedback;
import press.callback.list.JdbcListStore;
import press.callback.list.ListFlows;
import press.callback.list.ListMail;
import press.callback.list.ListStatus;
import press.callback.list.ListStore;
import press.callback.list.Throttle;
import press.callback.list.Tokens;
import press.callback.list.Verp;
import press.callback.mail.UnsubscribeToken;

/** The intake on a real SQLite list: each kind of message changes what it should, once. */
class IntakeTest {
  static final String SECRET = "inbox-test-secret-of-good-length";
  static final String LIST_ID = "weekly.callback.press";
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path tmp;
  JdbcListStore store;
  final List<ListMail> outbox = new ArrayList<>();
  final Tokens tokens = new Tokens(List.of(SECRET), LIST_ID);
  final Verp verp = new Verp("bounce@callback.press", tokens);
  Intake intake;

  @BeforeEach
  void open() {
    store = JdbcListStore.open("jdbc:sqlite:.press/list.db", tmp, null);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ListFlows flows = new ListFlows(store, outbox::add, tokens, List.of(new UnsubscribeToken(SECRET, LIST_ID)),
        new Throttle(1, Duration.ofHours(1), clock, 1), clock, new SecureRandom(),
        new ListFlows.Settings(() -> "https://list.callback.press", ListStore.Limits.DEFAULT));
    intake = new Intake(store, flows, verp, clock, new Intake.Settings(Feedback.Policy.DEFAULT, LIST_ID, true));
  }

  @AfterEach
  void close() {
    store.close();
  }

  long member(String email) {
    store.put(email, "", ListStatus.SUBSCRIBED, NOW.minus(Duration.ofDays(100)), "test");
    return store.byAddress(email).orElseThrow().id();
  }

  ListStatus status(long id) {
    return store.byId(id).orElseThrow().status();
  }

  Intake.Result apply(String message) {
    return intake.apply(ReportClassifier.classify(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aHardBounceToTheVerpAddressBouncesItsMemberOnceEvenWhenTheReportNamesAnotherAddress() {
    long ann = member("ann@example.org");
    String bounce = InboxMessages.hardBounce("hb1", verp.sender(ann, "2026-11-30"), "forwarded-ann@elsewhere.example");

    Intake.Result first = apply(bounce);
    Intake.Result again = apply(bounce);

    assertThat(first.tally()).isEqualTo(Intake.Tally.HARD_BOUNCE);
    assertThat(first.handled()).isTrue();
    assertThat(first.line()).contains("by verp", "issue 2026-11-30", "changed");
    assertThat(status(ann)).isEqualTo(ListStatus.BOUNCED);
    assertThat(again.tally()).isEqualTo(Intake.Tally.SEEN);
    assertThat(store.feedbackByIssue()).isEqualTo(Map.of("2026-11-30", Map.of(Feedback.Kind.HARD_BOUNCE, 1)));
  }

  @Test
  void aForgedVerpAddressFallsBackToTheAddressTheReportNames() {
    long bob = member("bob@example.org");
    String forged = verp.sender(bob, "2026-11-30").replaceFirst("\\.[a-z2-7]{10}@", ".aaaaaaaaaa@");

    Intake.Result r = apply(InboxMessages.hardBounce("hb2", forged, "bob@example.org"));

    assertThat(r.line()).contains("(by address)");
    assertThat(status(bob)).isEqualTo(ListStatus.BOUNCED);
  }

  @Test
  void softBouncesCountAndBounceAtTheLimit() {
    long cat = member("cat@example.org");
    String to = verp.sender(cat, null);

    apply(InboxMessages.softBounce("sb1", to, "cat@example.org"));
    apply(InboxMessages.softBounce("sb2", to, "cat@example.org"));
    assertThat(status(cat)).isEqualTo(ListStatus.SUBSCRIBED);
    Intake.Result third = apply(InboxMessages.softBounce("sb3", to, "cat@example.org"));

    assertThat(third.tally()).isEqualTo(Intake.Tally.SOFT_BOUNCE);
    assertThat(status(cat)).isEqualTo(ListStatus.BOUNCED);
  }

  @Test
  void aComplaintWithTheRecipientRedactedFindsTheMemberByTheOriginalsToken() {
    long dan = member("dan@example.org");

    Intake.Result r = apply(InboxMessages.complaint("c1", tokens.member(dan)));

    assertThat(r.tally()).isEqualTo(Intake.Tally.COMPLAINT);
    assertThat(r.line()).contains("by token", "issue 2026-11-30");
    assertThat(status(dan)).isEqualTo(ListStatus.COMPLAINED);
  }

  @Test
  void aMailedUnsubscribeCountsWithAGenuineTokenOnly() {
    long eve = member("eve@example.org");
    long fay = member("fay@example.org");
    String legacy = new UnsubscribeToken(SECRET, LIST_ID).create("fay@example.org");

    Intake.Result forged = apply(InboxMessages.unsubscribe("u0", "eve@example.org", "v1.abc.notagenuinemac"));
    Intake.Result genuine = apply(InboxMessages.unsubscribe("u1", "anyone@example.org", tokens.member(eve)));
    Intake.Result old = apply(InboxMessages.unsubscribe("u2", "fay@example.org", legacy));

    assertThat(forged.tally()).isEqualTo(Intake.Tally.UNKNOWN);
    assertThat(forged.handled()).isFalse();
    assertThat(genuine.tally()).isEqualTo(Intake.Tally.UNSUBSCRIBE);
    assertThat(old.tally()).isEqualTo(Intake.Tally.UNSUBSCRIBE);
    assertThat(status(eve)).isEqualTo(ListStatus.UNSUBSCRIBED);
    assertThat(status(fay)).isEqualTo(ListStatus.UNSUBSCRIBED);
  }

  @Test
  void anOutOfOfficeReplyChangesNothing() {
    long gus = member("gus@example.org");

    Intake.Result r = apply(InboxMessages.outOfOffice("ooo1", "gus@example.org"));

    assertThat(r.tally()).isEqualTo(Intake.Tally.AUTO_REPLY);
    assertThat(status(gus)).isEqualTo(ListStatus.SUBSCRIBED);
    assertThat(store.events(gus)).hasSize(1); // the import only
  }

  @Test
  void aSignUpByMailSendsAConfirmationToItsSenderAndStoresItPending() {
    Intake.Result r = apply(InboxMessages.subscribe("s1", "Ada Lovelace <ada@example.org>"));

    assertThat(r.tally()).isEqualTo(Intake.Tally.SUBSCRIBE);
    assertThat(store.byAddress("ada@example.org").orElseThrow().status()).isEqualTo(ListStatus.PENDING);
    assertThat(outbox).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(ListMail.Kind.CONFIRM);
      assertThat(m.to()).isEqualTo("ada@example.org");
      assertThat(m.url()).startsWith("https://list.callback.press/confirm/");
    });
  }

  @Test
  void aReaderReplyIsLeftForAPerson() {
    Intake.Result r = apply(InboxMessages.reply("r1", "kind@example.org"));

    assertThat(r.tally()).isEqualTo(Intake.Tally.UNCLASSIFIED);
    assertThat(r.handled()).isFalse();
  }
}
