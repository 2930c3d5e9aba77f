package press.callback.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import press.callback.diag.ContentException;
import press.callback.mail.Destination;
import press.callback.mail.IssueMessage;
import press.callback.mail.Ledger;
import press.callback.mail.Personalizer;
import press.callback.mail.Sender;
import press.callback.mail.Subscriber;
import press.callback.mail.SubscriberList;
import press.callback.mail.UnsubscribeToken;

/**
 * {@code press send ISSUE --subscribers FILE}: the list is a CSV file, read once (what is counted
 * and listed is what is sent to), and the ledger a file beside the project ({@code
 * .press/ledger/}); the unsubscribe links carry address tokens and the envelope sender is the
 * bounce address itself (a CSV list has no member ids, so no VERP).
 *
 * <p>The rows are kept in memory for the run (some hundred bytes each: a list of 100,000 takes
 * tens of megabytes); a list far larger belongs in the database, which a send reads a page at a
 * time.
 */
final class CsvSend {
  private final SendCommand send;
  private final SendPlan plan;
  private final Main main;

  CsvSend(SendCommand send, SendPlan plan) {
    this.send = send;
    this.plan = plan;
    this.main = send.main;
  }

  /** Sends the issue to the subscribed rows of {@code file}, or (a dry run) says what it would send. */
  int send(Destination destination, IssueMessage message, UnsubscribeToken tokens,
      Path ledgerFile, Path file) throws IOException, InterruptedException {
    String id = plan.issue();
    String display = file.toString();
    SubscriberList.Rows list;
    try {
      list = SubscriberList.readAll(file, display, d -> main.err().println(d.format()));
    } catch (ContentException e) {
      return send.fail(e);
    }
    if (list.errors() > 0) {
      main.err().printf("press: %d line(s) of %s cannot be read; nothing sent. Fix them and run the same command again%n",
          list.errors(), display);
      return ExitCodes.CONTENT;
    }
    int subscribed = (int) list.rows().stream().filter(s -> s.status() == Subscriber.Status.SUBSCRIBED).count();
    main.out().printf("press: issue %s \"%s\" via %s%n", id, message.subject(), destination.description());
    main.out().printf("press: %d subscribed, %d not subscribed, %d rows skipped; ledger %s%n",
        subscribed, list.rows().size() - subscribed, list.skipped(), ledgerFile);
    if (plan.mode() == SendPlan.Mode.DRY_RUN) { // reads the ledger without locking it: a send may be under way
      Map<String, Ledger.Mark> marks = Ledger.read(ledgerFile);
      send.dryRun(marks, subscribed, Ledger.running(ledgerFile, main.runtime().locks()));
      if (plan.verbose()) {
        for (Subscriber s : list.rows()) {
          if (s.status() == Subscriber.Status.SUBSCRIBED && marks.get(s.key()) == null) {
            main.out().println("  " + s.email());
          }
        }
      }
      return ExitCodes.OK;
    }
    Ledger opened;
    try {
      opened = Ledger.open(ledgerFile, main.clock(), main.runtime().locks());
    } catch (Ledger.Busy e) {
      if (plan.due()) { // another run of the same schedule got there first: it sends the issue
        main.out().println("press: another send of issue " + id + " via " + destination.description() + " is running ("
            + Ledger.running(ledgerFile, main.runtime().locks()).orElse("it has just ended")
            + "); it sends the issue, so this one stops");
        return ExitCodes.OK;
      }
      main.err().println("press: error: " + e.getMessage()
          + "\n  hint: wait for it to end (press send --status shows its progress); a send that was killed"
          + " leaves no lock, so run the same command again then");
      return ExitCodes.CONTENT;
    }
    try (Ledger ledger = opened) {
      String bounceAddress = plan.bounceAddress();
      // a CSV list has no member ids: the envelope sender is the bounce address itself (no VERP)
      Personalizer personalizer = new Personalizer(message, s -> tokens.create(s.email()), s -> bounceAddress,
          destination.id(), main.clock(), false);
      Progress progress = new Progress(main.out(), subscribed, main.interactive());
      Sender sender = new Sender(plan.sending(), ledger, destination, personalizer::message, progress::update);
      Sender.Report report = sender.send(list.rows().iterator());
      progress.finish();
      return send.summary(report, id);
    }
  }

  /** {@code --status}: what the ledger file holds, and with a list given, how many are pending. */
  int status(Path ledgerFile, Destination destination) throws IOException {
    String id = plan.issue();
    if (!Files.exists(ledgerFile)) {
      main.out().printf("press: nothing sent yet for %s via %s%n", id, destination.description());
      return ExitCodes.OK;
    }
    Map<String, Ledger.Mark> marks = Ledger.read(ledgerFile);
    Map<Ledger.State, Integer> t = SendCommand.tally(marks);
    String pending;
    if (plan.recipients() instanceof SendPlan.Csv csv) {
      SubscriberList.Rows list;
      try {
        list = SubscriberList.readAll(csv.file(), csv.file().toString(), d -> {
          if (d.isError()) {
            main.err().println(d.format());
          }
        });
      } catch (ContentException e) {
        return send.fail(e);
      }
      if (list.errors() > 0) {
        return ExitCodes.CONTENT;
      }
      int subscribed = 0;
      int open = 0;
      for (Subscriber s : list.rows()) {
        if (s.status() == Subscriber.Status.SUBSCRIBED) {
          subscribed++;
          Ledger.Mark m = marks.get(s.key());
          if (m == null || m.state() == Ledger.State.DEFERRED) {
            open++;
          }
        }
      }
      pending = ", pending " + open + " of " + subscribed + " subscribed";
    } else {
      pending = ", pending (deferred) " + t.get(Ledger.State.DEFERRED) + " (add --subscribers to count the rest)";
    }
    main.out().printf("press: %s via %s: sent %d, failed %d%s, uncertain %d%n", id, destination.description(),
        t.get(Ledger.State.SENT), t.get(Ledger.State.FAILED), pending, t.get(Ledger.State.SENDING));
    Ledger.running(ledgerFile, main.runtime().locks()).ifPresent(who -> main.out().println(
        "press: a send is running now (" + who + "): its messages in flight count as uncertain until it ends"));
    return ExitCodes.OK;
  }
}
