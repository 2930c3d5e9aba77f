package press.callback.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A small HTTP/1.1 server (the preview's and the list service's): a request head read within
 * limits, one handler call, one write per response, keep-alive. It does less than a general server
 * on purpose (request bodies only by Content-Length and only when {@link Limits#maxBody} allows
 * them) and answers what it refuses with the status a browser or tool understands:
 *
 * <ul>
 *   <li>a head not read within {@link Limits#headTimeout} (a client that sends a byte now and
 *       then) gets 408 and the connection closes, so slow clients cannot hold the threads;
 *   <li>a request line over {@link Limits#maxLine} bytes gets 414, a header line over it or more
 *       than {@link Limits#maxHeaders} headers 431, a version other than HTTP/1.0 and 1.1 505,
 *       anything else malformed (no or two {@code Host} headers in 1.1, folded headers) 400;
 *   <li>a client that takes no bytes of a write within {@link Limits#writeTimeout} (it asked for
 *       a large file, or stopped reading its events) is cut off;
 *   <li>at most {@link Limits#maxConnections} connections at once, open event streams included;
 *       the next gets 503;
 *   <li>a body over {@link Limits#maxBody} bytes gets 413, a chunked one 411; a body must arrive
 *       within the head's deadline too. With {@code maxBody} 0, bodies are not read at all and the
 *       connection closes after the response.
 * </ul>
 *
 * <p>The server's own headers ({@link #start(String, int, Limits, Map, Handler)}) go on every
 * response, refusals included.
 *
 * <p>Replies go out with TCP_NODELAY and in one write: on a kept-alive connection Nagle's
 * algorithm otherwise holds a reply's last segment for the client's delayed ACK (~40 ms a
 * request).
 *
 * <p>Over 300 lines because the limits above are all kept by one accept, read and answer loop,
 * whose deadlines only make sense read together.
 */
public final class HttpServer implements AutoCloseable {
  /**
   * The server's limits.
   *
   * @param headTimeout the most a request's head may take to arrive, from its first byte
   * @param idleTimeout how long a kept-alive connection may wait for its next request
   * @param writeTimeout the most one write to a client (a reply, an event) may wait for the client
   *     to take the bytes; then the connection is cut off
   * @param maxLine the longest request line or header line, in bytes
   * @param maxHeaders the most header lines of a request
   * @param maxConnections the most connections at once, open event streams included
   * @param maxBody the longest request body read, in bytes; 0: bodies are not read
   */
  public record Limits(Duration headTimeout, Duration idleTimeout, Duration writeTimeout, int maxLine, int maxHeaders,
      int maxConnections, int maxBody) {
    public static final Limits DEFAULT =
        new Limits(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), 8192, 100, 64, 0);

    /** Limits for a server that reads no request bodies. */
    public Limits(Duration headTimeout, Duration idleTimeout, Duration writeTimeout, int maxLine, int maxHeaders,
        int maxConnections) {
      this(headTimeout, idleTimeout, writeTimeout, maxLine, maxHeaders, maxConnections, 0);
    }

    /** These limits with bodies up to {@code bytes} read. */
    public Limits withMaxBody(int bytes) {
      return new Limits(headTimeout, idleTimeout, writeTimeout, maxLine, maxHeaders, maxConnections, bytes);
    }

    /** These limits with at most {@code n} connections at once. */
    public Limits withMaxConnections(int n) {
      return new Limits(headTimeout, idleTimeout, writeTimeout, maxLine, maxHeaders, n, maxBody);
    }
  }

  /**
   * The longest body read for a request, from its head (its path): most routes take a small
   * form, a few (a relay's webhook) a larger document. 0: the body is not read.
   */
  @FunctionalInterface
  public interface BodyLimit {
    int maxBody(HttpRequest head);
  }

  /** Answers one request. */
  public interface Handler {
    void handle(HttpRequest request, HttpResponse response) throws IOException;
  }

  private final ServerSocket socket;
  private final Handler handler;
  private final Limits limits;
  private final ExecutorService threads;
  private final Semaphore slots;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile Consumer<Socket> observer = accepted -> {};
  private final WriteWatchdog watchdog;
  private final Map<String, String> always;
  private final BodyLimit bodyLimit;

  private HttpServer(ServerSocket socket, Handler handler, Limits limits, Map<String, String> always,
      BodyLimit bodyLimit) {
    this.always = Map.copyOf(always);
    this.bodyLimit = bodyLimit;
    this.socket = socket;
    this.handler = handler;
    this.limits = limits;
    this.slots = new Semaphore(limits.maxConnections());
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "press-serve");
      t.setDaemon(true);
      return t;
    });
    this.watchdog = new WriteWatchdog(limits.writeTimeout());
  }

  /** Binds {@code host}:{@code port} (0: any free port) and starts accepting connections. */
  public static HttpServer start(String host, int port, Limits limits, Handler handler) throws IOException {
    return start(host, port, limits, Map.of(), handler);
  }

  /**
   * Binds {@code host}:{@code port} (0: any free port) and starts accepting connections; {@code
   * always} are headers set on every response, refusals included (a handler may replace them).
   */
  public static HttpServer start(String host, int port, Limits limits, Map<String, String> always, Handler handler)
      throws IOException {
    return start(host, port, limits, always, head -> limits.maxBody(), handler);
  }

  /**
   * As {@link #start(String, int, Limits, Map, Handler)}, with each request's body limit chosen
   * from its head ({@code bodyLimit}) instead of {@link Limits#maxBody} for all.
   */
  public static HttpServer start(String host, int port, Limits limits, Map<String, String> always,
      BodyLimit bodyLimit, Handler handler) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 64);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    HttpServer server = new HttpServer(socket, handler, limits, new java.util.LinkedHashMap<>(always), bodyLimit);
    Thread acceptor = new Thread(server::accept, "press-serve-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** Shows each accepted connection, its options set, to {@code observer} (tests check them). */
  void observe(Consumer<Socket> observer) {
    this.observer = observer;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Accepts connections until the server closes. A failure to accept (the process out of file
   * descriptors, say) is waited out: the connections open now time out and close, and then
   * accepting works again. Nothing else ends this loop.
   */
  private void accept() {
    long pause = 10;
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
        pause = 10;
      } catch (IOException | RuntimeException e) {
        if (socket.isClosed()) {
          return;
        }
        pause(pause);
        pause = Math.min(pause * 2, 500);
        continue;
      }
      if (!slots.tryAcquire()) {
        refuseBusy(client);
        continue;
      }
      open.add(client);
      try {
        threads.execute(() -> {
          try {
            serve(client);
          } finally {
            slots.release();
          }
        });
      } catch (Throwable e) { // no thread to be had (out of memory) or stopping: this one is dropped
        open.remove(client);
        closeQuietly(client);
        slots.release();
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Answers 503 on the accepting thread: a few bytes into a new connection's empty send buffer
   * never block, and no thread is spent on a connection over the cap.
   */
  private void refuseBusy(Socket client) {
    try (client) {
      write(client.getOutputStream(), HttpResponse.plain(503, "Too many connections at once; try again.", true, always));
    } catch (IOException e) {
      // gone already
    }
  }

  /**
   * Requests on one connection, until it closes or times out. A connection handed to a stream
   * (server-sent events) keeps its slot and this thread until the page goes away.
   */
  private void serve(Socket client) {
    try {
      client.setTcpNoDelay(true);
      // A fixed send buffer: a blocked write then wakes after a bounded number of bytes taken,
      // which is what the write watchdog times (the kernel's autotuned buffer grows to megabytes).
      client.setSendBufferSize(WriteWatchdog.SEND_BUFFER);
      observer.accept(client);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = watchdog.watch(client);
      boolean first = true;
      while (true) {
        client.setSoTimeout((int) (first ? limits.headTimeout() : limits.idleTimeout()).toMillis());
        first = false;
        int b;
        try {
          b = in.read(); // waiting for a request: the idle time
        } catch (SocketTimeoutException e) {
          return;
        }
        if (b < 0) {
          return;
        }
        HttpRequest request;
        try {
          long deadline = System.nanoTime() + limits.headTimeout().toNanos();
          request = HeadReader.read(b, in, client, limits);
          int maxBody = bodyLimit.maxBody(request);
          byte[] body = maxBody > 0 && request.announcesBody()
              ? HeadReader.body(request, in, client, deadline, maxBody)
              : new byte[0];
          request = request.with(body, client.getInetAddress());
        } catch (HeadReader.Refused r) {
          write(out, HttpResponse.plain(r.status(), r.getMessage(), true, always));
          drain(client, in);
          return;
        }
        HttpResponse response = new HttpResponse(request.method().equals("HEAD"), out, always);
        handler.handle(request, response);
        if (response.streaming()) {
          // An event stream's client sends nothing more: its end (or anything else) closes it.
          client.setSoTimeout(0);
          in.read();
          return;
        }
        boolean close = request.closes() || response.closes();
        write(out, response.bytes(close));
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or the server is stopping
    } finally {
      open.remove(client);
      closeQuietly(client);
    }
  }

  static void closeQuietly(Socket client) {
    try {
      client.close();
    } catch (IOException e) {
      // closed already
    }
  }

  /**
   * Ends a refused connection gently: closing a socket with unread input sends a reset, which can
   * make the client lose the refusal it has not read yet. So the output is shut, and what the client
   * still sends (the rest of its 1,000 headers) is read and dropped, for a second at most.
   */
  private static void drain(Socket client, InputStream in) {
    try {
      client.shutdownOutput();
      client.setSoTimeout(1000);
      long deadline = System.nanoTime() + 1_000_000_000L;
      byte[] buf = new byte[8192];
      long total = 0;
      while (System.nanoTime() < deadline && total < (1 << 20)) {
        int n = in.read(buf);
        if (n < 0) {
          return;
        }
        total += n;
      }
    } catch (IOException e) {
      // closed or timed out: close it anyway
    }
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    threads.shutdownNow();
    watchdog.close();
  }
}
