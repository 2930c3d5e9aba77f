package press.callback.list;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import press.callback.mail.Envelope;
import press.callback.mail.MimeWriter;

/** What the list service's tests share: a clock they move, the list emails, plain HTTP calls. */
final class ListServiceFixture {
  static final String SECRET = "list-test-secret-of-good-length";
  static final String SITE = "https://callback.press";

  private ListServiceFixture() {}

  /** A clock the test moves forward (tokens expire after 7 days). */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(java.time.Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /**
   * Writes the baked list emails with the contract's placeholders.
   *
   * <p>TODO(issue 15, site side): once the bake writes target/newsletter/list/ from
   * content/list/*.md, write those Markdown files into the test project and bake it instead.
   */
  static void writeListEmails(Path project) throws IOException {
    write(project, "confirm", "Confirm your subscription",
        "Please confirm: {{confirm_url}}", "<p><a href=\"{{confirm_url}}\">Confirm</a></p>");
    write(project, "already", "You are already subscribed",
        "Hi {{name}}, you are already on the list. Manage it: {{manage_url}}",
        "<p>Hi {{name}}, you are already on the list. <a href=\"{{manage_url}}\">Manage it</a></p>");
    write(project, "welcome", "Welcome to Callback Press Weekly",
        "Welcome, {{name}}! Your preferences: {{manage_url}}",
        "<p>Welcome, {{name}}! <a href=\"{{manage_url}}\">Your preferences</a></p>");
  }

  private static void write(Path project, String name, String subject, String text, String html) throws IOException {
    Envelope env = new Envelope("Callback Press <weekly@callback.press>", "", subject,
        ZonedDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.UTC), "list-" + name + "@callback.press", "", "", "");
    Path eml = project.resolve("target/newsletter/list").resolve(name).resolve("email.eml");
    Files.createDirectories(eml.getParent());
    Files.write(eml, MimeWriter.write(env, text, html));
  }

  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(URI base, String path, String type, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (type != null) {
      b.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String form(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  /** Sends raw bytes and reads the whole answer until the server closes (or 15 s pass). */
  static String raw(URI base, byte[] request) throws IOException {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before taking all of a large body
      }
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
