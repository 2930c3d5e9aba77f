package press.callback.cli;

import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.diag.ContentException;
import press.callback.mail.Destination;
import press.callback.mail.PickupFolder;
import press.callback.mail.SmtpServer;
import press.callback.list.service.ListServer;

/** {@code press list serve}: the list service (subscribe, confirm, one-click unsubscribe, preferences). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the list service: POST /subscribe, /confirm/{token}, /u/{token} (RFC 8058 one-click),"
          + " /prefs/{token}, /health; the relays' webhooks POST /hooks/ses, /hooks/postmark, /hooks/mailgun"
          + " (each on when its setting or secret is given). Binds to loopback; put your TLS proxy in front of it.",
      "Without --smtp, emails go to the pickup folder .press/list-outbox/ and nothing leaves the machine."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  PRESS_UNSUBSCRIBE_SECRET           the tokens' secret (16+ characters; required with --smtp)",
      "  PRESS_UNSUBSCRIBE_SECRET_PREVIOUS  earlier secrets still honoured, comma-separated (rotation)",
      "  PRESS_SMTP_PASSWORD                the SMTP password (never on the command line)",
      "  PRESS_LIST_DB_PASSWORD             the PostgreSQL password, when newsletter.list_db is one",
      "  PRESS_POSTMARK_WEBHOOK_SECRET      turns on /hooks/postmark: the password in Postmark's webhook URL",
      "                                     (https://postmark:SECRET@your-list-host/hooks/postmark)",
      "  PRESS_MAILGUN_SIGNING_KEY          turns on /hooks/mailgun: Mailgun's HTTP webhook signing key"
    })
final class ListServeCommand implements Callable<Integer> {
  private static final ListSecrets.Wording SECRET_WORDING = new ListSecrets.Wording(
      "is not set: a list that sends real emails needs real tokens",
      "export PRESS_UNSUBSCRIBE_SECRET=<16 or more random characters>, the same press send uses",
      "press: PRESS_UNSUBSCRIBE_SECRET is not set: tokens use a development secret",
      "a secret is shorter than 16 characters");

  @ParentCommand ListCommand list;
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8830", description = "The port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--public", description = "Allow a --host that is not loopback (without a proxy in front, readers' traffic is not encrypted).")
  boolean allowPublic;

  @Option(names = "--smtp", paramLabel = "URL", description = "smtp://user@host:587 (STARTTLS) or smtps://user@host:465.")
  String smtp;

  @Option(names = "--insecure", description = "Allow plain SMTP to a host that is not this machine.")
  boolean insecure;

  @Option(names = "--source", paramLabel = "DIR", description = "The project folder. Default: .")
  Path source = Path.of(".");

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces; the webhooks' log lines name addresses.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Main main = list.main;
    Logging.configure(verbose);
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535");
    }
    if (!loopback(host) && !allowPublic) {
      throw new ParameterException(spec.commandLine(), "--host " + host + " is not a loopback address: the list"
          + " service runs behind your TLS proxy on 127.0.0.1. Add --public to bind " + host + " anyway");
    }
    Destination destination;
    try {
      destination = smtp == null
          ? PickupFolder.everyMessage(source.resolve(".press/list-outbox"))
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
    ListServer server;
    try {
      server = ListServer.start(new ListServer.Options(source, host, port, destination, secrets,
          main.env("PRESS_LIST_DB_PASSWORD"), main.clock(), new ListServer.HookSecrets(
              main.env("PRESS_POSTMARK_WEBHOOK_SECRET"), main.env("PRESS_MAILGUN_SIGNING_KEY"), verbose)),
          w -> main.err().println(w));
    } catch (ContentException e) {
      e.diagnostics().forEach(d -> main.err().println(d.format()));
      return ExitCodes.CONTENT;
    } catch (BindException e) {
      main.err().println("press: error: cannot listen on " + host + ":" + port + ": " + e.getMessage()
          + "\n  hint: another process has the port; pass --port N");
      return ExitCodes.CONTENT;
    }
    var a = server.address();
    main.out().println("press: the list service is on http://" + a.getAddress().getHostAddress() + ":" + a.getPort()
        + " (links in emails: " + server.listUrl() + "; emails via " + destination.description() + ")");
    main.out().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "press-list-stop"));
    stopped.await();
    return ExitCodes.OK;
  }

  private static boolean loopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

}
