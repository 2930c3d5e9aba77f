package press.callback.serve;

import press.callback.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import press.callback.site.LiveSite;

/**
 * {@code /_press/newsletter/}: the issues' emails as subscribers get them — the HTML email at
 * full width, the same email in a 375px phone frame, and the plain-text part — plus the raw
 * files ({@code email.html}, {@code email.txt}, {@code email.eml}).
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
    LiveSite.IssueView issue = site.issues().stream().filter(i -> i.id().equals(s.get(2))).findFirst().orElse(null);
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
    Path file = folder.resolve(s.get(3));
    if (!Files.isRegularFile(file)) {
      html(exchange, 404, frame("Not found", "<h1>Not written yet</h1><p>The email has not been baked: see the errors.</p>"), head);
      return;
    }
    String type = s.get(3).endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    exchange.header("Cache-Control", "no-store");
    DevServer.bytes(exchange, 200, type, Files.readAllBytes(file), head);
  }

  private String index() {
    StringBuilder rows = new StringBuilder();
    for (LiveSite.IssueView i : site.issues()) {
      rows.append("<li><a href=\"").append(Injection.escape(i.id())).append("/\">").append(i.date())
          .append(": ").append(Injection.escape(i.subject())).append("</a>")
          .append(i.mark() == null ? "" : " <em>(" + Injection.escape(i.mark()) + ")</em>")
          .append("</li>\n");
    }
    String hidden = site.hiddenDraftIssues() == 0 ? ""
        : "<p>" + site.hiddenDraftIssues() + " draft issue" + (site.hiddenDraftIssues() == 1 ? " is" : "s are")
            + " not shown: run <code>press serve --drafts</code> to preview drafts.</p>";
    return frame("Newsletter previews",
        "<h1>Newsletter previews</h1>"
            + (rows.length() == 0 ? "<p>No issues yet: <code>press new issue</code> starts one.</p>" : "<ul>" + rows + "</ul>")
            + hidden);
  }

  private String issuePage(LiveSite.IssueView issue, Path folder) throws IOException {
    Path text = folder.resolve("email.txt");
    String plain = Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8) : "(not written yet)";
    String id = Injection.escape(issue.id());
    return frame(issue.subject(),
        "<p><a href=\"/_press/newsletter/\">All issues</a> · <a href=\"email.eml\">email.eml</a> · "
            + "<a href=\"email.txt\">email.txt</a> · <a href=\"" + Injection.escape(issue.url()) + "\">web page</a></p>"
            + (issue.mark() == null ? "" : "<p class=\"mark\">" + Injection.escape(issue.mark()) + "</p>")
            + "<h1>" + Injection.escape(issue.subject()) + "</h1>"
            + "<p class=\"pre\">Preheader: " + Injection.escape(issue.preheader()) + "</p>"
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
