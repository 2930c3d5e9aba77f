package press.callback.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import press.callback.diag.ContentException;
import press.callback.list.Feedback;
import press.callback.list.JdbcLedger;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStoreException;
import press.callback.list.SubscribedMembers;
import press.callback.list.Tokens;
import press.callback.list.Verp;
import press.callback.mail.DeliveryException;
import press.callback.mail.Destination;
import press.callback.mail.IssueMessage;
import press.callback.mail.Ledger;
import press.callback.mail.Personalizer;
import press.callback.mail.Sender;
import press.callback.mail.Subscriber;
import press.callback.site.jbake.SiteProject;

/**
 * {@code press send ISSUE} with the list in the store: used when no {@code --subscribers} is given
 * and the list's database exists ({@code newsletter.list_db}: an SQLite file that is there, or any
 * PostgreSQL URL). Only subscribed members get the issue, read a page at a time ({@link
 * SubscribedMembers}: their status is read again at least every 100 messages or 30 s); the ledger
 * is rows in the same database ({@link JdbcLedger}); the unsubscribe links carry the members'
 * tokens, as the list service's; a recipient the server refuses for good at RCPT time is marked
 * {@code bounced}; with {@code newsletter.bounce_address} set, each message's envelope sender names
 * its member (VERP).
 */
final class ListSend {
  private static final ListSecrets.Wording SECRET_WORDING = new ListSecrets.Wording(
      "is not set: real sends need real unsubscribe tokens",
      "export PRESS_UNSUBSCRIBE_SECRET=<16 or more random characters>, the same the list service uses",
      "press: PRESS_UNSUBSCRIBE_SECRET is not set: unsubscribe links use a development secret",
      "a token secret must be at least 16 characters");

  private final SendCommand send;
  private final SendPlan plan;
  private final Main main;
  private final Path project;
  private final String url;
  private final String bounceAddress;

  /** The send of {@code plan} from the list's database of {@code settings} (which exists). */
  ListSend(SendCommand send, SendPlan plan, Settings settings) {
    this.send = send;
    this.plan = plan;
    this.main = send.main;
    this.project = plan.source().toAbsolutePath().normalize();
    this.url = settings.listDb();
    this.bounceAddress = settings.bounceAddress();
  }

  /** What a send reads from {@code jbake.properties}: the list's database and the bounce address. */
  record Settings(String listDb, String bounceAddress) {
    static final Settings NONE = new Settings(ListOptions.DEFAULT_URL, null);

    /** The project's settings; the defaults for a folder without {@code jbake.properties}. */
    static Settings of(Path source) throws ContentException {
      Path project = source.toAbsolutePath().normalize();
      if (!Files.isRegularFile(project.resolve("jbake.properties"))) {
        return NONE;
      }
      java.util.Map<String, Object> values = SiteProject.checkedSettings(project);
      return new Settings((String) values.get("newsletter.list_db"), (String) values.get("newsletter.bounce_address"));
    }
  }

  /**
   * Whether the project has a list database to send from: an SQLite file that is there, or any
   * PostgreSQL URL (without one, a list must be given with {@code --subscribers}).
   */
  static boolean exists(Path source, Settings settings) {
    Path project = source.toAbsolutePath().normalize();
    String url = settings.listDb();
    return !url.startsWith("jdbc:sqlite:") || Files.exists(project.resolve(url.substring("jdbc:sqlite:".length())));
  }

  /** Whether issue {@code id} has ledger rows for {@code destination} (it was sent, or began to be). */
  boolean hasLedger(String id, Destination destination) {
    try (JdbcListStore store = JdbcListStore.open(url, project, main.env(ListOptions.PASSWORD))) {
      return !JdbcLedger.place(store.database(), id, destination.id(), main.clock()).read().isEmpty();
    } catch (ListStoreException | IOException e) {
      return true; // cannot tell: say nothing about an issue that may have gone
    }
  }

  /** Runs {@code --status}, {@code --dry-run} or the send. */
  int run(Destination destination) throws InterruptedException, IOException {
    try (JdbcListStore store = JdbcListStore.open(url, project, main.env(ListOptions.PASSWORD))) {
      Ledger.Place place = JdbcLedger.place(store.database(), plan.issue(), destination.id(), main.clock());
      if (plan.mode() == SendPlan.Mode.STATUS) {
        return status(store, place, destination);
      }
      IssueMessage message;
      Tokens tokens;
      Verp verp;
      try {
        message = send.readIssue(plan);
        tokens = tokens(destination, message);
        verp = bounceAddress == null ? null : new Verp(bounceAddress, tokens);
      } catch (ContentException e) {
        return send.fail(e);
      }
      Map<ListStatus, Integer> counts = store.counts();
      int subscribed = counts.getOrDefault(ListStatus.SUBSCRIBED, 0);
      int others = counts.values().stream().mapToInt(Integer::intValue).sum() - subscribed;
      main.out().printf("press: issue %s \"%s\" via %s%n", plan.issue(), message.subject(), destination.description());
      main.out().printf("press: %d subscribed, %d not subscribed in %s; ledger in the same database%n",
          subscribed, others, store.database().location());
      if (plan.mode() == SendPlan.Mode.DRY_RUN) {
        return dryRun(store, place, subscribed);
      }
      return deliver(store, place, destination, message, tokens, verp, subscribed);
    } catch (ListStoreException e) {
      return ListOptions.report(main, e);
    }
  }

