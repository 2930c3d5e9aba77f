package press.callback.list.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.list.Feedback;
import press.callback.list.JdbcListStore;
import press.callback.list.ListFlows;
import press.callback.list.ListStore;
import press.callback.list.Throttle;
import press.callback.list.Tokens;
import press.callback.list.Verp;
import press.callback.mail.Destination;
import press.callback.mail.UnsubscribeToken;
import press.callback.site.jbake.HookSettings;
import press.callback.site.jbake.ListSettings;
import press.callback.site.jbake.SiteProject;

/**
 * The list service put together from a project: its settings, the store, the baked list emails,
 * the templates, the tokens' secrets and a mail destination. What {@code press list serve} starts,
 * and what the tests start on a free port.
 */
public final class ListServer implements AutoCloseable {
  /** The database when {@code newsletter.list_db} is not set. */

  /**
   * How to start.
   *
   * @param source the project folder
   * @param host the address to bind
   * @param port the port (0: a free one)
   * @param destination where emails go (SMTP or a pickup folder)
   * @param secrets the token secrets, the current one first
   * @param dbPassword the database's password, or null
   * @param hooks the relays' webhook secrets
   */
  public record Options(Path source, String host, int port, Destination destination, List<String> secrets,
      String dbPassword, Clock clock, HookSecrets hooks) {
    /** Options without webhook secrets (only {@code /hooks/ses} can be on, by its setting). */
    public Options(Path source, String host, int port, Destination destination, List<String> secrets,
        String dbPassword, Clock clock) {
      this(source, host, port, destination, secrets, dbPassword, clock, HookSecrets.NONE);
    }
  }

  /**
   * The relays' webhook secrets, from the environment: a relay whose secret is missing or blank
   * has no endpoint (404).
   *
   * @param postmark the basic-auth password in Postmark's webhook URL ({@code
   *     PRESS_POSTMARK_WEBHOOK_SECRET})
   * @param mailgun Mailgun's webhook signing key ({@code PRESS_MAILGUN_SIGNING_KEY})
   * @param logAddresses whether the webhooks' log lines name addresses ({@code --verbose})
   */
  public record HookSecrets(String postmark, String mailgun, boolean logAddresses) {
    public static final HookSecrets NONE = new HookSecrets(null, null, false);

    public HookSecrets {
      postmark = postmark == null || postmark.isBlank() ? null : postmark;
      mailgun = mailgun == null || mailgun.isBlank() ? null : mailgun;
    }
  }

  private final ListStore store;
  private final ListService service;
  private final String listUrl;

  private ListServer(ListStore store, ListService service, String listUrl) {
    this.store = store;
    this.service = service;
    this.listUrl = listUrl;
  }

  /**
   * Starts the service.
   *
   * @param warn where warnings go (a missing {@code newsletter.list_url}, say), and the
   *     webhooks' line per event
   * @throws ContentException if the project, its list emails or templates are not ready
   * @throws IOException if the port cannot be bound
   */
  public static ListServer start(Options o, Consumer<String> warn) throws ContentException, IOException {
    return start(o, warn, Fetch.https());
  }

