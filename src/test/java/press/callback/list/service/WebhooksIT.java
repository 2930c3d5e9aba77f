package press.callback.list.service;

import static org.assertj.core.api.Assertions.assertThat;
import static press.callback.list.service.HookPayloads.CERT_URL;
import static press.callback.list.service.HookPayloads.MAILGUN_KEY;
import static press.callback.list.service.HookPayloads.POSTMARK_SECRET;
import static press.callback.list.service.HookPayloads.TOPIC;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.list.ListStatus;
import press.callback.list.ListStore;
import press.callback.list.Member;
import press.callback.list.Tokens;
import press.callback.list.Verp;
import press.callback.mail.PickupFolder;
import press.callback.site.jbake.SiteProject;
import press.callback.testing.TestSite;

/**
 * Issue 16: the relays' webhooks on a real list service (free loopback port, SQLite file), signed
 * as SNS, Postmark and Mailgun sign them with test keys. SNS's certificate and subscription URLs
 * are checked to be SNS's own as in production; only their fetch is answered by a loopback server.
 */
class WebhooksIT {
  private static final String SECRET = "hooks-test-secret-of-good-length";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static Path project;
  static ListServer server;
  static URI base;
  static HookPayloads relay;
  static HttpServer sns;
  /** What the service fetched: every URL it asked for. */
  static final List<String> fetched = new CopyOnWriteArrayList<>();
  static Verp verp;

