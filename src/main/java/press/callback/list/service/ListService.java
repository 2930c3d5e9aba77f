package press.callback.list.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import press.callback.http.Form;
import press.callback.http.HttpRequest;
import press.callback.http.HttpResponse;
import press.callback.http.HttpServer;
import press.callback.list.ListFlows;
import press.callback.list.ListStatus;
import press.callback.list.ListStore;
import press.callback.list.Member;

/**
 * {@code press list serve}'s HTTP edge: the routes of the list service, each a call into {@link
 * ListFlows} and a page, a redirect to the site or a small JSON answer. A GET never changes
 * anything (link scanners follow GETs); every state change is a POST. Every response, refusals of
 * the server included, carries the security headers.
 */
public final class ListService implements AutoCloseable {
  /** The largest request body read: a form is a few hundred bytes (webhooks: {@link Webhooks#MAX_BODY}). */
  static final int MAX_BODY = 16 * 1024;

  /**
   * What the service needs to know of the site and the list.
   *
   * @param siteHost the site's address ({@code site.host}), without a trailing slash
   * @param siteTitle the site's title, for the pages' header
   * @param listName the newsletter's name ({@code Callback Press Weekly})
   * @param lang the pages' language ({@code en-US})
   * @param trustedProxy the one client address whose {@code X-Forwarded-For} is believed, or null
   */
  public record Site(String siteHost, String siteTitle, String listName, String lang, InetAddress trustedProxy) {
    /** The site's origin ({@code https://callback.press}): what a subscribe form's Origin must be. */
    public String origin() {
      URI u = URI.create(siteHost);
      return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
          + (u.getPort() > 0 ? ":" + u.getPort() : "");
    }
  }

  private final ListFlows flows;
  private final ListPages pages;
  private final Site site;
  private final MailQueue mail;
  private final HttpServer server;
  private final byte[] script;
  private final Webhooks hooks;

  private ListService(ListFlows flows, ListPages pages, Site site, MailQueue mail, Webhooks hooks, String host,
      int port, HttpServer.Limits limits) throws IOException {
    this.flows = flows;
    this.hooks = hooks;
    this.pages = pages;
    this.site = site;
    this.mail = mail;
    try (InputStream in = ListService.class.getResourceAsStream("list.js")) {
      this.script = in.readAllBytes();
    }
    this.server = HttpServer.start(host, port, limits, securityHeaders(site),
        head -> Webhooks.maxBody(head, limits.maxBody()), this::handle);
  }

  /** Starts the service on {@code host}:{@code port} (0: a free port). */
  static ListService start(ListFlows flows, ListPages pages, Site site, MailQueue mail, Webhooks hooks, String host,
      int port) throws IOException {
    HttpServer.Limits limits = HttpServer.Limits.DEFAULT.withMaxBody(MAX_BODY).withMaxConnections(256);
    return new ListService(flows, pages, site, mail, hooks, host, port, limits);
  }

