package press.callback.list.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import press.callback.http.HttpRequest;
import press.callback.http.HttpResponse;

/**
 * Who asks the list service, and from where: whether a form comes from the site's own pages
 * (Origin, else Referer) and may be answered across origins, the client's address behind the one
 * trusted proxy, whether it wants JSON, and whether a token in a path is shaped like one.
 */
final class Callers {
  private final ListService.Site site;

  Callers(ListService.Site site) {
    this.site = site;
  }

  /** Whether a subscribe POST comes from the site's own pages: its Origin, or else its Referer. */
  boolean fromSite(HttpRequest request) {
    String origin = request.header("origin");
    if (origin != null) {
      return origin.equalsIgnoreCase(site.origin());
    }
    String referer = request.header("referer");
    return referer != null && (referer.equalsIgnoreCase(site.origin()) || referer.toLowerCase(Locale.ROOT)
        .startsWith(site.origin().toLowerCase(Locale.ROOT) + "/"));
  }

  void cors(HttpRequest request, HttpResponse response) {
    response.header("Vary", "Origin");
    String origin = request.header("origin");
    if (origin != null && origin.equalsIgnoreCase(site.origin())) {
      response.header("Access-Control-Allow-Origin", site.origin());
    }
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

  static boolean wantsJson(HttpRequest request) {
    String accept = request.header("accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
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
}
