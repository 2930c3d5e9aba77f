package press.callback.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web server on loopback for the external link check: {@code /ok} (200), {@code /gone}
 * (404), {@code /moved} (301 to {@code /ok}), {@code /down} (503), {@code /no-head} (405 to
 * HEAD, 200 to GET), {@code /slow} (answers after 3 s) and {@code /wait/…} (200 after 200 ms). It
 * records each request's method by path and the most requests it served at once.
 */
public final class LoopbackHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, List<String>> requests = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  public LoopbackHttp() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "loopback-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The address of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The methods requested for {@code path}, in order. */
  public List<String> methods(String path) {
    return List.copyOf(requests.getOrDefault(path, List.of()));
  }

  /** How many requests arrived, in all. */
  public int total() {
    return requests.values().stream().mapToInt(List::size).sum();
  }

  /** The most requests served at the same time. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(method);
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    int code;
    try {
      code = switch (path) {
        case "/moved" -> 301;
        case "/gone" -> 404;
        case "/down" -> 503;
        case "/no-head" -> method.equals("HEAD") ? 405 : 200;
        case "/slow" -> {
          pause(3000);
          yield 200;
        }
        case "/ok" -> 200;
        default -> {
          if (path.startsWith("/wait/")) {
            pause(200);
            yield 200;
          }
          yield 404;
        }
      };
    } finally {
      // Before the answer, not after: the client sends its next request as soon as it has the
      // answer, and that request must not find this one still counted.
      inFlight.decrementAndGet();
    }
    try (exchange) {
      if (code == 301) {
        exchange.getResponseHeaders().add("Location", "/ok");
      }
      reply(exchange, code);
    } catch (IOException e) {
      // the client gave up (a timeout): nothing to answer
    }
  }

  private static void reply(HttpExchange exchange, int status) throws IOException {
    byte[] body = ("status " + status + "\n").getBytes(StandardCharsets.UTF_8);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** Addresses of several paths, in order. */
  public List<String> urls(String... paths) {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      out.add(url(p));
    }
    return out;
  }
}
