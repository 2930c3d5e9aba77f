package press.callback.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response to one request of {@link HttpServer}: a status, headers and a body sent at once;
 * or a stream that stays open (server-sent events) and closes the connection. The server's own
 * headers (security headers, say) are on every response, refusals included.
 */
public final class HttpResponse {
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
      Map.entry(303, "See Other"), Map.entry(400, "Bad Request"), Map.entry(411, "Length Required"),
      Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(429, "Too Many Requests"),
      Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(408, "Request Timeout"), Map.entry(414, "URI Too Long"),
      Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
      Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));

  private final boolean head;
  private final OutputStream connection;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private int status = 500;
  private byte[] body = new byte[0];
  private boolean sent;
  private boolean streaming;

  HttpResponse(boolean head, OutputStream connection, Map<String, String> always) {
    this.head = head;
    this.connection = connection;
    this.headers.putAll(always);
  }

  /** Sets a header of the response (replacing one of the same name). */
  public HttpResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The response: status, content type and body (left out for HEAD, its length kept). */
  public void send(int status, String type, byte[] body) {
    this.status = status;
    this.body = body;
    headers.put("Content-Type", type);
    headers.put("X-Content-Type-Options", "nosniff");
    sent = true;
  }

  /**
   * Sends the status and headers now and returns the body's stream, which stays open for the
   * caller to write to; the server closes it when the client goes away (or the caller does).
   */
  public OutputStream stream(int status, String type) throws IOException {
    this.status = status;
    headers.put("Content-Type", type);
    headers.put("Connection", "close");
    streaming = true;
    connection.write(head(false, -1));
    connection.flush();
    return connection;
  }

  boolean streaming() {
    return streaming;
  }

  boolean closes() {
    return !sent;
  }

  /** The whole response, head and body, to write at once. */
  byte[] bytes(boolean close) {
    byte[] h = head(close, body.length);
    if (head || body.length == 0) {
      return h;
    }
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private byte[] head(boolean close, long length) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
        .append(REASONS.getOrDefault(status, "Status")).append("\r\n");
    headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    if (length >= 0) {
      sb.append("Content-Length: ").append(length).append("\r\n");
    }
    if (close && !headers.containsKey("Connection")) {
      sb.append("Connection: close\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A short plain-text response, for refusals before any handler ran. */
  static byte[] plain(int status, String text, boolean close, Map<String, String> always) {
    HttpResponse r = new HttpResponse(false, new ByteArrayOutputStream(), always);
    r.send(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    return r.bytes(close);
  }
}