  private int deliver(JdbcListStore store, Ledger.Place place, Destination destination, IssueMessage message,
      Tokens tokens, Verp verp, int subscribed) throws InterruptedException, IOException {
    Ledger opened;
    try {
      opened = place.open();
    } catch (Ledger.Busy e) {
      if (plan.due()) { // another run of the same schedule got there first: it sends the issue
        main.out().println("press: another send of issue " + plan.issue() + " via " + destination.description()
            + " is running (" + e.getMessage() + "); it sends the issue, so this one stops");
        return ExitCodes.OK;
      }
      main.err().println("press: error: " + e.getMessage()
          + "\n  hint: wait for it to end (press send --status shows its progress); a send killed on this machine"
          + " leaves no lock, one killed elsewhere holds it until its heartbeat is 30 s old");
      return ExitCodes.CONTENT;
    }
    AtomicInteger bounced = new AtomicInteger();
    try (Ledger ledger = opened) {
      Personalizer personalizer = new Personalizer(message, s -> tokens.member(s.memberId()),
          s -> verp == null ? null : verp.sender(s.memberId(), plan.issue()), destination.id(), main.clock(), false);
      Progress progress = new Progress(main.out(), subscribed, main.interactive());
      Sender sender = new Sender(plan.sending(), ledger, destination, personalizer::message, progress::update, (s, e) -> {
            bounce(store, s, e);
            bounced.incrementAndGet();
          });
      Sender.Report report = sender.send(new SubscribedMembers(store, plan.listPage()));
      progress.finish();
      int exit = send.summary(report, plan.issue());
      if (bounced.get() > 0) {
        main.out().printf("press: %d address(es) refused for good at RCPT (no such mailbox): marked bounced in the list%n",
            bounced.get());
      }
      return exit;
    }
  }

  /** A 5xx to RCPT for a dead mailbox is a hard bounce, reported once by its key. */
  private void bounce(JdbcListStore store, Subscriber s, DeliveryException e) {
    String reply = e.reply();
    store.feedback(new Feedback(Feedback.Kind.HARD_BOUNCE, s.memberId(), null, plan.issue(),
        "smtp:" + plan.issue() + ":" + s.memberId(), main.clock().instant(),
        reply.length() > 200 ? reply.substring(0, 200) : reply, "send"), Feedback.Policy.DEFAULT);
  }

  private int dryRun(JdbcListStore store, Ledger.Place place, int subscribed) throws IOException {
    Map<String, Ledger.Mark> marks = place.read();
    send.dryRun(marks, subscribed, place.running());
    if (plan.verbose()) {
      for (SubscribedMembers m = new SubscribedMembers(store, plan.listPage()); m.hasNext(); ) {
        Subscriber s = m.next();
        if (marks.get(s.key()) == null) {
          main.out().println("  " + s.email());
        }
      }
    }
    return ExitCodes.OK;
  }

  private int status(JdbcListStore store, Ledger.Place place, Destination destination) throws IOException {
    Map<String, Ledger.Mark> marks = place.read();
    Map<Ledger.State, Integer> t = SendCommand.tally(marks);
    int subscribed = 0;
    int open = 0;
    for (SubscribedMembers m = new SubscribedMembers(store, plan.listPage()); m.hasNext(); ) {
      Ledger.Mark mark = marks.get(m.next().key());
      subscribed++;
      if (mark == null || mark.state() == Ledger.State.DEFERRED) {
        open++;
      }
    }
    main.out().printf("press: %s via %s: sent %d, failed %d, pending %d of %d subscribed, uncertain %d (ledger in %s)%n",
        plan.issue(), destination.description(), t.get(Ledger.State.SENT), t.get(Ledger.State.FAILED), open, subscribed,
        t.get(Ledger.State.SENDING), store.database().location());
    place.running().ifPresent(who -> main.out().println(
        "press: a send is running now (" + who + "): its messages in flight count as uncertain until it ends"));
    return ExitCodes.OK;
  }

  /** The list's member tokens, under the secret the list service uses (and its previous ones). */
  private Tokens tokens(Destination destination, IssueMessage message) throws ContentException {
    ListSecrets.Read read = ListSecrets.read(main::env, destination.isReal(), true, SECRET_WORDING);
    read.note().ifPresent(main.err()::println);
    if (read instanceof ListSecrets.Refused refused) {
      throw new ContentException(refused.problem());
    }
    return new Tokens(((ListSecrets.Found) read).secrets(), message.listKey());
  }
}
