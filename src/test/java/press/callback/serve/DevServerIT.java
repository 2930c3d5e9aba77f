package press.callback.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import press.callback.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.site.LiveSite;
import press.callback.testing.TestSite;

/**
 * The dev server on a free loopback port, with its file watcher, as the author's browser meets
 * it: pages, reload events after a saved edit, the error overlay's data, drafts, newsletter
 * previews, and refused paths.
 */
class DevServerIT {
  private static final Clock CLOCK =
      Clock.fixed(TestSite.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private DevServer server;
  private Watcher watcher;
  private Path project;
  private HttpServer.Limits limits = HttpServer.Limits.DEFAULT;

  private URI start(boolean drafts) throws IOException {
    project = TestSite.create(tmp, "basic");
    return start(drafts, true);
  }

  private URI start(boolean drafts, boolean mustBake) throws IOException {
    Path out = tmp.resolve("target/serve");
    LiveSite site = new LiveSite(TestSite.JBAKE, new LiveSite.Settings(project, out.resolve("site"), out.resolve("newsletter"), drafts, CLOCK), s -> {});
    LiveSite.Update first = site.bakeAll();
    assertThat(first.ok()).as("%s", first.diagnostics()).isEqualTo(mustBake);
    server = new DevServer(site, first, r -> {}, limits);
    server.start("127.0.0.1", 0);
    watcher = new Watcher(site.sourceFolders(), List.of(site.configFile()), Duration.ofMillis(30),
        new Watcher.Listener() {
          @Override
          public void changed(Set<Path> files) {
            server.changed(files);
          }

          @Override
          public void lostTrack() {
            server.rebakeAll();
          }
        }, w -> {});
    watcher.start();
    return server.address();
  }

  @AfterEach
  void stop() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code data:} lines of the server's events, as they arrive. */
  private BlockingQueue<String> events(URI base) {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    http.sendAsync(HttpRequest.newBuilder(base.resolve("/_press/events")).build(), HttpResponse.BodyHandlers.ofLines())
        .thenAccept(r -> {
          assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
          r.body().filter(l -> l.startsWith("data: ")).forEach(l -> events.add(l.substring(6)));
        });
    return events;
  }

  private static String next(BlockingQueue<String> events) throws InterruptedException {
    String e = events.poll(20, TimeUnit.SECONDS);
    assertThat(e).as("an event within 20 s").isNotNull();
    return e;
  }

