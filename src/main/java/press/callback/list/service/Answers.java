package press.callback.list.service;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import press.callback.http.HttpResponse;

/**
 * How the list service answers: a page from its templates, a small JSON answer for the site's
 * script, a redirect to the site (303), and the pages of a request it does not serve.
 */
final class Answers {
  private final ListPages pages;
  private final ListService.Site site;

  Answers(ListPages pages, ListService.Site site) {
    this.pages = pages;
    this.site = site;
  }

  void answer(HttpResponse response, boolean json, int status, boolean ok, String message, String title) {
    if (json) {
      Map<String, Object> answer = new LinkedHashMap<>(); // "ok" first, always: the same bytes every time
      answer.put("ok", ok);
      answer.put("message", message);
      String body = press.callback.http.Json.write(answer) + "\n";
      response.send(status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    } else {
      page(response, status, title, message, site.siteHost() + "/subscribe/", "Back to the subscribe page");
    }
  }

  static void redirect(HttpResponse response, String to) {
    response.header("Location", to).send(303, "text/plain; charset=utf-8", ("See " + to + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void notFound(HttpResponse response) {
    page(response, 404, "This link does not work",
        "We do not know this link. If you copied it from an email, check that all of it was copied.",
        site.siteHost() + "/", site.siteTitle());
  }

  void notAllowed(HttpResponse response, String allow) {
    response.header("Allow", allow);
    page(response, 405, "Not here", "This address does not take that kind of request.", site.siteHost() + "/",
        site.siteTitle());
  }

  void page(HttpResponse response, int status, String template, Map<String, Object> values) {
    response.send(status, "text/html; charset=utf-8", pages.render(template, values));
  }

  void page(HttpResponse response, int status, String title, String text, String linkUrl, String linkText) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("text", text);
    values.put("linkUrl", linkUrl == null ? "" : linkUrl);
    values.put("linkText", linkText == null ? "" : linkText);
    page(response, status, "message.ftl", values);
  }
}
