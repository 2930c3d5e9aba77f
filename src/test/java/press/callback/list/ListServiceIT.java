package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;
import static press.callback.list.ListServiceFixture.SECRET;
import static press.callback.list.ListServiceFixture.SITE;
import static press.callback.list.ListServiceFixture.form;
import static press.callback.list.ListServiceFixture.get;
import static press.callback.list.ListServiceFixture.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import press.callback.list.service.ListServer;
import press.callback.mail.SmtpServer;
import press.callback.mail.UnsubscribeToken;
import press.callback.testing.Press;
import press.callback.testing.TestSite;

/**
 * Issue 15: the list service for real on loopback — its own HTTP server on a free port, SQLite as
 * a file, GreenMail as the SMTP server; nothing mocked. Each test signs up from its own client
 * address (X-Forwarded-For from the trusted proxy, 127.0.0.1), so the per-IP limit of one does not
 * touch the others.
 */
class ListServiceIT {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(false);

  private static final Pattern CONFIRM = Pattern.compile("https?://[^/\\s<>\"]+(/confirm/[A-Za-z0-9_-]{43})");
  private static final Pattern PREFS = Pattern.compile("https?://[^/\\s<>\"]+/prefs/(v1\\.[A-Za-z0-9_.-]+)");
  private static final AtomicInteger IPS = new AtomicInteger(1);

  @TempDir static Path tmp;
  static Path project;
  static ListServer server;
  static URI base;
  static final ListServiceFixture.MovableClock CLOCK = new ListServiceFixture.MovableClock();

  @BeforeAll
  static void start() throws Exception {
    project = TestSite.create(tmp, "basic");
    Files.writeString(project.resolve("jbake.properties"), "\nnewsletter.list_trusted_proxy=127.0.0.1\n",
        java.nio.file.StandardOpenOption.APPEND);
    ListServiceFixture.writeListEmails(project);
    server = ListServer.start(new ListServer.Options(project, "127.0.0.1", 0,
        SmtpServer.parse("smtp://127.0.0.1:" + greenMail.getSmtp().getPort(), null, false),
        List.of(SECRET), null, CLOCK), w -> {});
    base = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String newIp() {
    int n = IPS.getAndIncrement();
    return "198.51." + (n / 250) + "." + (n % 250 + 1);
  }

  private static HttpResponse<String> subscribe(String email, String name, String ip) throws Exception {
    return post(base, "/subscribe", "application/x-www-form-urlencoded", form("email", email, "name", name, "website", ""),
        "Origin", SITE, "X-Forwarded-For", ip);
  }

  /**
   * A second store on the service's SQLite file, as `press list import` run beside the service
   * would open: both take turns on the file.
   */
  private static ListStore store() {
    return JdbcListStore.open("jdbc:sqlite:.press/list.db", project, null);
  }

  /** The newest message to {@code to}, waiting for it up to 10 s. */
  private static MimeMessage mailTo(String to, int count) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<MimeMessage> mine = new java.util.ArrayList<>();
      for (MimeMessage m : greenMail.getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().contains(to)) {
          mine.add(m);
        }
      }
      if (mine.size() >= count) {
        return mine.get(count - 1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no email number " + count + " to " + to);
  }

  private static String find(Pattern p, MimeMessage m) {
    Matcher matcher = p.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
    assertThat(matcher.find()).as("a link in %s", GreenMailUtil.getBody(m)).isTrue();
    return matcher.group(1);
  }

  private static ListStatus status(String email) {
    try (ListStore s = store()) {
      return s.byAddress(email).map(Member::status).orElse(null);
    }
  }

  /** Signs up and confirms {@code email}; its member token. */
  private static String member(String email, String name) throws Exception {
    assertThat(subscribe(email, name, newIp()).statusCode()).isEqualTo(303);
    String confirm = find(CONFIRM, mailTo(email, 1));
    assertThat(post(base, confirm, null, "").statusCode()).isEqualTo(303);
    return find(PREFS, mailTo(email, 2));
  }

  @Test
  void subscribeConfirmWelcomeAndUnsubscribeByTheMemberLink() throws Exception {
    HttpResponse<String> answer = subscribe("dana@example.org", "Dana", newIp());
    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValue(SITE + "/subscribe/check-your-inbox/");
    assertThat(status("dana@example.org")).isEqualTo(ListStatus.PENDING);

    MimeMessage confirmation = mailTo("dana@example.org", 1);
    assertThat(confirmation.getSubject()).isEqualTo("Confirm your Callback Press subscription");
    assertThat(GreenMailUtil.getHeaders(confirmation)).doesNotContain("Dana").doesNotContain("List-Unsubscribe");
    String confirm = find(CONFIRM, confirmation);

    HttpResponse<String> page = get(base, confirm);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\" action=\"" + confirm + "\"").contains("src=\"/list.js\"");
    assertThat(status("dana@example.org")).isEqualTo(ListStatus.PENDING);

    HttpResponse<String> confirmed = post(base, confirm, "application/x-www-form-urlencoded", "");
    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(confirmed.headers().firstValue("Location")).hasValue(SITE + "/subscribe/welcome/");
    assertThat(status("dana@example.org")).isEqualTo(ListStatus.SUBSCRIBED);

    MimeMessage welcome = mailTo("dana@example.org", 2);
    assertThat(welcome.getSubject()).isEqualTo("Welcome to Callback Press");
    assertThat(GreenMailUtil.getBody(welcome)).contains("Hi Dana,");
    String token = find(PREFS, welcome);
    try (ListStore s = store()) {
      assertThat(s.events(s.byAddress("dana@example.org").orElseThrow().id()))
          .extracting(ListEvent::source).anyMatch(src -> src.contains("198.51.") && src.endsWith(".0/24"))
          .noneMatch(src -> src.matches(".*\\d+\\.\\d+\\.\\d+\\.[1-9]\\d*$"));
    }

    HttpResponse<String> ask = get(base, "/u/" + token);
    assertThat(ask.statusCode()).isEqualTo(200);
    assertThat(ask.body()).contains("Unsubscribe d•••@example.org from Callback Press Weekly?")
        .contains("href=\"/prefs/" + token + "\"");
    HttpResponse<String> left = post(base, "/u/" + token, "application/x-www-form-urlencoded", "via=page");
    assertThat(left.statusCode()).isEqualTo(303);
    assertThat(left.headers().firstValue("Location")).hasValue(SITE + "/subscribe/unsubscribed/");
    assertThat(status("dana@example.org")).isEqualTo(ListStatus.UNSUBSCRIBED);
    assertThat(post(base, "/u/" + token, "application/x-www-form-urlencoded", "via=page").statusCode()).isEqualTo(303);
  }

