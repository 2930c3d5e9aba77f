package press.callback.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request's head for {@link HttpServer} within its limits: the whole head
 * before a deadline (a client sending a byte now and then is cut off), lines of bounded length,
 * a bounded number of headers.
 */
final class HeadReader {
  /** A request refused before it reached the handler, with its status. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private HeadReader() {}

  /**
   * Reads the body a request announced: by its Content-Length only, at most {@code max} bytes,
   * before the deadline. A Transfer-Encoding (chunked) is refused with 411, a longer body with 413.
   */
  static byte[] body(HttpRequest request, InputStream in, Socket client, long deadline, int max) throws IOException {
    if (request.headers().containsKey("transfer-encoding")) {
      throw new Refused(411, "Send the body with a Content-Length; chunked bodies are not accepted.");
    }
    String length = request.header("content-length");
    if (length == null) {
      return new byte[0];
    }
    long n = Long.parseLong(length);
    if (n > max) {
      throw new Refused(413, "The body is too large (at most " + max + " bytes).");
    }
    byte[] body = new byte[(int) n];
    int at = 0;
    while (at < n) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new Refused(408, "The request took too long to arrive.");
      }
      client.setSoTimeout((int) Math.max(1, left));
      int got;
      try {
        got = in.read(body, at, body.length - at);
      } catch (SocketTimeoutException e) {
        throw new Refused(408, "The request took too long to arrive.");
      }
      if (got < 0) {
        throw new IOException("the client closed the connection mid-request");
      }
      at += got;
    }
    return body;
  }

  static HttpRequest read(int firstByte, InputStream in, Socket client, HttpServer.Limits limits) throws IOException {
    long deadline = System.nanoTime() + limits.headTimeout().toNanos();
    String requestLine = line(firstByte, in, client, deadline, limits.maxLine(), 414, "The request line is too long.");
    HttpRequest.Builder request = HttpRequest.parseRequestLine(requestLine);
    int headers = 0;
    while (true) {
      String line = line(-1, in, client, deadline, limits.maxLine(), 431, "A header line is too long.");
      if (line.isEmpty()) {
        return request.build();
      }
      if (++headers > limits.maxHeaders()) {
        throw new Refused(431, "Too many header lines (at most " + limits.maxHeaders() + ").");
      }
      request.header(line);
    }
  }

  /** One line without its CRLF (a bare LF is taken too), read before the deadline. */
  private static String line(int first, InputStream in, Socket client, long deadline, int max, int status,
      String tooLong) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b = first;
    while (true) {
      if (b < 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new Refused(408, "The request took too long to arrive.");
        }
        client.setSoTimeout((int) Math.max(1, left));
        try {
          b = in.read();
        } catch (SocketTimeoutException e) {
          throw new Refused(408, "The request took too long to arrive.");
        }
        if (b < 0) {
          throw new IOException("the client closed the connection mid-request");
        }
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= max) {
        throw new Refused(status, tooLong);
      }
      line.write(b);
      b = -1;
    }
  }
}
