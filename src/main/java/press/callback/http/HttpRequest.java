package press.callback.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request as {@link HttpServer} read it: method, target, version and headers (names in lower
 * case), checked for what HTTP/1.1 requires; its body when the server reads bodies (else empty),
 * and the peer's address.
 *
 * @param body the body read by its Content-Length; empty when there is none or bodies are not read
 * @param remote the client's address (the proxy's, behind one), or {@code null} when not known
 */
public record HttpRequest(String method, String rawPath, String rawQuery, String version,
    Map<String, List<String>> headers, byte[] body, java.net.InetAddress remote) {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern VERSION = Pattern.compile("HTTP/([0-9])\\.([0-9])");

  /** The same request with its body and the client's address. */
  HttpRequest with(byte[] body, java.net.InetAddress remote) {
    return new HttpRequest(method, rawPath, rawQuery, version, headers, body, remote);
  }

  /** Whether the request says it has a body (a Content-Length above 0, or a Transfer-Encoding). */
  public boolean announcesBody() {
    return headers.containsKey("transfer-encoding")
        || (headers.containsKey("content-length") && !"0".equals(header("content-length")));
  }

  /** The header's only value, or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Whether the connection ends after this request's response: the client asks so, or it sent a
   * body the server did not read (what follows on the connection is not a request).
   */
  boolean closes() {
    String connection = header("connection");
    String c = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
    boolean unread = announcesBody() && body.length == 0;
    return unread || c.contains("close") || (version.equals("HTTP/1.0") && !c.contains("keep-alive"));
  }

  static Builder parseRequestLine(String line) throws HeadReader.Refused {
    if (hasControl(line, false)) {
      throw bad("The request line holds a control character.");
    }
    String[] parts = line.split(" ", -1);
    if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || parts[1].isEmpty()) {
      throw bad("The request line is not 'METHOD /path HTTP/1.1'.");
    }
    Matcher v = VERSION.matcher(parts[2]);
    if (!v.matches()) {
      throw bad("The request line has no HTTP version.");
    }
    if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
      throw new HeadReader.Refused(505, "Only HTTP/1.0 and HTTP/1.1 are served, not " + parts[2] + ".");
    }
    String target = parts[1];
    if (!target.startsWith("/")) {
      throw bad("The request target must be a path that starts with /.");
    }
    int q = target.indexOf('?');
    return new Builder(parts[0], q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1), parts[2]);
  }

  /**
   * Whether {@code line} holds a control character (a tab only in header values, where HTTP
   * allows it): a bare CR or a NUL passed on could split or cut a header where it is repeated.
   */
  private static boolean hasControl(String line, boolean tabAllowed) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static HeadReader.Refused bad(String message) {
    return new HeadReader.Refused(400, message);
  }

  /** Collects the headers of a request whose request line was read. */
  static final class Builder {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final String version;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private Builder(String method, String rawPath, String rawQuery, String version) {
      this.method = method;
      this.rawPath = rawPath;
      this.rawQuery = rawQuery;
      this.version = version;
    }

    void header(String line) throws HeadReader.Refused {
      int colon = line.indexOf(':');
      if (line.startsWith(" ") || line.startsWith("\t")) {
        throw bad("Folded header lines are not accepted.");
      }
      if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
        throw bad("A header line is not 'Name: value'.");
      }
      if (hasControl(line, true)) {
        throw bad("A header line holds a control character.");
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
    }

    HttpRequest build() throws HeadReader.Refused {
      List<String> hosts = headers.getOrDefault("host", List.of());
      if (hosts.size() > 1) {
        throw bad("A request may have one Host header, not " + hosts.size() + ".");
      }
      if (hosts.isEmpty() && version.equals("HTTP/1.1")) {
        throw bad("An HTTP/1.1 request needs a Host header.");
      }
      List<String> lengths = headers.getOrDefault("content-length", List.of());
      if (lengths.size() > 1 || (lengths.size() == 1 && !lengths.get(0).matches("[0-9]{1,18}"))) {
        throw bad("The Content-Length header is not one number.");
      }
      Map<String, List<String>> copy = new LinkedHashMap<>();
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new HttpRequest(method, rawPath, rawQuery, version, Map.copyOf(copy), new byte[0], null);
    }
  }
}
