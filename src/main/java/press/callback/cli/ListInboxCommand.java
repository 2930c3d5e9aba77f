package press.callback.cli;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.diag.ContentException;
import press.callback.list.Feedback;
import press.callback.list.JdbcListStore;
import press.callback.list.ListFlows;
import press.callback.list.ListMail;
import press.callback.list.ListStore;
import press.callback.list.ListStoreException;
import press.callback.list.Throttle;
import press.callback.list.Tokens;
import press.callback.list.Verp;
import press.callback.list.inbox.Classification;
import press.callback.list.inbox.ImapMailbox;
import press.callback.list.inbox.Intake;
import press.callback.list.inbox.Mailbox;
import press.callback.list.inbox.MaildirMailbox;
import press.callback.list.inbox.MboxMailbox;
import press.callback.list.inbox.ReportClassifier;
import press.callback.list.service.MailQueue;
import press.callback.mail.Destination;
import press.callback.mail.PickupFolder;
import press.callback.mail.SmtpServer;
import press.callback.mail.UnsubscribeToken;
import press.callback.site.jbake.ListSettings;
import press.callback.site.jbake.SiteProject;

/**
 * {@code press list inbox}: reads the bounce mailbox and applies what it finds to the list (hard
 * and soft bounces, complaints, mailed unsubscribes, sign-ups by mail); leaves auto-replies and
 * what it cannot classify alone; prints counts by kind (addresses only with {@code --verbose}).
 */
@Command(
    name = "inbox",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the bounce and unsubscribe mailbox: delivery reports (RFC 3464) and the bounces servers"
          + " write in words, complaint reports (RFC 5965), List-Unsubscribe mails and sign-ups by mail.",
      "Handled messages are filed away (IMAP: flagged seen and moved to press-handled; maildir: moved to"
          + " .press-handled; mbox: noted in FILE.press-handled); nothing unclassified is touched. Safe to run again.",
      "Sign-ups by mail get a confirmation email: with --smtp, else into the pickup folder .press/list-outbox/."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  PRESS_IMAP_PASSWORD                the IMAP password (never on the command line)",
      "  PRESS_UNSUBSCRIBE_SECRET           the tokens' secret: what the bounce addresses and tokens are checked with",
      "  PRESS_UNSUBSCRIBE_SECRET_PREVIOUS  earlier secrets still honoured, comma-separated",
      "  PRESS_SMTP_PASSWORD                the SMTP password, with --smtp",
      "  PRESS_LIST_DB_PASSWORD             the PostgreSQL password, when newsletter.list_db is one"
    })
final class ListInboxCommand implements Callable<Integer> {
  private static final ListSecrets.Wording SECRET_WORDING = new ListSecrets.Wording(
      "is not set: a list that sends real emails needs real tokens",
      "export PRESS_UNSUBSCRIBE_SECRET=<the secret press send uses>",
      "press: PRESS_UNSUBSCRIBE_SECRET is not set: bounce addresses and tokens are checked with a"
          + " development secret, so reports are matched by address only",
      "a secret is shorter than 16 characters");

  @ParentCommand ListCommand list;
  @Spec CommandSpec spec;
  @Mixin ListOptions options;

  static final class Source {
    @Option(names = "--imap", paramLabel = "URL", description = "imaps://user@host[:port]/FOLDER (imap:// only to this machine).")
    String imap;

    @Option(names = "--mbox", paramLabel = "FILE", description = "An mbox file (read only).")
    Path mbox;

    @Option(names = "--maildir", paramLabel = "DIR", description = "A maildir (with cur/ and new/).")
    Path maildir;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source from;

  @Option(names = "--handled-folder", paramLabel = "NAME", defaultValue = ImapMailbox.HANDLED,
      description = "The IMAP folder handled messages move to (made when missing). Default: ${DEFAULT-VALUE}.")
  String handledFolder;

  @Option(names = "--smtp", paramLabel = "URL", description = "Where confirmation emails go: smtp://user@host:587 or smtps://user@host:465.")
  String smtp;

  @Option(names = "--insecure", description = "Allow plain IMAP or SMTP to a host that is not this machine.")
  boolean insecure;

  @Option(names = {"-v", "--verbose"}, description = "List each message: its kind, the address, what was done (personal data).")
  boolean verbose;