  @Test
  void servesPagesWithTheReloadScriptButNeverWritesItToDisk() throws Exception {
    URI base = start(false);
    HttpResponse<String> home = get(base, "/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(Jsoup.parse(home.body()).select("script[src=/_press/live.js]")).hasSize(1);
    try (Stream<Path> files = Files.walk(tmp.resolve("target/serve"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain("/_press/live.js");
      }
    }
    assertThat(get(base, "/css/site.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    assertThat(get(base, "/feed.xml").headers().firstValue("Content-Type")).hasValue("application/xml");
    HttpResponse<String> folder = get(base, "/articles/2026/first");
    assertThat(folder.statusCode()).isEqualTo(301);
    assertThat(folder.headers().firstValue("Location")).hasValue("/articles/2026/first/");
    assertThat(get(base, "/articles/2026/first/").body()).contains("First article");
    HttpResponse<String> missing = get(base, "/no/such/page/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo(
        Injection.inject(Files.readString(tmp.resolve("target/serve/site/404.html")), null));
    assertThat(get(base, "/_press/live.js").body()).contains("new EventSource('/_press/events')");
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(base.resolve("/"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void savedEditIsServedAndOpenPagesAreToldToReload() throws Exception {
    URI base = start(false);
    BlockingQueue<String> events = events(base);
    assertThat(next(events)).isEqualTo("{\"build\":1,\"errors\":[]}");
    Path first = project.resolve("content/articles/2026/first.md");

    Files.writeString(first, Files.readString(first) + "\nSaved while serving.\n");

    assertThat(next(events)).isEqualTo("{\"build\":2,\"errors\":[]}");
    assertThat(get(base, "/articles/2026/first/").body()).contains("Saved while serving.");
  }

  /**
   * Issue 14, item 5: a change whose rebuild throws (deeply nested input once overflowed the stack
   * and killed the watcher for good) is shown over the page; the next save is picked up and served.
   */
  @Test
  void watcherSurvivesAnyError() throws Exception {
    URI base = start(false);
    BlockingQueue<String> events = events(base);
    assertThat(next(events)).isEqualTo("{\"build\":1,\"errors\":[]}");

    server.update(() -> {
      throw new StackOverflowError();
    });
    assertThat(next(events)).contains("unexpected failure while rebuilding: java.lang.StackOverflowError");
    server.update(() -> {
      DevServerIT.<RuntimeException>sneakyThrow(new Exception("checked, thrown past the compiler"));
      return null;
    });
    assertThat(next(events)).contains("unexpected failure while rebuilding: java.lang.Exception: checked, thrown past");

    // a real save that once overflowed the stack: front matter nested 5,000 levels deep
    Path first = project.resolve("content/articles/2026/first.md");
    String good = Files.readString(first);
    Files.writeString(first, good.replace("title: First article", "title: " + "[".repeat(5000)));
    assertThat(next(events)).startsWith("{\"build\":1,\"errors\":[{\"location\":\"content/articles/2026/first.md:");

    Files.writeString(first, good + "\nSaved after the failure.\n");
    assertThat(next(events)).isEqualTo("{\"build\":2,\"errors\":[]}");
    assertThat(get(base, "/articles/2026/first/").body()).contains("Saved after the failure.");

    // the watcher itself: a listener that throws does not stop it
    Path folder = Files.createDirectories(tmp.resolve("watched"));
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    BlockingQueue<String> warnings = new LinkedBlockingQueue<>();
    try (Watcher w = new Watcher(List.of(folder), List.of(), Duration.ofMillis(30), new Watcher.Listener() {
      private int calls;

      @Override
      public void changed(Set<Path> files) {
        calls++;
        if (calls == 1) {
          throw new OutOfMemoryError("one edit too many");
        }
        if (calls == 2) {
          DevServerIT.<RuntimeException>sneakyThrow(new java.io.IOException("checked, thrown past the compiler"));
        }
        files.forEach(f -> seen.add(f.getFileName().toString()));
      }

      @Override
      public void lostTrack() {}
    }, warnings::add)) {
      w.start();
      Files.writeString(folder.resolve("a.md"), "a");
      assertThat(warnings.poll(20, TimeUnit.SECONDS)).contains("OutOfMemoryError: one edit too many", "still watching");
      Files.writeString(folder.resolve("b.md"), "b");
      assertThat(warnings.poll(20, TimeUnit.SECONDS)).contains("IOException: checked, thrown past", "still watching");
      Files.writeString(folder.resolve("c.md"), "c");
      assertThat(seen.poll(20, TimeUnit.SECONDS)).isEqualTo("c.md");
    }
  }

  /** Throws {@code t} whatever its type: some libraries throw checked exceptions undeclared. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  /**
   * A page that stops reading its event stream (a paused or hostile client) holds no rebuild: the
   * events go out on their own thread, and a stream whose write waits past the write limit is
   * closed, so the other pages still get every change.
   */
  @Test
  void aPageThatStopsReadingHoldsNoRebuild() throws Exception {
    limits = new HttpServer.Limits(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMillis(500), 8192, 100, 64);
    URI base = start(false);
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      stalled.getOutputStream().write("GET /_press/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      stalled.setSoTimeout(10_000);
      String seen = "";
      while (!seen.contains("data: {\"build\":1,\"errors\":[]}\n\n")) { // registered; from now on, never read
        int b = stalled.getInputStream().read();
        assertThat(b).as(seen).isNotNegative();
        seen += (char) b;
      }
      String big = "x".repeat(1 << 20);
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        for (int i = 0; i < 40; i++) {
          server.update(() -> new LiveSite.Update(LiveSite.Kind.EDIT,
              List.of(Diagnostic.error("content/x.md", 1, 1, big, "")), 0, List.of("content/x.md")));
        }
      }, "40 changes of 1 MB events each, with a page that reads nothing");

      BlockingQueue<String> events = events(base);
      assertThat(next(events)).startsWith("{\"build\":1,\"errors\":[{\"location\":\"content/x.md:1:1\"");
      Path first = project.resolve("content/articles/2026/first.md");
      Files.writeString(first, Files.readString(first) + "\nSaved beside a stalled page.\n");
      String after = next(events);
      while (after.startsWith("{\"build\":1,")) { // the last error state may come twice
        after = next(events);
      }
      assertThat(after).isEqualTo("{\"build\":2,\"errors\":[]}");
    }
  }

  @Test
  void badEditShowsItsErrorWhileTheServerKeepsServing() throws Exception {
    URI base = start(false);
    BlockingQueue<String> events = events(base);
    next(events);
    Path first = project.resolve("content/articles/2026/first.md");
    String good = Files.readString(first);

    Files.writeString(first, good.replace("date: 2026-09-01", "date: 2026-09-31"));

    assertThat(next(events)).startsWith(
        "{\"build\":1,\"errors\":[{\"location\":\"content/articles/2026/first.md:3:7\",\"severity\":\"error\"")
        .contains("\"sourceLine\":\"date: 2026-09-31\"", "\"hint\":\"");
    HttpResponse<String> page = get(base, "/articles/2026/first/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("First article");

    Files.writeString(first, good + "\nFixed.\n");
    assertThat(next(events)).isEqualTo("{\"build\":2,\"errors\":[]}");
    assertThat(get(base, "/articles/2026/first/").body()).contains("Fixed.");
  }

  @Test
  void aProjectThatDoesNotBakeIsServedWithItsErrorsUntilFixed() throws Exception {
    project = TestSite.create(tmp, "basic");
    Path first = project.resolve("content/articles/2026/first.md");
    String good = Files.readString(first);
    Files.writeString(first, good.replace("title: First article", "title: [unclosed"));
    URI base = start(false, false);
    BlockingQueue<String> events = events(base);
    assertThat(next(events)).startsWith("{\"build\":1,\"errors\":[{\"location\":\"content/articles/2026/first.md:");
    HttpResponse<String> home = get(base, "/");
    assertThat(home.statusCode()).isEqualTo(404);
    assertThat(home.body()).contains("not been baked", Injection.SCRIPT);

    Files.writeString(first, good);

    assertThat(next(events)).isEqualTo("{\"build\":2,\"errors\":[]}");
    assertThat(get(base, "/").statusCode()).isEqualTo(200);
  }

  @Test
  void templateEditBakesAgainAndReloads() throws Exception {
    URI base = start(false);
    BlockingQueue<String> events = events(base);
    next(events);
    Path layout = project.resolve("templates/layout.ftl");

    Files.writeString(layout, Files.readString(layout).replace("</footer>", "<p>Template edited.</p></footer>"));

    assertThat(next(events)).isEqualTo("{\"build\":2,\"errors\":[]}");
    assertThat(get(base, "/tips/").body()).contains("Template edited.");
  }

  @Test
  void draftsAreServedOnlyWithDraftsAndThenMarked() throws Exception {
    URI base = start(false);
    assertThat(get(base, "/articles/2026/draft/").statusCode()).isEqualTo(404);
    stop();

    URI preview = start(true);
    HttpResponse<String> draft = get(preview, "/articles/2026/draft/");
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(draft.body()).select("#press-preview-mark").text())
        .isEqualTo("Draft: not on the published site (preview)");
    assertThat(Jsoup.parse(get(preview, "/articles/2026/future/").body()).select("#press-preview-mark").text())
        .startsWith("Scheduled: goes live on 2026-");
    assertThat(Jsoup.parse(get(preview, "/articles/2026/first/").body()).select("#press-preview-mark")).isEmpty();
  }

  @Test
  void previewsTheNewsletterAsSent() throws Exception {
    URI base = start(false);
    var index = Jsoup.parse(get(base, "/_press/newsletter/").body());
    assertThat(index.select("a[href=2026-11-02/]").text()).startsWith("2026-11-02: The first issue");
    assertThat(index.text()).contains("1 draft issue is not shown: run press serve --drafts");

    var issue = Jsoup.parse(get(base, "/_press/newsletter/2026-11-02/").body());
    assertThat(issue.select("iframe[src=email.html][width=375]")).hasSize(1);
    assertThat(issue.select("iframe[src=email.html][width=680]")).hasSize(1);
    assertThat(issue.select("pre.text").text())
        .isEqualTo(Jsoup.parse("<pre>" + Files.readString(tmp.resolve("target/serve/newsletter/2026-11-02/email.txt"))
            .replace("&", "&amp;").replace("<", "&lt;") + "</pre>").select("pre").text());
    HttpResponse<String> email = get(base, "/_press/newsletter/2026-11-02/email.html");
    assertThat(email.body()).isEqualTo(Files.readString(tmp.resolve("target/serve/newsletter/2026-11-02/email.html")));
    assertThat(get(base, "/_press/newsletter/1999-01-01/").statusCode()).isEqualTo(404);
    assertThat(get(base, "/_press/newsletter/2026-11-02/../../../jbake.properties").statusCode()).isIn(403, 404);
  }

  @Test
  void previewsTheListEmailsLikeIssues() throws Exception {
    project = TestSite.create(tmp, "basic");
    Files.createDirectories(project.resolve("content/list"));
    for (String name : List.of("confirm", "already", "welcome")) {
      Files.copy(Path.of("content/list", name + ".md"), project.resolve("content/list/" + name + ".md"));
    }
    URI base = start(false, true);

    var index = Jsoup.parse(get(base, "/_press/newsletter/").body());
    assertThat(index.select("a[href^=list/]").eachAttr("href")).containsExactly("list/confirm/", "list/already/", "list/welcome/");
    var confirm = Jsoup.parse(get(base, "/_press/newsletter/list/confirm/").body());
    assertThat(confirm.select("h1").text()).isEqualTo("Confirm your Callback Press subscription");
    assertThat(confirm.select("iframe[src=email.html][width=375]")).hasSize(1);
    assertThat(confirm.select("pre.text").text()).contains("<{{confirm_url}}>");
    HttpResponse<String> eml = get(base, "/_press/newsletter/list/welcome/email.eml");
    assertThat(eml.body()).isEqualTo(Files.readString(tmp.resolve("target/serve/newsletter/list/welcome/email.eml")));
    assertThat(get(base, "/_press/newsletter/list/goodbye/").statusCode()).isEqualTo(404);
    assertThat(get(base, "/_press/newsletter/list/confirm/secret.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void pathsOutsideTheSiteAreRefused() throws Exception {
    URI base = start(false);
    Files.writeString(tmp.resolve("target/serve/secret.txt"), "SECRET-OUTSIDE");
    Files.createSymbolicLink(tmp.resolve("target/serve/site/leak.txt"), tmp.resolve("target/serve/secret.txt"));
    Files.createSymbolicLink(tmp.resolve("target/serve/site/leakdir"), tmp.resolve("target/serve"));
    for (String target : List.of(
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e/%2e%2E/serve/secret.txt", "/..%2fsecret.txt",
        "/css/..%2F..%2Fsecret.txt", "/..\\secret.txt", "/leak.txt", "/leakdir/secret.txt",
        "/" + tmp.resolve("target/serve/secret.txt"), "http://127.0.0.1/../secret.txt",
        "/_press/newsletter/../../secret.txt")) {
      String response = raw(base, target);
      assertThat(response).as(target).matches("(?s)HTTP/1\\.1 (403|404|400) .*").doesNotContain("SECRET-OUTSIDE");
    }
    assertThat(raw(base, "/css/site.css")).startsWith("HTTP/1.1 200 ");
  }

  @Test
  void otherHostNamesAreRefused() throws Exception {
    URI base = start(false);
    String response = raw(base, "/", "rebind.example:" + base.getPort());
    assertThat(response).startsWith("HTTP/1.1 403 ");
  }

  private static String raw(URI base, String target) throws IOException {
    return raw(base, target, "127.0.0.1:" + base.getPort());
  }

  /** One request written byte for byte, so no client library normalises the path first. */
  private static String raw(URI base, String target, String host) throws IOException {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