  /**
   * Starts the service with SNS's certificates and confirmations fetched by {@code fetch} (tests:
   * from a loopback server; the URLs are checked to be SNS's own all the same).
   */
  static ListServer start(Options o, Consumer<String> warn, Fetch fetch) throws ContentException, IOException {
    Path source = o.source().toAbsolutePath().normalize();
    SiteProject project = SiteProject.load(source, source.resolve("target/site"));
    var email = project.emailSettings();
    Path baked = source.resolve("target/newsletter/list");
    // checked when the project loaded, like every setting (jbake.properties:LINE errors)
    ListSettings settings = project.listSettings();
    int limitIp = settings.limitPerIp();
    int limitAddress = settings.limitPerAddress();
    int limitEmails = settings.limitEmails();
    InetAddress proxy = settings.trustedProxy() == null ? null : InetAddress.getByName(settings.trustedProxy());
    ListPages pages;
    try {
      pages = ListPages.load(project.templateFolder().resolve("list"), Map.of(
          "siteHost", project.host(), "siteTitle", project.title("Home"), "listName", email.name(),
          "lang", project.locale().toLanguageTag()));
    } catch (IOException | RuntimeException e) {
      throw new ContentException(Diagnostic.error("templates/list/", 0, 0, "the service's pages cannot be read: "
          + e.getMessage(), "restore templates/list/ (" + String.join(", ", ListPages.NAMES) + ")"));
    }
    Clock clock = o.clock();
    SecureRandom random = new SecureRandom();
    MailQueue mail;
    try {
      mail = MailQueue.start(baked, o.destination(), clock, random, warn);
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(source.relativize(baked) + "/", 0, 0,
          "the list's emails are not baked: " + e.getMessage(),
          "write content/list/confirm.md, already.md and welcome.md, then run mvn package (or press bake)"));
    }
    String listUrl = settings.url() == null ? "" : settings.url();
    boolean guessed = listUrl.isEmpty();
    ListStore store = null;
    try {
      store = JdbcListStore.open(settings.database(), source, o.dbPassword());
      Tokens tokens = new Tokens(o.secrets(), email.listId());
      List<UnsubscribeToken> legacy = new ArrayList<>();
      for (String s : o.secrets()) {
        legacy.add(new UnsubscribeToken(s, email.listId()));
      }
      ListService.Site site = new ListService.Site(project.host(), project.title("Home"), email.name(),
          project.locale().toLanguageTag(), proxy);
      // The links in emails are built on the public address; until the service is bound, a
      // missing one is filled in below with the address it got.
      String[] url = {listUrl.replaceFirst("/+$", "")};
      Webhooks hooks = new Webhooks(store, hookConfig(project.hookSettings(), o.hooks(), tokens), fetch, clock, warn);
      ListService service = ListService.start(flowsOf(store, mail, tokens, legacy, limitIp, limitAddress, limitEmails,
          clock, random, url), pages, site, mail, hooks, o.host(), o.port());
      if (guessed) {
        InetSocketAddress a = service.address();
        url[0] = "http://" + hostForUrl(a) + ":" + a.getPort();
        warn.accept("press: newsletter.list_url is not set: the emails' links point to " + url[0]
            + "; set it to the service's public https address");
      }
      return new ListServer(store, service, url[0]);
    } catch (RuntimeException | IOException | ContentException e) {
      mail.close();
      if (store != null) {
        store.close();
      }
      throw e;
    }
  }

  private static Webhooks.Config hookConfig(HookSettings settings, HookSecrets secrets, Tokens tokens)
      throws ContentException {
    Verp verp = null;
    if (settings.bounceAddress() != null) {
      String address = settings.bounceAddress().strip();
      int lt = address.lastIndexOf('<');
      if (lt >= 0 && address.endsWith(">")) {
        address = address.substring(lt + 1, address.length() - 1);
      }
      try {
        verp = new Verp(address, tokens);
      } catch (IllegalArgumentException e) {
        throw new ContentException(Diagnostic.error("jbake.properties", 0, 0, e.getMessage(),
            "set newsletter.bounce_address to a plain address such as bounce@example.org"));
      }
    }
    return new Webhooks.Config(settings.sesTopicArn(), secrets.postmark(), secrets.mailgun(), verp,
        Feedback.Policy.DEFAULT, secrets.logAddresses());
  }

  /** Flows whose list URL is read when a link is made (it is known once the port is bound). */
  private static ListFlows flowsOf(ListStore store, MailQueue mail, Tokens tokens, List<UnsubscribeToken> legacy,
      int limitIp, int limitAddress, int limitEmails, Clock clock, SecureRandom random, String[] url) {
    ListStore.Limits limits = new ListStore.Limits(limitAddress, limitEmails);
    return new ListFlows(store, mail, tokens, legacy, new Throttle(limitIp, Duration.ofHours(1), clock, 100_000),
        clock, random, new ListFlows.Settings(() -> url[0], limits));
  }

  private static String hostForUrl(InetSocketAddress a) {
    String h = a.getAddress().getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }

  public InetSocketAddress address() {
    return service.address();
  }

  /** The list's store, as the service uses it (tests read it; closing it is the server's job). */
  public ListStore store() {
    return store;
  }

  /** The address the emails' links are built on. */
  public String listUrl() {
    return listUrl;
  }

  @Override
  public void close() {
    service.close();
    store.close();
  }
}
