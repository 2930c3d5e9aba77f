package press.callback.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
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
import press.callback.list.SubscribedMembers;
import press.callback.mail.BakedIssue;
import press.callback.mail.DeliveryException;
import press.callback.mail.Destination;
import press.callback.mail.IssueMessage;
import press.callback.mail.Ledger;
import press.callback.mail.Personalizer;
import press.callback.mail.Schedule;
import press.callback.mail.Sender;
import press.callback.mail.SmtpServer;
import press.callback.mail.SubscriberList;
import press.callback.mail.UnsubscribeToken;
import press.callback.site.jbake.SiteProject;

/**
 * {@code press send}: deliver one issue to every subscriber, never twice, never lost. The options
 * become a {@link SendPlan} (pure); this class prints and carries it out, with {@link CsvSend} for
 * a CSV list and {@link ListSend} for the list's database. Over 300 lines because its picocli
 * options and their help take 130 of them.
 */
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
  private static final ListSecrets.Wording SECRET_WORDING = new ListSecrets.Wording(
      "is not set: real sends need real unsubscribe tokens",
      "export PRESS_UNSUBSCRIBE_SECRET=<16 or more random characters>, the same your unsubscribe endpoint uses",
      "press: PRESS_UNSUBSCRIBE_SECRET is not set: unsubscribe links use a development secret",
      "the unsubscribe secret must be at least 16 characters");

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

  /** How many members a send from the store reads at once; hidden: a test shortens it to see a re-read. */
  @Option(names = "--list-page", hidden = true, defaultValue = "" + SubscribedMembers.PAGE_SIZE)
  int listPage;

  @Override
  public Integer call() throws Exception {
    Logging.configure(verbose);
    Optional<String> usage = SendPlan.usageError(issue, due, at, concurrency, attempts, backoffSeconds, rate);
    if (usage.isPresent()) {
      throw new ParameterException(spec.commandLine(), usage.get());
    }
    SmtpServer server;
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
    boolean storeExists = subscribers == null && test == null && ListSend.exists(source, settings);
    return run(SendPlan.of(this, settings, storeExists, server));
  }

  /** Carries out {@code plan}, saying what happens; the exit code. */
  private int run(SendPlan plan) throws IOException, InterruptedException {
    if (plan.due()) {
      Optional<String> picked;
      try {
        picked = pickDue(plan);
      } catch (ContentException e) {
        return fail(e);
      }
      if (picked.isEmpty()) {
        return ExitCodes.OK;
      }
      plan = plan.withIssue(picked.get());
    }
    Destination destination = plan.destination(plan.issue());
    if (plan.recipients() instanceof SendPlan.Store store) {
      if (plan.mode() != SendPlan.Mode.STATUS) {
        Integer refused = refusedAsEarly(plan);
        if (refused != null) {
          return refused;
        }
      }
      return new ListSend(this, plan, store.settings()).run(destination);
    }
    Path ledgerFile = plan.ledgerFile(plan.issue(), destination);
    if (plan.mode() == SendPlan.Mode.STATUS) {
      return new CsvSend(this, plan).status(ledgerFile, destination);
    }
    IssueMessage message;
    try {
      message = readIssue(plan);
    } catch (ContentException e) {
      return fail(e);
    }
    Integer refused = refusedAsEarly(plan);
    if (refused != null) {
      return refused;
    }
    UnsubscribeToken tokens;
    try {
      tokens = tokens(destination, message);
    } catch (ContentException e) {
      return fail(e);
    }
    if (plan.recipients() instanceof SendPlan.Tester tester) {
      return test(plan.issue(), destination, message, tokens, tester.address());
    }
    if (plan.recipients() instanceof SendPlan.Nobody nobody) {
      throw new ParameterException(spec.commandLine(), "say who gets it: --subscribers FILE, a list in "
          + nobody.listDb() + " (press list import, press list serve), or --test ADDRESS");
    }
    return new CsvSend(this, plan).send(destination, message, tokens, ledgerFile, ((SendPlan.Csv) plan.recipients()).file());
  }

  /**
   * With --due: the issue the clock says to send now, or empty (after saying why none is). An
   * issue has been sent here when its ledger (a file, or rows of the list's database) exists.
   */
  private Optional<String> pickDue(SendPlan plan) throws ContentException {
    Schedule schedule = SiteProject.schedule(plan.source());
    List<BakedIssue> issues = BakedIssue.list(plan.newsletter());
    Instant now = plan.at() != null ? plan.at().atZone(schedule.zone()).toInstant() : main.clock().instant();
    ListSend fromList = plan.recipients() instanceof SendPlan.Store store ? new ListSend(this, plan, store.settings())
        : null;
    return new DueSend(main.out(), schedule).pick(issues, now, plan.early(), id -> fromList != null
        ? fromList.hasLedger(id, plan.destination(id))
        : Files.exists(plan.ledgerFile(id, plan.destination(id))));
  }

  /**
   * The exit code that refuses an issue dated after today, if the plan refuses such an issue (a
   * dry run only says so), or null to go on.
   */
  private Integer refusedAsEarly(SendPlan plan) {
    if (!plan.refusesEarly()) {
      return null;
    }
    try {
      Optional<Diagnostic> notYet = tooEarly(plan);
      if (notYet.isPresent() && plan.mode() != SendPlan.Mode.DRY_RUN) {
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
  private Optional<Diagnostic> tooEarly(SendPlan plan) throws ContentException {
    Path eml = plan.eml(plan.issue());
    Optional<BakedIssue> baked = BakedIssue.read(plan.issue(), eml);
    return baked.isEmpty() ? Optional.empty()
        : new DueSend(main.out(), SiteProject.schedule(plan.source())).tooEarly(baked.get(), eml, main.clock().instant());
  }

  IssueMessage readIssue(SendPlan plan) throws ContentException {
    String id = plan.issue();
    Path eml = plan.eml(id);
    if (!Files.exists(eml)) {
      throw new ContentException(Diagnostic.error(eml.toString(), 0, 0, "no email for issue " + id,
          "write content/newsletter/" + id + ".md and run mvn package (or press bake) first"));
    }
    try (InputStream in = Files.newInputStream(eml)) {
      IssueMessage message = IssueMessage.read(id, in);
      if (message.transactional()) {
        throw new IOException("not an issue: the message has no List-Id or List-Unsubscribe (a list's own email?)");
      }
      return message;
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(eml.toString(), 0, 0, e.getMessage(), "bake the issue again with press bake"));
    }
  }

  private UnsubscribeToken tokens(Destination destination, IssueMessage message) throws ContentException {
    ListSecrets.Read read = ListSecrets.read(main::env, destination.isReal(), false, SECRET_WORDING);
    read.note().ifPresent(main.err()::println);
    if (read instanceof ListSecrets.Refused refused) {
      throw new ContentException(refused.problem());
    }
    return new UnsubscribeToken(((ListSecrets.Found) read).current(), message.listKey());
  }

  private int test(String id, Destination destination, IssueMessage message, UnsubscribeToken tokens, String address) {
    if (!SubscriberList.validAddress(address)) {
      throw new ParameterException(spec.commandLine(), "--test needs an email address, not '" + address + "'");
    }
    Personalizer personalizer = new Personalizer(message, tokens, destination.id() + ".test", main.clock(), true);
    try (var transport = destination.open()) {
      transport.connect();
      transport.deliver(personalizer.message(Personalizer.tester(address)), address);
    } catch (DeliveryException e) {
      main.err().println(e.kind() == DeliveryException.Kind.UNCERTAIN
          ? "press: the test copy may or may not have arrived: " + e.reply()
          : "press: the test copy was not sent: " + e.reply());
      return ExitCodes.CONTENT;
    }
    main.out().println("press: sent a test copy of " + id + " to " + address + " via " + destination.description()
        + "; nothing recorded");
    return ExitCodes.OK;
  }

  /** What a dry run says about the ledger: how many are left, done and uncertain, and a send running. */
  void dryRun(Map<String, Ledger.Mark> marks, int subscribed, Optional<String> running) {
    Map<Ledger.State, Integer> before = tally(marks);
    int done = before.get(Ledger.State.SENT) + before.get(Ledger.State.FAILED);
    main.out().printf("press: dry run: would send to %d (at most; %d already done, %d uncertain); nothing sent%n",
        Math.max(0, subscribed - done), done, before.get(Ledger.State.SENDING));
    running.ifPresent(who -> main.out().println("press: a send is running now: " + who));
  }

  int summary(Sender.Report r, String id) {
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
      main.out().println("press: issue " + id + " was sent already: no subscribed address is left to send it to");
    }
    if (r.aborted() != null) {
      main.err().println("press: stopped: " + r.aborted() + "; run the same command to go on");
      return ExitCodes.CONTENT;
    }
    return r.failed() > 0 ? ExitCodes.CONTENT : ExitCodes.OK;
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
