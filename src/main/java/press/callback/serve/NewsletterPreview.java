package press.callback.serve;

import press.callback.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import press.callback.content.ListEmail;
import press.callback.site.LivePreview;
import press.callback.site.LiveSite;

/**
 * {@code /_press/newsletter/}: the issues' emails as subscribers get them — the HTML email at
 * full width, the same email in a 375px phone frame, and the plain-text part — plus the raw
 * files ({@code email.html}, {@code email.txt}, {@code email.eml}); and the list service's
 * emails the same way, at {@code /_press/newsletter/list/<name>/}.
 */
final class NewsletterPreview {
  private static final Set<String> FILES = Set.of("email.html", "email.txt", "email.eml");

  private final LiveSite site;
  private final BiFunction<String, String, String> page;

  /** @param page makes a served page of HTML (adds the live-reload script) */
  NewsletterPreview(LiveSite site, BiFunction<String, String, String> page) {
    this.site = site;
    this.page = page;
  }

  void serve(HttpResponse exchange, SitePath path, boolean head) throws IOException {
    List<String> s = path.segments(); // _press, newsletter, …
    if (s.size() == 2) {
      if (!path.folder()) {
        redirect(exchange, "/_press/newsletter/");
        return;
      }
      html(exchange, 200, index(), head);
      return;
    }
    if (s.get(2).equals(ListEmail.FOLDER)) {
      listEmail(exchange, path, head);
      return;
    }
    LivePreview.IssueView issue = site.preview().issues().stream().filter(i -> i.id().equals(s.get(2))).findFirst().orElse(null);
    if (issue == null || s.size() > 4 || s.size() == 4 && !FILES.contains(s.get(3))) {
      html(exchange, 404, frame("Not found", "<h1>No such issue</h1><p><a href=\"/_press/newsletter/\">All issues</a></p>"), head);
      return;
    }
    Path folder = site.settings().newsletter().resolve(issue.id());
    if (s.size() == 3) {
      if (!path.folder()) {
        redirect(exchange, "/_press/newsletter/" + issue.id() + "/");
        return;
      }
      html(exchange, 200, issuePage(issue, folder), head);
      return;
    }
    file(exchange, folder.resolve(s.get(3)), head);
  }

  private void file(HttpResponse exchange, Path file, boolean head) throws IOException {
    if (!Files.isRegularFile(file)) {
      html(exchange, 404, frame("Not found", "<h1>Not written yet</h1><p>The email has not been baked: see the errors.</p>"), head);
      return;
    }
    String type = file.getFileName().toString().endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    exchange.header("Cache-Control", "no-store");
    DevServer.bytes(exchange, 200, type, Files.readAllBytes(file), head);
  }

  /**
   * {@code /_press/newsletter/list/<name>/}: a list email (confirm, already, welcome) as the
   * service sends it, placeholders still in it, and its files.
   */
  private void listEmail(HttpResponse exchange, SitePath path, boolean head) throws IOException {
    List<String> s = path.segments(); // _press, newsletter, list, name, file
    ListEmail email = s.size() < 4 ? null
        : site.preview().listEmails().stream().filter(e -> e.name().equals(s.get(3))).findFirst().orElse(null);
    if (email == null || s.size() > 5 || s.size() == 5 && !FILES.contains(s.get(4))) {
      html(exchange, 404, frame("Not found", "<h1>No such list email</h1><p><a href=\"/_press/newsletter/\">All emails</a></p>"), head);
      return;
    }
    Path folder = site.settings().newsletter().resolve(ListEmail.FOLDER).resolve(email.name());
    if (s.size() == 4) {
      if (!path.folder()) {
        redirect(exchange, "/_press/newsletter/list/" + email.name() + "/");
        return;
      }
      html(exchange, 200, emailPage(email.subject(), email.preheader(), email.name(), null, null, folder), head);
      return;
    }
    file(exchange, folder.resolve(s.get(4)), head);
  }