  @Override
  public Integer call() {
    Logging.configure(false);
    Main main = list.main;
    Path source = options.project();
    SiteProject project;
    String listId;
    try {
      project = SiteProject.load(source, source.resolve("target/site"));
      listId = project.emailSettings().listId();
    } catch (ContentException e) {
      e.diagnostics().forEach(d -> main.err().println(d.format()));
      return ExitCodes.CONTENT;
    }
    ListSettings settings = project.listSettings();
    Destination destination;
    try {
      destination = smtp == null ? PickupFolder.everyMessage(source.resolve(".press/list-outbox"))
          : SmtpServer.parse(smtp, main.env("PRESS_SMTP_PASSWORD"), insecure);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Optional<List<String>> read = ListSecrets.report(ListSecrets.read(main::env, destination.isReal(), true,
        SECRET_WORDING), main.err());
    if (read.isEmpty()) {
      return ExitCodes.CONTENT;
    }
    List<String> secrets = read.get();
    Tokens tokens = new Tokens(secrets, listId);
    Verp verp = null;
    if (settings.bounceAddress() != null) {
      try {
        verp = new Verp(new InternetAddress(settings.bounceAddress()).getAddress(), tokens);
      } catch (AddressException | IllegalArgumentException e) {
        main.err().println("jbake.properties: error: newsletter.bounce_address: " + e.getMessage()
            + "\n  hint: write a plain address without '+', like bounce@example.org");
        return ExitCodes.CONTENT;
      }
    }
    Mailbox mailbox;
    try {
      mailbox = openMailbox(main);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (IOException e) {
      main.err().println("press: error: cannot open the mailbox: " + e.getMessage()
          + "\n  hint: check the address, the folder and PRESS_IMAP_PASSWORD (or the path)");
      return ExitCodes.CONTENT;
    }
    Map<Intake.Tally, Integer> counts = new EnumMap<>(Intake.Tally.class);
    int[] handled = {0};
    boolean canSubscribe = settings.url() != null && baked(source);
    MailQueue mail = null;
    try (mailbox; JdbcListStore store = options.open(main)) {
      if (canSubscribe) {
        mail = MailQueue.start(source.resolve("target/newsletter/list"), destination, main.clock(), new SecureRandom(),
            w -> main.err().println(w));
      }
      ListMail.Outbox outbox = mail == null ? m -> { } : mail;
      Intake intake = new Intake(store, flows(store, outbox, tokens, secrets, listId, settings, main), verp, main.clock(),
          new Intake.Settings(new Feedback.Policy(settings.softBounces(), Duration.ofDays(settings.softBounceDays())),
              listId, canSubscribe));
      mailbox.read(new Mailbox.Handler() {
        @Override
        public boolean handle(byte[] raw) {
          Classification c = ReportClassifier.classify(raw);
          Intake.Result r = intake.apply(c);
          counts.merge(r.tally(), 1, Integer::sum);
          if (verbose) {
            main.out().println("  " + r.line());
          }
          if (r.handled()) {
            handled[0]++;
          }
          return r.handled();
        }

        @Override
        public void handledBefore() {
          counts.merge(Intake.Tally.SEEN, 1, Integer::sum);
        }
      });
    } catch (ListStoreException e) {
      return ListOptions.report(main, e);
    } catch (IOException e) {
      main.err().println("press: error: reading the mailbox failed: " + e.getMessage()
          + "\n  hint: what was handled so far is recorded; run the command again");
      return ExitCodes.CONTENT;
    } finally {
      if (mail != null) {
        mail.close(); // sends what is queued
      }
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    main.out().println("press: " + total + " message" + (total == 1 ? "" : "s") + " read, " + handled[0] + " handled ("
        + mailbox.filing() + ")");
    for (Intake.Tally t : Intake.Tally.values()) {
      main.out().println(String.format(Locale.ROOT, "  %-20s %6d", t.label(), counts.getOrDefault(t, 0)));
    }
    if (!canSubscribe && counts.getOrDefault(Intake.Tally.SUBSCRIBE, 0) > 0) {
      main.err().println("press: sign-ups by mail were left in the mailbox: their confirmation needs newsletter.list_url"
          + " (the list service confirms) and the baked list emails\n  hint: set newsletter.list_url and run mvn package");
    }
    main.out().flush();
    return ExitCodes.OK;
  }

  private Mailbox openMailbox(Main main) throws IOException {
    if (from.imap != null) {
      return ImapMailbox.open(from.imap, main.env("PRESS_IMAP_PASSWORD"), insecure, handledFolder);
    }
    if (from.mbox != null) {
      return MboxMailbox.open(from.mbox);
    }
    return MaildirMailbox.open(from.maildir);
  }

  private static ListFlows flows(ListStore store, ListMail.Outbox outbox, Tokens tokens, List<String> secrets, String listId,
      ListSettings settings, Main main) {
    List<UnsubscribeToken> legacy = new ArrayList<>();
    for (String s : secrets) {
      legacy.add(new UnsubscribeToken(s, listId));
    }
    String url = settings.url() == null ? "" : settings.url();
    return new ListFlows(store, outbox, tokens, legacy, new Throttle(1, Duration.ofHours(1), main.clock(), 1), main.clock(),
        new SecureRandom(), new ListFlows.Settings(() -> url,
            new ListStore.Limits(settings.limitPerAddress(), settings.limitEmails())));
  }

  /** Whether the list's emails are baked (a confirmation can be sent). */
  private static boolean baked(Path source) {
    for (ListMail.Kind k : ListMail.Kind.values()) {
      if (!Files.isRegularFile(source.resolve("target/newsletter/list").resolve(k.file()).resolve("email.eml"))) {
        return false;
      }
    }
    return true;
  }
}
