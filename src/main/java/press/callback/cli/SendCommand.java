package press.callback.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.mail.BakedIssue;
import press.callback.mail.Destination;
import press.callback.mail.IssueMessage;
import press.callback.mail.Ledger;
import press.callback.mail.Personalizer;
import press.callback.mail.PickupFolder;
import press.callback.mail.Schedule;
import press.callback.mail.Sender;
import press.callback.mail.SmtpServer;
import press.callback.mail.Subscriber;
import press.callback.mail.SubscriberList;
import press.callback.mail.UnsubscribeToken;
import press.callback.site.jbake.SiteProject;

/** {@code press send}: deliver one issue to every subscriber, never twice, never lost. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Sends an issue (built by mvn package into target/newsletter/<issue>/) to every subscribed"
          + " address of a list.",
      "With --due instead of ISSUE, sends the issue dated today once its send time has passed"
          + " (newsletter.send_time, in site.timezone); before that, or on a day without an issue, it"
          + " says so and sends nothing (exit 0). Safe to run every few minutes from cron, a systemd"
          + " timer or a scheduled CI job.",
      "An issue dated after today is not sent without --early: its page on the site, where the"
          + " email's \"view in browser\" link points, is not live yet.",
      "Without --smtp, messages go to the pickup folder target/outbox/<issue>/ and nothing leaves"
          + " the machine. A ledger in .press/ledger/ records every message, so a rerun sends only"
          + " what is missing."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  PRESS_SMTP_PASSWORD        the SMTP password (never on the command line)",
      "  PRESS_UNSUBSCRIBE_SECRET   the secret of the unsubscribe tokens (16+ characters;"
          + " required with --smtp)"
    })
final class SendCommand implements Callable<Integer> {
  static final String DEV_SECRET = "press-development-secret-not-for-real-sends";

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ISSUE",
      description = "The issue's date, e.g. 2026-11-30 (or --due).")
  String issue;

  @Option(names = "--due", description = "Send the issue dated today if its send time has passed; else say when it is due.")
  boolean due;

  @Option(names = "--at", paramLabel = "yyyy-MM-ddTHH:mm", converter = DateTimeConverter.class,
      description = "With --due: decide as if it were this time (in site.timezone), to try a schedule or catch up on a missed one.")
  LocalDateTime at;

  @Option(names = "--early", description = "Send before the issue is due: by name, one dated after today; with --due, today's before its send time.")
  boolean early;

  /** The SMTP server of --smtp, or null for the pickup folder. */
  private SmtpServer server;

  @Option(names = "--subscribers", paramLabel = "FILE", description = "CSV with columns email,name,status. Without it: the list in the store"
      + " (newsletter.list_db) when its database exists, the ledger in the same database.")
  Path subscribers;

  @Option(names = "--smtp", paramLabel = "URL", description = "smtp://user@host:587 (STARTTLS) or smtps://user@host:465.")
  String smtp;

  @Option(names = "--insecure", description = "Allow plain SMTP to a host that is not this machine.")
  boolean insecure;

  @Option(names = "--rate", paramLabel = "N", description = "Messages a second at most; 0 = no limit. Default: 20 with --smtp, 0 to the pickup folder.")
  Double rate;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2", description = "Connections used at once. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--dry-run", description = "Check the list and say what would be sent; send nothing.")
  boolean dryRun;

  @Option(names = "--test", paramLabel = "ADDRESS", description = "Send one copy, marked [TEST], to this address only; record nothing.")
  String test;

  @Option(names = "--resend-uncertain", description = "Send again to addresses a crash left uncertain (they may get it twice).")
  boolean resendUncertain;

  @Option(names = "--status", description = "Print how many were sent, failed, pending and uncertain; send nothing.")
  boolean status;

  @Option(names = "--source", paramLabel = "DIR", description = "The project folder. Default: .")
  Path source = Path.of(".");

  @Option(names = "--newsletter", paramLabel = "DIR", description = "Where the issues' emails are. Default: target/newsletter.")
  Path newsletter;

  @Option(names = "--outbox", paramLabel = "DIR", description = "The pickup folder's parent. Default: target/outbox.")
  Path outbox;

  @Option(names = {"-v", "--verbose"}, description = "Also list addresses (personal data) and show stack traces.")
  boolean verbose;

  @Option(names = "--attempts", paramLabel = "N", defaultValue = "4",
      description = "Tries per message on temporary errors (4xx, broken connections). Default: ${DEFAULT-VALUE}.")
  int attempts;

  @Option(names = "--backoff", paramLabel = "SECONDS", defaultValue = "2",
      description = "Wait after the first temporary error; doubled each retry. Default: ${DEFAULT-VALUE}.")
  double backoffSeconds;

  @Override
  public Integer call() throws Exception {
    Logging.configure(verbose);
    if (due == (issue != null)) {
      throw new ParameterException(spec.commandLine(), due
          ? "--due finds the issue itself: give ISSUE or --due, not both"
          : "say which issue: press send 2026-11-30, or press send --due for the one due now");
    }
    if (at != null && !due) {
      throw new ParameterException(spec.commandLine(), "--at goes with --due: it is the time to decide what is due at");
    }
    if (!due && !issue.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new ParameterException(spec.commandLine(), "ISSUE is the issue's date, e.g. 2026-11-30, not '" + issue + "'");
    }
    if (concurrency < 1 || concurrency > 32) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be from 1 to 32");
    }
    if (attempts < 1 || backoffSeconds < 0 || (rate != null && rate < 0)) {
      throw new ParameterException(spec.commandLine(), "--attempts must be at least 1; --backoff and --rate not negative");
    }
    try {
      server = smtp == null ? null : SmtpServer.parse(smtp, main.env("PRESS_SMTP_PASSWORD"), insecure);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ListSend.Settings settings;
    try {
      settings = ListSend.Settings.of(source);
    } catch (ContentException e) {
      return fail(e);
    }
    ListSend fromList = subscribers == null && test == null ? ListSend.choose(this, settings) : null;
    if (due) {
      Optional<String> picked;
      try {
        picked = pickDue(fromList);
      } catch (ContentException e) {
        return fail(e);
      }
      if (picked.isEmpty()) {
        return ExitCodes.OK;
      }
      issue = picked.get();
    }
    Destination destination = destination(issue);
    if (fromList != null) {
      if (!status) {
        Integer refused = refusedAsEarly();
        if (refused != null) {
          return refused;
        }
      }
      return fromList.run(destination);
    }
    Path ledgerFile = ledgerFile(issue, destination);
    if (status) {
      return status(ledgerFile, destination);
    }
    IssueMessage message;
    try {
      message = readIssue();
    } catch (ContentException e) {
      return fail(e);
    }
    Integer refused = refusedAsEarly();
    if (refused != null) {
      return refused;
    }
    UnsubscribeToken tokens;
    try {
      tokens = tokens(destination, message);
    } catch (ContentException e) {
      return fail(e);
    }
    if (test != null) {
      return test(destination, message, tokens);
    }
    if (subscribers == null) {
      throw new ParameterException(spec.commandLine(), "say who gets it: --subscribers FILE, a list in "
          + settings.listDb() + " (press list import, press list serve), or --test ADDRESS");
    }
    return send(destination, message, tokens, ledgerFile, settings.bounceAddress());
  }

  /** Where messages go: the SMTP server, or the issue's pickup folder. */
  private Destination destination(String id) {
    return server != null ? server : new PickupFolder((outbox != null ? outbox : source.resolve("target/outbox")).resolve(id));
  }

  private Path ledgerFile(String id, Destination destination) {
    return source.resolve(".press/ledger").resolve(id + "." + destination.id() + ".log");
  }

  private Path newsletterFolder() {
    return newsletter != null ? newsletter : source.resolve("target/newsletter");
  }

  /**
   * With --due: the issue the clock says to send now, or empty (after saying why none is). An
   * issue has been sent here when its ledger (a file, or rows of the list's database) exists.
   */
  private Optional<String> pickDue(ListSend fromList) throws ContentException {
    Schedule schedule = SiteProject.schedule(source);
    List<BakedIssue> issues = BakedIssue.list(newsletterFolder());
    Instant now = at != null ? at.atZone(schedule.zone()).toInstant() : main.clock().instant();
    return new DueSend(main.out(), schedule).pick(issues, now, early, id -> fromList != null
        ? fromList.hasLedger(id, destination(id))
        : Files.exists(ledgerFile(id, destination(id))));
  }

  /**
   * Unless --test, --due or --early: the exit code that refuses an issue dated after today (a
   * dry run only says so), or null to go on.
   */
  private Integer refusedAsEarly() {
    if (test != null || due || early) {
      return null;
    }
    try {
      Optional<Diagnostic> notYet = tooEarly();
      if (notYet.isPresent() && !dryRun) {
        main.err().println(notYet.get().format());
        return ExitCodes.CONTENT;
      }
      notYet.ifPresent(d -> main.out().println("press: dry run: " + d.message() + "; the send itself needs --early"));
      return null;
    } catch (ContentException e) {
      return fail(e);
    }
  }

  /**
   * Why the issue named may not be sent yet: it is dated after today, so its page on the site,
   * where the email's "view in browser" link points, is not live.
   */
  private Optional<Diagnostic> tooEarly() throws ContentException {
    Path eml = newsletterFolder().resolve(issue).resolve(BakedIssue.FILE);
    Optional<BakedIssue> baked = BakedIssue.read(issue, eml);
    return baked.isEmpty() ? Optional.empty()
        : new DueSend(main.out(), SiteProject.schedule(source)).tooEarly(baked.get(), eml, main.clock().instant());
  }

  IssueMessage readIssue() throws ContentException {
    Path eml = newsletterFolder().resolve(issue).resolve(BakedIssue.FILE);
    if (!Files.exists(eml)) {
      throw new ContentException(Diagnostic.error(eml.toString(), 0, 0, "no email for issue " + issue,
          "write content/newsletter/" + issue + ".md and run mvn package (or press bake) first"));
    }
    try (InputStream in = Files.newInputStream(eml)) {
      IssueMessage message = IssueMessage.read(issue, in);
      if (message.transactional()) {
        throw new IOException("not an issue: the message has no List-Id or List-Unsubscribe (a list's own email?)");
      }
      return message;
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(eml.toString(), 0, 0, e.getMessage(), "bake the issue again with press bake"));
    }
  }

  private UnsubscribeToken tokens(Destination destination, IssueMessage message) throws ContentException {
    String secret = main.env("PRESS_UNSUBSCRIBE_SECRET");
    if (secret == null || secret.isEmpty()) {
      if (destination.isReal()) {
        throw new ContentException(Diagnostic.error("PRESS_UNSUBSCRIBE_SECRET", 0, 0,
            "is not set: real sends need real unsubscribe tokens",
            "export PRESS_UNSUBSCRIBE_SECRET=<16 or more random characters>, the same your unsubscribe endpoint uses"));
      }
      main.err().println("press: PRESS_UNSUBSCRIBE_SECRET is not set: unsubscribe links use a development secret");
      secret = DEV_SECRET;
    }
    try {
      return new UnsubscribeToken(secret, message.listKey());
    } catch (IllegalArgumentException e) {
      throw new ContentException(Diagnostic.error("PRESS_UNSUBSCRIBE_SECRET", 0, 0, e.getMessage(), "use 16 or more random characters"));
    }
  }

  private int test(Destination destination, IssueMessage message, UnsubscribeToken tokens) {
    if (!SubscriberList.validAddress(test)) {
      throw new ParameterException(spec.commandLine(), "--test needs an email address, not '" + test + "'");
    }
    Personalizer personalizer = new Personalizer(message, tokens, destination.id() + ".test", main.clock(), true);
    try (var transport = destination.open()) {
      transport.connect();
      transport.deliver(personalizer.message(Personalizer.tester(test)), test);
    } catch (press.callback.mail.DeliveryException e) {
      main.err().println(e.kind() == press.callback.mail.DeliveryException.Kind.UNCERTAIN
          ? "press: the test copy may or may not have arrived: " + e.reply()
          : "press: the test copy was not sent: " + e.reply());
      return ExitCodes.CONTENT;
    }
    main.out().println("press: sent a test copy of " + issue + " to " + test + " via " + destination.description() + "; nothing recorded");
    return ExitCodes.OK;
  }

  private int send(Destination destination, IssueMessage message, UnsubscribeToken tokens, Path ledgerFile,
      String bounceAddress) throws IOException, InterruptedException {
    String display = subscribers.toString();
    int[] counts = new int[3]; // subscribed, not subscribed, rows skipped
    try (SubscriberList list = SubscriberList.open(subscribers, display, d -> main.err().println(d.format()))) {
      for (Subscriber s : list) {
        counts[s.status() == Subscriber.Status.SUBSCRIBED ? 0 : 1]++;
      }
      counts[2] = list.skippedCount();
      if (list.errorCount() > 0) {
        main.err().printf("press: %d line(s) of %s cannot be read; nothing sent. Fix them and run the same command again%n",
            list.errorCount(), display);
        return ExitCodes.CONTENT;
      }
    } catch (ContentException e) {
      return fail(e);
    }
    main.out().printf("press: issue %s \"%s\" via %s%n", issue, message.subject(), destination.description());
    main.out().printf("press: %d subscribed, %d not subscribed, %d rows skipped; ledger %s%n",
        counts[0], counts[1], counts[2], ledgerFile);
    if (dryRun) { // reads the ledger without locking it: a dry run may look at a send under way
      Map<String, Ledger.Mark> marks = Ledger.read(ledgerFile);
      Map<Ledger.State, Integer> before = tally(marks);
      int done = before.get(Ledger.State.SENT) + before.get(Ledger.State.FAILED);
      main.out().printf("press: dry run: would send to %d (at most; %d already done, %d uncertain); nothing sent%n",
          Math.max(0, counts[0] - done), done, before.get(Ledger.State.SENDING));
      Ledger.running(ledgerFile).ifPresent(who -> main.out().println("press: a send is running now: " + who));
      if (verbose) {
        try (SubscriberList list = SubscriberList.open(subscribers, display, d -> {})) {
          for (Subscriber s : list) {
            if (s.status() == Subscriber.Status.SUBSCRIBED && marks.get(s.key()) == null) {
              main.out().println("  " + s.email());
            }
          }
        } catch (ContentException e) {
          return fail(e);
        }
      }
      return ExitCodes.OK;
    }
    Ledger opened;
    try {
      opened = Ledger.open(ledgerFile, main.clock());
    } catch (Ledger.Busy e) {
      if (due) { // another run of the same schedule got there first: it sends the issue
        main.out().println("press: another send of issue " + issue + " via " + destination.description() + " is running ("
            + Ledger.running(ledgerFile).orElse("it has just ended") + "); it sends the issue, so this one stops");
        return ExitCodes.OK;
      }
      main.err().println("press: error: " + e.getMessage()
          + "\n  hint: wait for it to end (press send --status shows its progress); a send that was killed"
          + " leaves no lock, so run the same command again then");
      return ExitCodes.CONTENT;
    }
    try (Ledger ledger = opened) {
      double perSecond = rate != null ? rate : destination.isReal() ? 20 : 0;
      // a CSV list has no member ids: the envelope sender is the bounce address itself (no VERP)
      Personalizer personalizer = new Personalizer(message, s -> tokens.create(s.email()), s -> bounceAddress,
          destination.id(), main.clock(), false);
      Progress progress = new Progress(main.out(), counts[0], main.interactive());
      Duration backoff = Duration.ofMillis((long) (backoffSeconds * 1000));
      Sender sender = new Sender(new Sender.Options(concurrency, perSecond, resendUncertain, attempts, backoff),
          ledger, destination, personalizer::message, progress::update);
      Sender.Report report;
      int listErrors;
      try (SubscriberList list = SubscriberList.open(subscribers, display, d -> {
        if (d.isError()) {
          main.err().println(d.format());
        }
      })) {
        report = sender.send(list.iterator());
        listErrors = list.errorCount();
      } catch (ContentException e) {
        return fail(e);
      }
      progress.finish();
      int exit = summary(report);
      if (listErrors > 0) {
        main.err().println("press: the list changed during the send and a line cannot be read now; the rows after it"
            + " were not sent. Fix it and run the same command again");
        return ExitCodes.CONTENT;
      }
      return exit;
    }
  }

  int summary(Sender.Report r) {
    main.out().printf("press: sent %d, failed %d, deferred %d, already done %d, uncertain %d%n",
        r.sent(), r.failed(), r.deferred(), r.alreadyDone(), r.uncertain().size());
    if (!r.uncertain().isEmpty()) {
      main.out().println("press: uncertain (the connection was lost, or press stopped, between handing them over"
          + " and the server's answer, so the server may have them; not sent again — use --resend-uncertain to"
          + " send them, knowing they may get it twice):");
      r.uncertain().forEach(a -> main.out().println("  " + a));
    }
    if (r.deferred() > 0) {
      main.out().println("press: deferred ones got temporary errors; run the same command later to retry them");
    }
    if (r.alreadyDone() > 0 && r.sent() + r.failed() + r.deferred() == 0 && r.uncertain().isEmpty() && r.aborted() == null) {
      main.out().println("press: issue " + issue + " was sent already: no subscribed address is left to send it to");
    }
    if (r.aborted() != null) {
      main.err().println("press: stopped: " + r.aborted() + "; run the same command to go on");
      return ExitCodes.CONTENT;
    }
    return r.failed() > 0 ? ExitCodes.CONTENT : ExitCodes.OK;
  }

  private int status(Path ledgerFile, Destination destination) throws IOException {
    if (!Files.exists(ledgerFile)) {
      main.out().printf("press: nothing sent yet for %s via %s%n", issue, destination.description());
      return ExitCodes.OK;
    }
    {
      Map<String, Ledger.Mark> marks = Ledger.read(ledgerFile);
      Map<Ledger.State, Integer> t = tally(marks);
      String pending = "";
      if (subscribers != null) {
        int[] subscribed = new int[1];
        int[] open = new int[1];
        try (SubscriberList list = SubscriberList.open(subscribers, subscribers.toString(), d -> {
          if (d.isError()) {
            main.err().println(d.format());
          }
        })) {
          for (Subscriber s : list) {
            if (s.status() == Subscriber.Status.SUBSCRIBED) {
              subscribed[0]++;
              Ledger.Mark m = marks.get(s.key());
              if (m == null || m.state() == Ledger.State.DEFERRED) {
                open[0]++;
              }
            }
          }
          if (list.errorCount() > 0) {
            return ExitCodes.CONTENT;
          }
        } catch (ContentException e) {
          return fail(e);
        }
        pending = ", pending " + open[0] + " of " + subscribed[0] + " subscribed";
      } else {
        pending = ", pending (deferred) " + t.get(Ledger.State.DEFERRED) + " (add --subscribers to count the rest)";
      }
      main.out().printf("press: %s via %s: sent %d, failed %d%s, uncertain %d%n", issue, destination.description(),
          t.get(Ledger.State.SENT), t.get(Ledger.State.FAILED), pending, t.get(Ledger.State.SENDING));
      Ledger.running(ledgerFile).ifPresent(who -> main.out().println(
          "press: a send is running now (" + who + "): its messages in flight count as uncertain until it ends"));
      return ExitCodes.OK;
    }
  }

  static Map<Ledger.State, Integer> tally(Map<String, Ledger.Mark> marks) {
    Map<Ledger.State, Integer> t = new EnumMap<>(Ledger.State.class);
    for (Ledger.State s : Ledger.State.values()) {
      t.put(s, 0);
    }
    marks.values().forEach(m -> t.merge(m.state(), 1, Integer::sum));
    return t;
  }

  int fail(ContentException e) {
    e.diagnostics().forEach(d -> main.err().println(d.format()));
    return ExitCodes.CONTENT;
  }
}
