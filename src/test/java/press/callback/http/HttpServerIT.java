package press.callback.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 18: the preview's HTTP server over real loopback sockets, byte for byte: fast
 * keep-alive, a time limit on request heads, a cap on connections, and the right status for what
 * it refuses.
 */
class HttpServerIT {
  private static final HttpServer.Limits LIMITS =
      new HttpServer.Limits(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(500), 1024, 50, 4);

  private HttpServer server;
  /** Whether each accepted connection had TCP_NODELAY, as the server set it up. */
  private final List<Boolean> noDelay = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.start("127.0.0.1", 0, LIMITS, (request, response) -> {
      if (request.rawPath().equals("/medium")) {
        response.send(200, "application/octet-stream", new byte[8 << 20]);
        return;
      }
      if (request.rawPath().equals("/endless")) { // written until the client is cut off
        OutputStream out = response.stream(200, "application/octet-stream");
        byte[] chunk = new byte[64 * 1024];
        while (true) {
          out.write(chunk);
        }
      }
      if (request.rawPath().equals("/stream")) {
        OutputStream out = response.stream(200, "text/event-stream; charset=utf-8");
        out.write(": open\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return;
      }
      response.send(200, "text/plain; charset=utf-8", ("hello " + request.rawPath() + "\n").getBytes(StandardCharsets.UTF_8));
    });
    server.observe(socket -> {
      try {
        noDelay.add(socket.getTcpNoDelay());
      } catch (SocketException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * Nagle's algorithm against delayed ACKs cost ~40 ms a request on a kept-alive connection. The
   * mechanism: every accepted connection has TCP_NODELAY (and each reply is one write). Then side
   * by side in one run: 100 requests on one connection must not take longer than 100 requests
   * each on a new connection (which pay for the connect); with the stall they took 40× longer.
   */
  @Test
  void keepAliveRequestsAreFast() throws IOException {
    assertThat(exchange(get("/nodelay", "Connection: close\r\n"))).startsWith("HTTP/1.1 200 OK\r\n");
    assertThat(noDelay).as("TCP_NODELAY on the accepted socket").containsExactly(true);
    int n = 100;
    long fresh = System.nanoTime();
    for (int i = 0; i < n; i++) {
      try (Socket s = connect()) {
        s.getOutputStream().write(get("/f" + i, "Connection: close\r\n"));
        assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
            .startsWith("HTTP/1.1 200 OK\r\n").endsWith("hello /f" + i + "\n");
      }
    }
    fresh = System.nanoTime() - fresh;
    long kept = System.nanoTime();
    try (Socket s = connect()) {
      InputStream in = s.getInputStream();
      for (int i = 0; i < n; i++) {
        s.getOutputStream().write(get("/k" + i, ""));
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("Connection: close");
        int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: ([0-9]+).*", "$1"));
        assertThat(new String(in.readNBytes(length), StandardCharsets.ISO_8859_1)).isEqualTo("hello /k" + i + "\n");
      }
    }
    kept = System.nanoTime() - kept;
    assertThat(kept).as("keep-alive %d ms vs new connections %d ms", kept / 1_000_000, fresh / 1_000_000)
        .isLessThan(fresh * 2);
  }

  /** A client that sends its head a byte at a time, forever, gets 408 when the head's time is up. */
  @Test
  void slowHeadersTimeOut() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
      Thread dribble = new Thread(() -> {
        try {
          while (true) {
            out.write('X');
            out.flush();
            Thread.sleep(50); // well within each read's timeout: only the head's total time limit stops it
          }
        } catch (IOException | InterruptedException e) {
          // the server closed the connection
        }
      });
      dribble.setDaemon(true);
      dribble.start();
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(response).startsWith("HTTP/1.1 408 Request Timeout\r\n").contains("Connection: close");
      dribble.interrupt();
    }
  }

  /** Connections beyond the cap get 503 at once; a slot freed is used again. */
  @Test
  void connectionsAreCapped() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < LIMITS.maxConnections(); i++) {
        idle.add(connect()); // each holds a slot, sending nothing
      }
      try (Socket extra = connect()) {
        assertThat(new String(extra.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
            .startsWith("HTTP/1.1 503 Service Unavailable\r\n");
      }
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
    // the slots come back as the server sees the closes: wait for that state, not for a time
    String again = exchange(get("/again", "Connection: close\r\n"));
    for (long deadline = System.nanoTime() + 10_000_000_000L; again.startsWith("HTTP/1.1 503") && System.nanoTime() < deadline; ) {
      Thread.onSpinWait();
      again = exchange(get("/again", "Connection: close\r\n"));
    }
    assertThat(again).startsWith("HTTP/1.1 200 OK\r\n");
  }

  /**
   * An open event stream is a connection like any other: it holds its slot until the page goes
   * away, so streams cannot pile up past the cap (each one a file descriptor; at the process's
   * limit no connection could be accepted any more).
   */
  @Test
  void eventStreamsCountAgainstTheCap() throws Exception {
    List<Socket> streams = new ArrayList<>();
    try {
      for (int i = 0; i < LIMITS.maxConnections(); i++) {
        Socket s = connect();
        s.getOutputStream().write(get("/stream", ""));
        assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 200 OK\r\n");
        streams.add(s);
      }
      assertThat(exchange(get("/more", "Connection: close\r\n"))).startsWith("HTTP/1.1 503 Service Unavailable\r\n");
      streams.remove(0).close();
      // the page went away: its slot comes back as soon as the server reads the close
      String again = exchange(get("/again", "Connection: close\r\n"));
      for (long deadline = System.nanoTime() + 10_000_000_000L; again.startsWith("HTTP/1.1 503") && System.nanoTime() < deadline; ) {
        Thread.onSpinWait();
        again = exchange(get("/again", "Connection: close\r\n"));
      }
      assertThat(again).startsWith("HTTP/1.1 200 OK\r\n");
    } finally {
      for (Socket s : streams) {
        s.close();
      }
    }
  }

  /**
   * A client that asks for a large reply and then reads nothing (the slowloris of the reply) is
   * cut off once a write has waited {@link HttpServer.Limits#writeTimeout}: its thread and slot
   * come back, so such clients cannot hold the server. (The reply here has no end, so no socket
   * buffer, however large, can take it all.)
   */
  @Test
  void slowReadersAreCutOff() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < LIMITS.maxConnections(); i++) {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", server.address().getPort()), 5000);
        s.getOutputStream().write(get("/endless", ""));
        stalled.add(s); // never read
      }
      String again = exchange(get("/again", "Connection: close\r\n"));
      for (long deadline = System.nanoTime() + 20_000_000_000L; !again.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline; ) {
        Thread.onSpinWait();
        again = exchange(get("/again", "Connection: close\r\n"));
      }
      assertThat(again).startsWith("HTTP/1.1 200 OK\r\n");
      Socket first = stalled.get(0);
      first.setSoTimeout(10_000);
      long got = 0;
      try {
        InputStream in = first.getInputStream();
        byte[] buf = new byte[64 * 1024];
        for (int n; got < (256L << 20) && (n = in.read(buf)) >= 0; ) {
          got += n;
        }
      } catch (IOException e) {
        // reset: cut off
      }
      assertThat(got).as("the endless reply was cut off (its end read after what the buffers held)")
          .isLessThan(256L << 20);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  /**
   * What is limited is a client taking nothing, not a slow one: a reply that takes far longer
   * than the write limit to read, read steadily, arrives whole.
   */
  @Test
  void aSlowButSteadyReaderGetsTheWholeReply() throws Exception {
    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(64 * 1024);
      s.connect(new InetSocketAddress("127.0.0.1", server.address().getPort()), 5000);
      s.setSoTimeout(10_000);
      s.getOutputStream().write(get("/medium", "Connection: close\r\n"));
      InputStream in = s.getInputStream();
      String head = readHead(in);
      assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: " + (8 << 20));
      long total = 0;
      long start = System.nanoTime();
      byte[] buf = new byte[32 * 1024];
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
        Thread.sleep(10); // a slow client's pace (about 3 MB/s), not a wait for the server
      }
      assertThat(total).isEqualTo(8 << 20);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("slower than the write limit")
          .isGreaterThan(LIMITS.writeTimeout());
    }
  }

  /**
   * Control characters have no place in a request's head: a bare CR in a query would otherwise
   * reach a redirect's Location header and split the response.
   */
  @Test
  void controlCharactersInTheHeadAreRefused() throws IOException {
    assertThat(exchange("GET /a?x\rSet-Cookie:%20a=b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1))).startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(exchange("GET /a\u0000b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1))).startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: one\rtwo\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1))).startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\u001b\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1))).startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tab: a\tb\r\nConnection: close\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1))).as("a tab is allowed in a value").startsWith("HTTP/1.1 200 OK\r\n");
  }

  @Test
  void tooManyHeadersGet431() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      many.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
    }
    assertThat(exchange(get("/", many.toString()))).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
        .contains("Too many header lines");
    assertThat(exchange(get("/", "X-Long: " + "a".repeat(2000) + "\r\n")))
        .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
    assertThat(exchange(get("/" + "a".repeat(2000), ""))).startsWith("HTTP/1.1 414 URI Too Long\r\n");
  }

  @Test
  void duplicateHostIsRefused() throws IOException {
    assertThat(exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1))).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("one Host header");
    assertThat(exchange("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("HTTP/1.1 400 Bad Request\r\n").contains("needs a Host header");
  }

  @Test
  void unknownHttpVersionIsRefused() throws IOException {
    assertThat(exchange("GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n");
    assertThat(exchange("GET / HTTP/1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(exchange("GET / FTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(exchange("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: close");
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", server.address().getPort()), 5000);
    s.setSoTimeout(10_000);
    s.setTcpNoDelay(true);
    return s;
  }

  private String exchange(byte[] request) throws IOException {
    try (Socket s = connect()) {
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] get(String path, String headers) {
    return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed mid-head: " + head);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