  private String index() {
    StringBuilder rows = new StringBuilder();
    for (LivePreview.IssueView i : site.preview().issues()) {
      rows.append("<li><a href=\"").append(Injection.escape(i.id())).append("/\">").append(i.date())
          .append(": ").append(Injection.escape(i.subject())).append("</a>")
          .append(i.mark() == null ? "" : " <em>(" + Injection.escape(i.mark()) + ")</em>")
          .append("</li>\n");
    }
    String hidden = site.preview().hiddenDraftIssues() == 0 ? ""
        : "<p>" + site.preview().hiddenDraftIssues() + " draft issue" + (site.preview().hiddenDraftIssues() == 1 ? " is" : "s are")
            + " not shown: run <code>press serve --drafts</code> to preview drafts.</p>";
    StringBuilder lists = new StringBuilder();
    for (ListEmail e : site.preview().listEmails()) {
      lists.append("<li><a href=\"list/").append(e.name()).append("/\">").append(e.name()).append(".md: ")
          .append(Injection.escape(e.subject())).append("</a></li>\n");
    }
    return frame("Newsletter previews",
        "<h1>Newsletter previews</h1>"
            + (rows.length() == 0 ? "<p>No issues yet: <code>press new issue</code> starts one.</p>" : "<ul>" + rows + "</ul>")
            + hidden
            + (lists.length() == 0 ? "" : "<h2>The list service's emails</h2><p>From <code>content/list/</code>;"
                + " the service fills <code>{{confirm_url}}</code>, <code>{{manage_url}}</code> and <code>{{name}}</code>.</p>"
                + "<ul>" + lists + "</ul>"));
  }

  private String issuePage(LivePreview.IssueView issue, Path folder) throws IOException {
    return emailPage(issue.subject(), issue.preheader(), issue.id(), issue.url(), issue.mark(), folder);
  }

  /** An email's preview page; {@code url} its web page and {@code mark} its draft note, or null. */
  private String emailPage(String subject, String preheader, String name, String url, String mark, Path folder)
      throws IOException {
    Path text = folder.resolve("email.txt");
    String plain = Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8) : "(not written yet)";
    String id = Injection.escape(name);
    return frame(subject,
        "<p><a href=\"/_press/newsletter/\">All emails</a> · <a href=\"email.eml\">email.eml</a> · "
            + "<a href=\"email.txt\">email.txt</a>"
            + (url == null ? "" : " · <a href=\"" + Injection.escape(url) + "\">web page</a>") + "</p>"
            + (mark == null ? "" : "<p class=\"mark\">" + Injection.escape(mark) + "</p>")
            + "<h1>" + Injection.escape(subject) + "</h1>"
            + "<p class=\"pre\">Preheader: " + Injection.escape(preheader) + "</p>"
            + "<div class=\"views\">"
            + "<figure><figcaption>As sent (desktop)</figcaption>"
            + "<iframe title=\"Email " + id + " at full width\" src=\"email.html\" width=\"680\" height=\"900\"></iframe></figure>"
            + "<figure><figcaption>Phone, 375px wide</figcaption><div class=\"phone\">"
            + "<iframe title=\"Email " + id + " on a phone\" src=\"email.html\" width=\"375\" height=\"740\"></iframe></div></figure>"
            + "</div>"
            + "<h2>Plain-text part</h2><pre class=\"text\">" + Injection.escape(plain) + "</pre>");
  }

  private String frame(String title, String body) {
    return page.apply("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + Injection.escape(title) + " · press preview</title><style>"
        + "body{font:16px/1.5 system-ui,sans-serif;margin:24px;color:#1a1a1a;background:#f3f3f3}"
        + ".views{display:flex;flex-wrap:wrap;gap:32px;align-items:flex-start}"
        + "figure{margin:0}figcaption{font-weight:600;margin-bottom:8px}"
        + "iframe{border:1px solid #bbb;background:#fff}"
        + ".phone{padding:48px 12px;border-radius:36px;background:#222;display:inline-block}"
        + ".phone iframe{border:0;display:block}"
        + ".text{background:#fff;border:1px solid #bbb;padding:16px;max-width:72ch;white-space:pre-wrap}"
        + ".mark{background:#7a1f00;color:#fff;padding:6px 12px;display:inline-block}.pre{color:#555}"
        + "</style></head><body>" + body + "</body></html>", null);
  }

  private static void html(HttpResponse exchange, int status, String html, boolean head) throws IOException {
    exchange.header("Cache-Control", "no-store");
    DevServer.bytes(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), head);
  }

  private static void redirect(HttpResponse exchange, String to) throws IOException {
    exchange.header("Location", to);
    DevServer.bytes(exchange, 301, "text/plain; charset=utf-8", new byte[0], true);
  }
}