  @BeforeAll
  static void start() throws Exception {
    relay = HookPayloads.create(tmp);
    String pem = relay.pem();
    sns = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    sns.createContext("/", exchange -> {
      boolean cert = exchange.getRequestURI().getPath().endsWith(".pem");
      byte[] body = (cert ? pem : "<ConfirmSubscriptionResponse/>").getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    sns.start();
    project = project("with-hooks", "newsletter.list_ses_topic_arn=" + TOPIC + "\nnewsletter.bounce_address=bounce@callback.press\n");
    server = ListServer.start(new ListServer.Options(project, "127.0.0.1", 0, new PickupFolder(tmp.resolve("outbox")),
        List.of(SECRET), null, Clock.systemUTC(), new ListServer.HookSecrets(POSTMARK_SECRET, MAILGUN_KEY, false)),
        w -> {}, WebhooksIT::fetchFromLoopback);
    base = URI.create("http://127.0.0.1:" + server.address().getPort());
    String listId = SiteProject.load(project, project.resolve("target/site")).emailSettings().listId();
    verp = new Verp("bounce@callback.press", new Tokens(List.of(SECRET), listId));
  }

  /** Answers the service's GETs of SNS URLs from the loopback server: same path and query. */
  private static byte[] fetchFromLoopback(URI uri, int maxBytes) throws IOException {
    fetched.add(uri.toString());
    if (!uri.getScheme().equals("https") || !uri.getHost().equals("sns.us-east-1.amazonaws.com")) {
      throw new AssertionError("the service fetched a URL that is not SNS's: " + uri);
    }
    URI local = URI.create("http://127.0.0.1:" + sns.getAddress().getPort() + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    try {
      return HTTP.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  static Path project(String name, String settings) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve(name));
    Path p = TestSite.create(folder, "basic");
    Files.writeString(p.resolve("jbake.properties"), "\n" + settings, StandardOpenOption.APPEND);
    Path to = Files.createDirectories(p.resolve("content/list"));
    for (String f : List.of("confirm.md", "already.md", "welcome.md")) {
      Files.copy(Path.of("content", "list", f), to.resolve(f));
    }
    assertThat(TestSite.bake(p, p.resolve("target/site")).ok()).isTrue();
    return p;
  }

  @AfterAll
  static void stop() {
    server.close();
    sns.stop(0);
  }

  private static ListStore store() {
    return server.store();
  }

  private static Member member(String email) {
    store().put(email, "", ListStatus.SUBSCRIBED, Instant.now(), "test");
    return store().byAddress(email).orElseThrow();
  }

  private static ListStatus status(String email) {
    return store().byAddress(email).orElseThrow().status();
  }

  static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type", "text/plain");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> ses(String snsBody) throws Exception {
    return post("/hooks/ses", snsBody, "x-amz-sns-message-type", "Notification");
  }

  @Test
  void signedSesBounceAndComplaintChangeTheMembers() throws Exception {
    member("ses-hard@example.org");
    member("ses-complaint@example.org");
    Member soft = member("ses-soft@example.org");
    String sender = verp.sender(soft.id(), "2026-11-30");

    assertThat(ses(relay.notification("sns-1", HookPayloads.sesBounce("Permanent", "ses-hard@example.org",
        "weekly@callback.press"), "2", Map.of())).statusCode()).isEqualTo(200);
    assertThat(ses(relay.notification("sns-2", HookPayloads.sesComplaint("ses-complaint@example.org"), "1", Map.of()))
        .statusCode()).isEqualTo(200);
    // the recipient's server rewrote the address: press's envelope sender still names the member
    for (int i = 0; i < 3; i++) {
      assertThat(ses(relay.notification("sns-soft-" + i, HookPayloads.sesBounce("Transient", "alias@example.net", sender),
          "2", Map.of())).statusCode()).isEqualTo(200);
    }

    assertThat(status("ses-hard@example.org")).isEqualTo(ListStatus.BOUNCED);
    assertThat(status("ses-complaint@example.org")).isEqualTo(ListStatus.COMPLAINED);
    assertThat(status("ses-soft@example.org")).isEqualTo(ListStatus.BOUNCED); // three soft bounces
    assertThat(store().feedbackByIssue()).containsKey("2026-11-30");
    assertThat(fetched.stream().filter(u -> u.endsWith(".pem"))).containsExactly(CERT_URL); // fetched once, kept
  }

  @Test
  void forgedSesSignatureIsRefusedAndChangesNothing() throws Exception {
    member("ses-forged@example.org");
    String forged = relay.notification("sns-forged", HookPayloads.sesBounce("Transient", "x@example.org", "a@b.c"), "2",
        Map.of("~Message", HookPayloads.sesBounce("Permanent", "ses-forged@example.org", "a@b.c")));
    HttpResponse<String> answer = ses(forged);
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(status("ses-forged@example.org")).isEqualTo(ListStatus.SUBSCRIBED);
  }

  @Test
  void sesReplayChangesNothing() throws Exception {
    member("ses-replay@example.org");
    String body = relay.notification("sns-replay", HookPayloads.sesBounce("Permanent", "ses-replay@example.org",
        "weekly@callback.press"), "2", Map.of());
    assertThat(ses(body).statusCode()).isEqualTo(200);
    assertThat(status("ses-replay@example.org")).isEqualTo(ListStatus.BOUNCED);
    long id = store().byAddress("ses-replay@example.org").orElseThrow().id();
    store().setStatus(id, ListStatus.SUBSCRIBED, Instant.now(), "test"); // the author put them back
    assertThat(ses(body).statusCode()).isEqualTo(200);
    assertThat(status("ses-replay@example.org")).isEqualTo(ListStatus.SUBSCRIBED);
  }

  @Test
  void foreignTopicAndCertificatesOffAmazonAreRefusedUnfetched() throws Exception {
    member("ses-foreign@example.org");
    String message = HookPayloads.sesBounce("Permanent", "ses-foreign@example.org", "weekly@callback.press");
    int before = fetched.size();
    assertThat(ses(relay.notification("sns-f1", message, "2", Map.of("TopicArn",
        "arn:aws:sns:us-east-1:210987654321:someone-else"))).statusCode()).isEqualTo(403);
    for (String url : List.of("https://attacker.example/SimpleNotificationService-1.pem",
        "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem",
        "https://sns.us-east-1.amazonaws.com.attacker.example/SimpleNotificationService-1.pem",
        "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem",
        "https://x@sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem",
        "https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-1.pem",
        "https://127.0.0.1:" + sns.getAddress().getPort() + "/SimpleNotificationService-1.pem")) {
      assertThat(ses(relay.notification("sns-f2", message, "2", Map.of("SigningCertURL", url))).statusCode())
          .as(url).isEqualTo(403);
    }
    assertThat(fetched.size()).isEqualTo(before);
    assertThat(status("ses-foreign@example.org")).isEqualTo(ListStatus.SUBSCRIBED);
  }

  @Test
  void subscriptionIsConfirmedOnlyWhenSignedAndOnSns() throws Exception {
    String good = "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=abc1";
    assertThat(post("/hooks/ses", relay.confirmation(good, Map.of())).statusCode()).isEqualTo(200);
    assertThat(fetched).contains(good);

    String forged = "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=abc2";
    assertThat(post("/hooks/ses", relay.confirmation(forged, Map.of("~Token", "other"))).statusCode()).isEqualTo(403);
    String elsewhere = "https://attacker.example/?Action=ConfirmSubscription&Token=abc3";
    assertThat(post("/hooks/ses", relay.confirmation(elsewhere, Map.of())).statusCode()).isEqualTo(403);
    assertThat(fetched).doesNotContain(forged, elsewhere);
  }

  @Test
  void postmarkBounceAndComplaintWithItsCredentials() throws Exception {
    member("pm-hard@example.org");
    member("pm-complaint@example.org");
    member("pm-auto@example.org");
    String auth = HookPayloads.basic("postmark", POSTMARK_SECRET);
    Instant now = Instant.now();
    assertThat(post("/hooks/postmark", HookPayloads.postmark("Bounce", 101, "HardBounce", "pm-hard@example.org", now),
        "Authorization", auth).statusCode()).isEqualTo(200);
    assertThat(post("/hooks/postmark", HookPayloads.postmark("SpamComplaint", 102, "SpamComplaint",
        "pm-complaint@example.org", now), "Authorization", auth).statusCode()).isEqualTo(200);
    assertThat(post("/hooks/postmark", HookPayloads.postmark("Bounce", 103, "AutoResponder", "pm-auto@example.org", now),
        "Authorization", auth).statusCode()).isEqualTo(200);
    assertThat(status("pm-hard@example.org")).isEqualTo(ListStatus.BOUNCED);
    assertThat(status("pm-complaint@example.org")).isEqualTo(ListStatus.COMPLAINED);
    assertThat(status("pm-auto@example.org")).isEqualTo(ListStatus.SUBSCRIBED); // an out-of-office is no bounce
  }

  @Test
  void postmarkWithoutTheSecretStaleOrReplayedChangesNothing() throws Exception {
    member("pm-refused@example.org");
    Instant now = Instant.now();
    String body = HookPayloads.postmark("Bounce", 201, "HardBounce", "pm-refused@example.org", now);
    assertThat(post("/hooks/postmark", body).statusCode()).isEqualTo(401);
    assertThat(post("/hooks/postmark", body, "Authorization", HookPayloads.basic("postmark", "guess")).statusCode())
        .isEqualTo(401);
    assertThat(post("/hooks/postmark", HookPayloads.postmark("Bounce", 202, "HardBounce", "pm-refused@example.org",
        now.minus(Duration.ofDays(3))), "Authorization", HookPayloads.basic("postmark", POSTMARK_SECRET)).statusCode())
        .isEqualTo(403);
    assertThat(status("pm-refused@example.org")).isEqualTo(ListStatus.SUBSCRIBED);

    assertThat(post("/hooks/postmark", body, "Authorization", HookPayloads.basic("postmark", POSTMARK_SECRET))
        .statusCode()).isEqualTo(200);
    long id = store().byAddress("pm-refused@example.org").orElseThrow().id();
    store().setStatus(id, ListStatus.SUBSCRIBED, Instant.now(), "test");
    assertThat(post("/hooks/postmark", body, "Authorization", HookPayloads.basic("postmark", POSTMARK_SECRET))
        .statusCode()).isEqualTo(200);
    assertThat(status("pm-refused@example.org")).isEqualTo(ListStatus.SUBSCRIBED);
  }

  private static Map<String, Object> mailgunEvent(String id, String event, String severity, String recipient,
      String sender) {
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("id", id);
    e.put("event", event);
    if (severity != null) {
      e.put("severity", severity);
    }
    e.put("recipient", recipient);
    e.put("timestamp", Instant.now().getEpochSecond() + 0.25);
    e.put("envelope", Map.of("sender", sender));
    e.put("delivery-status", Map.of("code", 550, "message", "5.1.1 no such user"));
    return e;
  }

  @Test
  void signedMailgunEventsChangeTheMembers() throws Exception {
    member("mg-hard@example.org");
    member("mg-complaint@example.org");
    member("mg-unsub@example.org");
    Member verpd = member("mg-verp@example.org");
    long now = Instant.now().getEpochSecond();
    String[][] events = {
      {"mg-1", "failed", "permanent", "mg-hard@example.org", "weekly@callback.press"},
      {"mg-2", "complained", null, "mg-complaint@example.org", "weekly@callback.press"},
      {"mg-3", "unsubscribed", null, "mg-unsub@example.org", "weekly@callback.press"},
      {"mg-4", "failed", "permanent", "forwarded@example.net", verp.sender(verpd.id(), "2026-12-07")},
    };
    for (String[] e : events) {
      assertThat(post("/hooks/mailgun", HookPayloads.mailgun(MAILGUN_KEY, now, "tok-" + e[0],
          mailgunEvent(e[0], e[1], e[2], e[3], e[4])), "Content-Type", "application/json").statusCode()).isEqualTo(200);
    }
    assertThat(status("mg-hard@example.org")).isEqualTo(ListStatus.BOUNCED);
    assertThat(status("mg-complaint@example.org")).isEqualTo(ListStatus.COMPLAINED);
    assertThat(status("mg-unsub@example.org")).isEqualTo(ListStatus.UNSUBSCRIBED);
    assertThat(status("mg-verp@example.org")).isEqualTo(ListStatus.BOUNCED);
  }

  @Test
  void forgedStaleOrReplayedMailgunEventsChangeNothing() throws Exception {
    Member m = member("mg-refused@example.org");
    long now = Instant.now().getEpochSecond();
    Map<String, Object> event = mailgunEvent("mg-r1", "failed", "permanent", "mg-refused@example.org", "w@callback.press");
    assertThat(post("/hooks/mailgun", HookPayloads.mailgun("key-someone-else", now, "tok-r1", event)).statusCode())
        .isEqualTo(403);
    assertThat(post("/hooks/mailgun", HookPayloads.mailgun(MAILGUN_KEY, now - 600, "tok-r2", event)).statusCode())
        .isEqualTo(403);
    assertThat(status("mg-refused@example.org")).isEqualTo(ListStatus.SUBSCRIBED);

    String body = HookPayloads.mailgun(MAILGUN_KEY, now, "tok-r3", event);
    assertThat(post("/hooks/mailgun", body).statusCode()).isEqualTo(200);
    store().setStatus(m.id(), ListStatus.SUBSCRIBED, Instant.now(), "test");
    assertThat(post("/hooks/mailgun", body).statusCode()).isEqualTo(403); // the same token again
    assertThat(post("/hooks/mailgun", HookPayloads.mailgun(MAILGUN_KEY, now, "tok-r4", event)).statusCode())
        .isEqualTo(200); // a fresh signature on the same event: the store knows its id
    assertThat(status("mg-refused@example.org")).isEqualTo(ListStatus.SUBSCRIBED);
  }

  @Test
  void webhookBodiesMayBeLargerThanFormsButNotUnbounded() throws Exception {
    String padding = "x".repeat(100_000);
    String big = relay.notification("sns-big", HookPayloads.sesBounce("Transient", "big@example.org", padding), "2", Map.of());
    assertThat(ses(big).statusCode()).isEqualTo(200);
    assertThat(ses(big + " ".repeat(Webhooks.MAX_BODY)).statusCode()).isEqualTo(413);
    assertThat(post("/subscribe", "email=" + padding, "Content-Type", "application/x-www-form-urlencoded").statusCode())
        .isEqualTo(413);
    assertThat(post("/hooks/ses", "{not json").statusCode()).isEqualTo(400);
    assertThat(post("/hooks/sendgrid", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void hooksWithoutTheirSettingsOrSecretsAreNotThere() throws Exception {
    Path bare = project("without-hooks", "");
    try (ListServer plain = ListServer.start(new ListServer.Options(bare, "127.0.0.1", 0,
        new PickupFolder(tmp.resolve("outbox-2")), List.of(SECRET), null, Clock.systemUTC()), w -> {},
        WebhooksIT::fetchFromLoopback)) {
      URI other = URI.create("http://127.0.0.1:" + plain.address().getPort());
      for (String path : List.of("/hooks/ses", "/hooks/postmark", "/hooks/mailgun")) {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(other.resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(404);
      }
    }
  }
}