  @Test
  void oneClickPostAnswers200InBothEncodings() throws Exception {
    String a = member("one-a@example.org", "");
    HttpResponse<String> urlencoded = post(base, "/u/" + a, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
    assertThat(urlencoded.statusCode()).isEqualTo(200);
    assertThat(urlencoded.headers().firstValue("Location")).isEmpty();
    assertThat(status("one-a@example.org")).isEqualTo(ListStatus.UNSUBSCRIBED);

    String b = member("one-b@example.org", "");
    String multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n";
    HttpResponse<String> mp = post(base, "/u/" + b, "multipart/form-data; boundary=XyZ", multipart);
    assertThat(mp.statusCode()).isEqualTo(200);
    assertThat(status("one-b@example.org")).isEqualTo(ListStatus.UNSUBSCRIBED);
    // idempotent
    assertThat(post(base, "/u/" + b, "multipart/form-data; boundary=XyZ", multipart).statusCode()).isEqualTo(200);
  }

  @Test
  void aScannersGetOnEveryLinkChangesNothing() throws Exception {
    assertThat(subscribe("scan@example.org", "", newIp()).statusCode()).isEqualTo(303);
    String confirm = find(CONFIRM, mailTo("scan@example.org", 1));
    for (int i = 0; i < 3; i++) {
      assertThat(get(base, confirm).statusCode()).isEqualTo(200);
    }
    assertThat(status("scan@example.org")).isEqualTo(ListStatus.PENDING);
    assertThat(post(base, confirm, null, "").statusCode()).isEqualTo(303);
    String token = find(PREFS, mailTo("scan@example.org", 2));
    for (String path : List.of("/u/" + token, "/prefs/" + token, "/subscribe", "/health")) {
      get(base, path);
    }
    assertThat(status("scan@example.org")).isEqualTo(ListStatus.SUBSCRIBED);
  }

  @Test
  void signupAnswersAlikeForNewPendingAndSubscribedAddresses() throws Exception {
    member("known@example.org", "");
    assertThat(subscribe("pending@example.org", "", newIp()).statusCode()).isEqualTo(303);
    Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
    for (String email : List.of("fresh@example.org", "pending@example.org", "known@example.org")) {
      answers.put(email, subscribe(email, "", newIp()));
    }
    HttpResponse<String> first = answers.get("fresh@example.org");
    for (HttpResponse<String> r : answers.values()) {
      assertThat(r.statusCode()).isEqualTo(first.statusCode());
      assertThat(r.body()).isEqualTo(first.body());
      assertThat(r.headers().map()).isEqualTo(first.headers().map());
    }
    // the subscribed one gets an "already subscribed" email instead of a confirmation
    assertThat(mailTo("known@example.org", 3).getSubject()).isEqualTo("You already get Callback Press");
    // JSON answers alike too
    String json = null;
    for (String email : List.of("fresh2@example.org", "known@example.org")) {
      HttpResponse<String> r = post(base, "/subscribe", "application/x-www-form-urlencoded", form("email", email),
          "Origin", SITE, "Accept", "application/json", "X-Forwarded-For", newIp());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
      json = json == null ? r.body() : json;
      assertThat(r.body()).isEqualTo(json).startsWith("{\"ok\":true,\"message\":");
    }
  }

  @Test
  void forgedOtherListsExpiredAndReusedTokensAreRefused() throws Exception {
    String token = member("tokens@example.org", "");
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    String otherList = new Tokens(List.of(SECRET), "other.example.org").member(Long.parseLong(token.split("\\.")[1], 36));
    for (String t : List.of(forged, otherList, "v1.zz.nope", "not-a-token", "v1." + "a".repeat(300))) {
      for (String route : List.of("/u/", "/prefs/")) {
        assertThat(get(base, route + t).statusCode()).as(route + t).isEqualTo(404);
        assertThat(post(base, route + t, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode())
            .isEqualTo(404);
      }
    }
    assertThat(status("tokens@example.org")).isEqualTo(ListStatus.SUBSCRIBED);

    assertThat(subscribe("late@example.org", "", newIp()).statusCode()).isEqualTo(303);
    String late = find(CONFIRM, mailTo("late@example.org", 1));
    assertThat(subscribe("twice@example.org", "", newIp()).statusCode()).isEqualTo(303);
    String twice = find(CONFIRM, mailTo("twice@example.org", 1));
    assertThat(post(base, twice, null, "").statusCode()).isEqualTo(303);
    HttpResponse<String> reused = post(base, twice, null, "");
    assertThat(reused.statusCode()).isEqualTo(410);
    assertThat(reused.body()).contains("used already").contains(SITE + "/subscribe/");
    CLOCK.advance(Duration.ofDays(8));
    try {
      HttpResponse<String> expired = post(base, late, null, "");
      assertThat(expired.statusCode()).isEqualTo(410);
      assertThat(expired.body()).contains("expired").contains(SITE + "/subscribe/");
    } finally {
      CLOCK.advance(Duration.ofDays(-8));
    }
    assertThat(status("late@example.org")).isEqualTo(ListStatus.PENDING);
    assertThat(post(base, "/confirm/" + "A".repeat(43), null, "").statusCode()).isEqualTo(404);
  }

  @Test
  void crlfAndTenThousandCharacterNamesNeverReachAHeader() throws Exception {
    String crlf = "Eve\r\nBcc: victim@example.com\r\nSubject: buy";
    member("crlf@example.org", crlf);
    MimeMessage welcome = mailTo("crlf@example.org", 2);
    assertThat(welcome.getHeader("Bcc")).isNull();
    assertThat(welcome.getSubject()).isEqualTo("Welcome to Callback Press");
    try (ListStore s = store()) {
      String name = s.byAddress("crlf@example.org").orElseThrow().name();
      assertThat(name).doesNotContain("\r").doesNotContain("\n");
    }
    member("long@example.org", "x".repeat(10_000));
    MimeMessage longOne = mailTo("long@example.org", 2);
    assertThat(GreenMailUtil.getHeaders(longOne).lines()).allMatch(l -> l.length() <= 998);
    try (ListStore s = store()) {
      assertThat(s.byAddress("long@example.org").orElseThrow().name()).hasSize(ListFlows.MAX_NAME);
    }
  }

  @Test
  void aOneMegabyteBodyGets413AndTheConnectionCloses() throws Exception {
    byte[] body = new byte[1 << 20];
    java.util.Arrays.fill(body, (byte) 'a');
    String head = "POST /subscribe HTTP/1.1\r\nHost: x\r\nOrigin: " + SITE
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] all = new byte[head.length() + body.length];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
    System.arraycopy(body, 0, all, head.length(), body.length);
    long start = System.nanoTime();
    String answer = ListServiceFixture.raw(base, all);
    assertThat(answer).startsWith("HTTP/1.1 413 ");
    assertSecurityHeaders(answer);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aForeignOriginGets403AndNothingIsStored() throws Exception {
    HttpResponse<String> r = post(base, "/subscribe", "application/x-www-form-urlencoded", form("email", "evil@example.org"),
        "Origin", "https://evil.example", "X-Forwarded-For", newIp());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> noOrigin = post(base, "/subscribe", "application/x-www-form-urlencoded",
        form("email", "evil@example.org"), "X-Forwarded-For", newIp());
    assertThat(noOrigin.statusCode()).isEqualTo(403);
    HttpResponse<String> referer = post(base, "/subscribe", "application/x-www-form-urlencoded",
        form("email", "evil@example.org"), "Referer", "https://callback.press.evil.example/subscribe/", "X-Forwarded-For", newIp());
    assertThat(referer.statusCode()).isEqualTo(403);
    assertThat(status("evil@example.org")).isNull();
  }

  @Test
  void aHundredAndOneSignupsFromOneAddressAreLimitedWithTheSameAnswer() throws Exception {
    String ip = newIp();
    HttpResponse<String> first = null;
    for (int i = 0; i < 101; i++) {
      HttpResponse<String> r = subscribe("flood" + i + "@example.org", "", ip);
      first = first == null ? r : first;
      assertThat(r.statusCode()).isEqualTo(303);
      assertThat(r.headers().map()).isEqualTo(first.headers().map());
    }
    int stored = 0;
    try (ListStore s = store()) {
      for (int i = 0; i < 101; i++) {
        stored += s.byAddress("flood" + i + "@example.org").isPresent() ? 1 : 0;
      }
    }
    assertThat(stored).isEqualTo(10); // newsletter.list_limit_ip's default
    assertThat(subscribe("other-ip@example.org", "", newIp()).statusCode()).isEqualTo(303);
    assertThat(status("other-ip@example.org")).isEqualTo(ListStatus.PENDING);
  }

  @Test
  void theHoneypotAnswersAlikeAndStoresNothing() throws Exception {
    HttpResponse<String> r = post(base, "/subscribe", "application/x-www-form-urlencoded",
        form("email", "bot@example.org", "website", "http://spam.example"), "Origin", SITE, "X-Forwarded-For", newIp());
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue(SITE + "/subscribe/check-your-inbox/");
    assertThat(status("bot@example.org")).isNull();
  }

  @Test
  void slowHeadersAreCutOff() throws Exception {
    long start = System.nanoTime();
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", base.getPort())) {
      s.setSoTimeout(20_000);
      var out = s.getOutputStream();
      out.write("POST /subscribe HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = "";
      for (int i = 0; i < 30 && answer.isEmpty(); i++) {
        try {
          out.write("X".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (java.io.IOException e) {
          break;
        }
        Thread.sleep(500);
        if (s.getInputStream().available() > 0) {
          answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
      }
      if (answer.isEmpty()) {
        answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      }
      assertThat(answer).startsWith("HTTP/1.1 408 ");
      assertSecurityHeaders(answer);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(13));
  }

  @Test
  void aTokenOfAnIssueAlreadySentUnsubscribes() throws Exception {
    member("legacy@example.org", "");
    String legacy = new UnsubscribeToken(SECRET, "weekly.callback.press").create("legacy@example.org");
    assertThat(get(base, "/u/" + legacy).body()).contains("l•••@example.org");
    assertThat(post(base, "/u/" + legacy, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode())
        .isEqualTo(200);
    assertThat(status("legacy@example.org")).isEqualTo(ListStatus.UNSUBSCRIBED);
    String otherSecret = new UnsubscribeToken("another-secret-of-good-length", "weekly.callback.press").create("x@example.org");
    assertThat(post(base, "/u/" + otherSecret, null, "").statusCode()).isEqualTo(404);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    String token = member("headers@example.org", "");
    List<HttpResponse<String>> all = List.of(get(base, "/health"), get(base, "/list.js"), get(base, "/nowhere"),
        get(base, "/u/" + token), get(base, "/prefs/" + token), get(base, "/confirm/" + "B".repeat(43)),
        get(base, "/subscribe"), post(base, "/subscribe", null, "", "Origin", "https://evil.example"),
        post(base, "/prefs/" + token, "text/plain", "x"));
    for (HttpResponse<String> r : all) {
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().toString())
          .hasValue("default-src 'none'; style-src " + SITE + "; img-src " + SITE + "; script-src 'self'; form-action 'self' "
              + SITE + "; frame-ancestors 'none'; base-uri 'none'");
      assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
    assertThat(all.get(2).statusCode()).isEqualTo(404);
    String refused = ListServiceFixture.raw(base, "GET /x HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(refused).startsWith("HTTP/1.1 400 ");
    assertSecurityHeaders(refused);
    String chunked = ListServiceFixture.raw(base, ("POST /subscribe HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nemail\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    assertThat(chunked).startsWith("HTTP/1.1 411 ");
    assertSecurityHeaders(chunked);
  }

  private static void assertSecurityHeaders(String raw) {
    assertThat(raw).contains("\r\nContent-Security-Policy: default-src 'none';").contains("\r\nReferrer-Policy: no-referrer\r\n")
        .contains("\r\nX-Frame-Options: DENY\r\n").contains("\r\nCache-Control: no-store\r\n")
        .contains("\r\nX-Content-Type-Options: nosniff\r\n");
  }

  @Test
  void downloadMyDataGivesTheRowAndItsEventsAsJson() throws Exception {
    String token = member("data@example.org", "Dee");
    HttpResponse<String> r = post(base, "/prefs/" + token, "application/x-www-form-urlencoded", "action=download");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(json.get("email").asText()).isEqualTo("data@example.org");
    assertThat(json.get("name").asText()).isEqualTo("Dee");
    assertThat(json.get("status").asText()).isEqualTo("subscribed");
    assertThat(json.get("events").size()).isGreaterThanOrEqualTo(2);
    assertThat(Instant.parse(json.get("created").asText())).isNotNull();
  }

  @Test
  void prefsRenameUnsubscribeAndResubscribe() throws Exception {
    String token = member("prefs@example.org", "Pat");
    assertThat(get(base, "/prefs/" + token).body()).contains("value=\"Pat\"").contains("<label for=\"name\">");
    post(base, "/prefs/" + token, "application/x-www-form-urlencoded", form("action", "rename", "name", "Patricia"));
    post(base, "/prefs/" + token, "application/x-www-form-urlencoded", "action=unsubscribe");
    assertThat(status("prefs@example.org")).isEqualTo(ListStatus.UNSUBSCRIBED);
    HttpResponse<String> again = post(base, "/prefs/" + token, "application/x-www-form-urlencoded", "action=resubscribe");
    assertThat(again.body()).contains("You are subscribed again.");
    try (ListStore s = store()) {
      Member m = s.byAddress("prefs@example.org").orElseThrow();
      assertThat(m.name()).isEqualTo("Patricia");
      assertThat(m.status()).isEqualTo(ListStatus.SUBSCRIBED);
    }
  }

  @Test
  void deleteMeErasesTheRowAndNoImportOrSignupAddsItBack() throws Exception {
    String token = member("gone@example.org", "");
    assertThat(post(base, "/prefs/" + token, "application/x-www-form-urlencoded", "action=delete").body())
        .contains("Tick the box");
    assertThat(status("gone@example.org")).isEqualTo(ListStatus.SUBSCRIBED);
    HttpResponse<String> deleted = post(base, "/prefs/" + token, "application/x-www-form-urlencoded", "action=delete&sure=yes");
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(status("gone@example.org")).isNull();
    assertThat(get(base, "/prefs/" + token).statusCode()).isEqualTo(404);
    try (ListStore s = store()) {
      assertThat(s.put("gone@example.org", "", ListStatus.SUBSCRIBED, Instant.now(), "import"))
          .isEqualTo(ListStore.Imported.SUPPRESSED);
    }
    assertThat(subscribe("gone@example.org", "", newIp()).statusCode()).isEqualTo(303);
    assertThat(status("gone@example.org")).isNull();
  }

  @Test
  void aHostThatIsNotLoopbackIsRefusedWithoutPublic() {
    Press.Run run = Press.run(Map.of(), "list", "serve", "--host", "0.0.0.0", "--source=" + project);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--host 0.0.0.0 is not a loopback address").contains("--public");
  }

  @Test
  void withoutTheBakedListEmailsTheServiceDoesNotStart() throws Exception {
    Path bare = TestSite.create(tmp.resolve("bare"), "basic");
    Press.Run run = Press.run(Map.of(), "list", "serve", "--port", "0", "--source=" + bare);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("the list's emails are not baked").contains("mvn package");
    Press.Run smtp = Press.run(Map.of(), "list", "serve", "--port", "0", "--smtp", "smtp://127.0.0.1:1", "--source=" + project);
    assertThat(smtp.exit()).isEqualTo(1);
    assertThat(smtp.err()).contains("PRESS_UNSUBSCRIBE_SECRET");
  }
}
