package press.callback.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A baked site served as a static host serves it, on a free loopback port: {@code /dir/} is
 * {@code dir/index.html}, a missing file is the site's {@code 404.html} with status 404, nothing
 * is cached or compressed (so the browser measures every byte of every page). Unlike {@code press
 * serve} it adds nothing to the pages.
 */
public final class StaticServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "json", "application/json",
      "xml", "application/xml",
      "txt", "text/plain; charset=utf-8",
      "png", "image/png",
      "svg", "image/svg+xml");

  /** A request the server answered. */
  public record Hit(String path, int status) {}

  private final Path root;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "static-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Hit> hits = new CopyOnWriteArrayList<>();

  private StaticServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
  }

  /** Serves {@code root} until closed. */
  public static StaticServer start(Path root) throws IOException {
    StaticServer s = new StaticServer(root);
    s.server.start();
    return s;
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The requests answered so far. */
  public List<Hit> hits() {
    return List.copyOf(hits);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", new byte[0], method);
        return;
      }
      String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root)) {
        send(exchange, 403, "text/plain; charset=utf-8", new byte[0], method);
        hits.add(new Hit(path, 403));
        return;
      }
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      int status = 200;
      if (!Files.isRegularFile(file)) {
        status = 404;
        file = root.resolve("404.html");
      }
      String name = file.getFileName().toString();
      String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
      hits.add(new Hit(path, status));
      send(exchange, status, type, Files.readAllBytes(file), method);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body, String method)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = method.equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