  /** The headers on every response. */
  static Map<String, String> securityHeaders(Site site) {
    String origin = site.origin();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", "default-src 'none'; style-src " + origin + "; img-src " + origin
        + "; script-src 'self'; form-action 'self' " + origin + "; frame-ancestors 'none'; base-uri 'none'");
    h.put("Referrer-Policy", "no-referrer");
    h.put("X-Frame-Options", "DENY");
    h.put("Cache-Control", "no-store");
    h.put("X-Content-Type-Options", "nosniff");
    return h;
  }

  public InetSocketAddress address() {
    return server.address();
  }

  @Override
  public void close() {
    server.close();
    mail.close();
  }

  private void handle(HttpRequest request, HttpResponse response) {
    try {
      route(request, response);
    } catch (RuntimeException e) {
      page(response, 500, "Something went wrong", "The list service could not do this just now. Please try again in a minute.",
          null, null);
    }
  }

  private void route(HttpRequest request, HttpResponse response) {
    String path = request.rawPath();
    String method = request.method();
    boolean get = method.equals("GET") || method.equals("HEAD");
    boolean post = method.equals("POST");
    if (path.startsWith(Webhooks.PREFIX)) { // server to server: no Origin, its own authentication
      if (!hooks.handle(request, response)) {
        notFound(response);
      }
      return;
    }
    if (path.equals("/health")) {
      if (!get) {
        notAllowed(response, "GET");
      } else {
        response.send(200, "text/plain; charset=utf-8", "ok\n".getBytes(StandardCharsets.US_ASCII));
      }
      return;
    }
    if (path.equals("/list.js")) {
      response.send(200, "text/javascript; charset=utf-8", script);
      return;
    }
    if (path.equals("/subscribe")) {
      if (method.equals("OPTIONS")) {
        cors(request, response);
        response.header("Access-Control-Allow-Methods", "POST").header("Access-Control-Max-Age", "600")
            .send(204, "text/plain", new byte[0]);
      } else if (post) {
        subscribe(request, response);
      } else {
        notAllowed(response, "POST");
      }
      return;
    }
    int slash = path.indexOf('/', 1);
    String route = slash < 0 ? path : path.substring(0, slash);
    String token = slash < 0 ? "" : path.substring(slash + 1);
    if (!route.equals("/confirm") && !route.equals("/u") && !route.equals("/prefs") || !tokenShaped(token)) {
      notFound(response);
      return;
    }
    if (!get && !post) {
      notAllowed(response, "GET, POST");
      return;
    }
    Map<String, String> form;
    try {
      form = post ? Form.parse(request.header("content-type"), request.body()) : Map.of();
    } catch (Form.Malformed e) {
      if (!route.equals("/u")) {
        page(response, 400, "That did not work", "The form was not sent as expected (" + e.getMessage() + ").", null, null);
        return;
      }
      form = Map.of(); // a one-click POST unsubscribes whatever its body holds
    }
    switch (route) {
      case "/confirm" -> confirm(request, response, token, post);
      case "/u" -> unsubscribe(response, token, post, form);
      default -> prefs(response, token, post, form);
    }
  }

  private void subscribe(HttpRequest request, HttpResponse response) {
    boolean json = wantsJson(request);
    if (!fromSite(request)) {
      answer(response, json, 403, false, "Subscribe on " + site.siteHost() + "/subscribe/.", "Not from the site");
      return;
    }
    cors(request, response);
    Map<String, String> form;
    try {
      form = Form.parse(request.header("content-type"), request.body());
    } catch (Form.Malformed e) {
      answer(response, json, 400, false, "The form was not sent as expected.", "That did not work");
      return;
    }
    ListFlows.Answer a = flows.subscribe(form.get("email"), form.get("name"), form.get("website"), client(request));
    if (a == ListFlows.Answer.INVALID_ADDRESS) {
      answer(response, json, 400, false, "Please enter an email address such as name@example.org.", "Check the address");
      return;
    }
    if (json) {
      answer(response, true, 200, true, "Check your inbox: we sent you a link to confirm.", null);
    } else {
      redirect(response, site.siteHost() + "/subscribe/check-your-inbox/");
    }
  }

  private void confirm(HttpRequest request, HttpResponse response, String token, boolean post) {
    if (!post) {
      page(response, 200, "confirm.ftl", Map.of("action", "/confirm/" + token, "scriptUrl", "/list.js"));
      return;
    }
    switch (flows.confirm(token, client(request))) {
      case CONFIRMED -> redirect(response, site.siteHost() + "/subscribe/welcome/");
      case USED -> page(response, 410, "This link was used already",
          "You confirmed with this link before, so you are on the list. To sign up again, subscribe on the site.",
          site.siteHost() + "/subscribe/", "Subscribe again");
      case EXPIRED -> page(response, 410, "This link has expired",
          "Confirmation links work for 7 days. Subscribe again and we will send you a new one.",
          site.siteHost() + "/subscribe/", "Subscribe again");
      default -> page(response, 404, "This link does not work",
          "We do not know this confirmation link. Subscribe again and we will send you a new one.",
          site.siteHost() + "/subscribe/", "Subscribe again");
    }
  }

  private void unsubscribe(HttpResponse response, String token, boolean post, Map<String, String> form) {
    if (!post) {
      Optional<Member> m = flows.member(token);
      if (m.isEmpty()) {
        notFound(response);
        return;
      }
      page(response, 200, "unsubscribe.ftl", Map.of("address", ListFlows.masked(m.get().email()), "action", "/u/" + token,
          "prefsUrl", "/prefs/" + token));
      return;
    }
    boolean page = "page".equals(form.get("via"));
    Optional<Member> m = flows.unsubscribe(token, page ? "page" : "one-click");
    if (m.isEmpty()) {
      notFound(response);
    } else if (page) {
      redirect(response, site.siteHost() + "/subscribe/unsubscribed/");
    } else { // RFC 8058: the mail provider's POST gets 200, never a redirect
      page(response, 200, "You are unsubscribed", "You will get no more emails from " + site.listName() + ".",
          "/prefs/" + token, "Your preferences");
    }
  }

  private void prefs(HttpResponse response, String token, boolean post, Map<String, String> form) {
    String action = post ? form.getOrDefault("action", "") : "";
    Optional<Member> m;
    String notice = "";
    switch (action) {
      case "rename" -> {
        m = flows.rename(token, form.getOrDefault("name", ""));
        notice = "Your name is saved.";
      }
      case "resubscribe" -> {
        m = flows.resubscribe(token);
        notice = "You are subscribed again.";
      }
      case "unsubscribe" -> {
        m = flows.unsubscribe(token, "prefs");
        notice = "You are unsubscribed.";
      }
      case "download" -> {
        Optional<String> data = flows.data(token);
        if (data.isEmpty()) {
          notFound(response);
        } else {
          response.header("Content-Disposition", "attachment; filename=\"my-subscription.json\"")
              .send(200, "application/json; charset=utf-8", data.get().getBytes(StandardCharsets.UTF_8));
        }
        return;
      }
      case "delete" -> {
        if (!"yes".equals(form.get("sure"))) {
          m = flows.member(token);
          notice = "Tick the box to confirm, then press Delete me.";
          break;
        }
        if (!flows.forget(token)) {
          notFound(response);
        } else {
          page(response, 200, "Your data is deleted",
              "Your address and its history are gone. We keep only a keyed hash of it, so that no import adds it back.",
              site.siteHost() + "/", site.siteTitle());
        }
        return;
      }
      case "" -> m = flows.member(token);
      default -> {
        page(response, 400, "That did not work", "The form asked for something we do not know.", "/prefs/" + token,
            "Your preferences");
        return;
      }
    }
    if (m.isEmpty()) {
      notFound(response);
      return;
    }
    Member member = m.get();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("notice", notice);
    values.put("address", member.email());
    values.put("name", member.name());
    values.put("status", member.status().word());
    values.put("subscribed", member.status() == ListStatus.SUBSCRIBED || member.status() == ListStatus.PENDING);
    values.put("canResubscribe", member.status() == ListStatus.UNSUBSCRIBED);
    values.put("action", "/prefs/" + token);
    page(response, 200, "prefs.ftl", values);
  }

  /** Whether a subscribe POST comes from the site's own pages: its Origin, or else its Referer. */
  private boolean fromSite(HttpRequest request) {
    String origin = request.header("origin");
    if (origin != null) {
      return origin.equalsIgnoreCase(site.origin());
    }
    String referer = request.header("referer");
    return referer != null && (referer.equalsIgnoreCase(site.origin()) || referer.toLowerCase(Locale.ROOT)
        .startsWith(site.origin().toLowerCase(Locale.ROOT) + "/"));
  }

  private void cors(HttpRequest request, HttpResponse response) {
    response.header("Vary", "Origin");
    String origin = request.header("origin");
    if (origin != null && origin.equalsIgnoreCase(site.origin())) {
      response.header("Access-Control-Allow-Origin", site.origin());
    }
  }

  private static boolean wantsJson(HttpRequest request) {
    String accept = request.header("accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
  }

  /**
   * The client's address: the connection's peer, or, when the peer is the trusted proxy, the
   * last address the proxy added to {@code X-Forwarded-For}.
   */
  InetAddress client(HttpRequest request) {
    InetAddress peer = request.remote();
    if (peer == null || site.trustedProxy() == null || !peer.equals(site.trustedProxy())) {
      return peer;
    }
    var forwarded = request.headers().get("x-forwarded-for");
    if (forwarded == null || forwarded.isEmpty()) {
      return peer;
    }
    String last = forwarded.get(forwarded.size() - 1);
    String[] hops = last.split(",");
    String hop = hops[hops.length - 1].strip();
    if (!hop.matches("[0-9a-fA-F:.]{2,45}")) {
      return peer;
    }
    try {
      return InetAddress.getByName(hop); // a literal: no name lookup
    } catch (UnknownHostException e) {
      return peer;
    }
  }

  /** A token's shape: URL-safe characters and dots, not too long; anything else is a 404 at once. */
  static boolean tokenShaped(String token) {
    if (token.isEmpty() || token.length() > 420) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private void answer(HttpResponse response, boolean json, int status, boolean ok, String message, String title) {
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

  private static void redirect(HttpResponse response, String to) {
    response.header("Location", to).send(303, "text/plain; charset=utf-8", ("See " + to + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private void notFound(HttpResponse response) {
    page(response, 404, "This link does not work",
        "We do not know this link. If you copied it from an email, check that all of it was copied.",
        site.siteHost() + "/", site.siteTitle());
  }

  private void notAllowed(HttpResponse response, String allow) {
    response.header("Allow", allow);
    page(response, 405, "Not here", "This address does not take that kind of request.", site.siteHost() + "/",
        site.siteTitle());
  }

  private void page(HttpResponse response, int status, String template, Map<String, Object> values) {
    response.send(status, "text/html; charset=utf-8", pages.render(template, values));
  }

  private void page(HttpResponse response, int status, String title, String text, String linkUrl, String linkText) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("text", text);
    values.put("linkUrl", linkUrl == null ? "" : linkUrl);
    values.put("linkText", linkText == null ? "" : linkText);
    page(response, status, "message.ftl", values);
  }

}
