package press.callback.serve;

import press.callback.http.HttpRequest;
import press.callback.http.HttpResponse;
import press.callback.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import press.callback.diag.Diagnostic;
import press.callback.http.Json;
import press.callback.site.LiveSite;

/**
 * The dev server: plain static serving of the baked site from its folder on a loopback address,
 * live reload over Server-Sent Events, an error overlay, and previews of the newsletter's emails.
 *
 * <p>Changes are applied one at a time while requests wait (a write lock), so a page is never
 * read half-written.
 *
 * <p>Over 300 lines, by a little: the routes, the live-reload events and the bookkeeping of the
 * last update share the server's lock.
 */
public final class DevServer implements AutoCloseable {
  private static final String PRESS = "/_press/";

  /**
   * What a change did, for the console.
   *
   * @param failure what the change threw unexpectedly (shown as an error in {@code update}), or
   *     {@code null}
   */
  public record Report(LiveSite.Update update, long nanos, Throwable failure) {}

  private final LiveSite site;
  private final Consumer<Report> console;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final EventStreams pages = new EventStreams(Duration.ofSeconds(15));
  private final byte[] liveJs;
  private final HttpServer.Limits limits;
  private HttpServer server;
  private long build = 1;
  private List<Diagnostic> errors = List.of();
  private Map<String, String> marks = Map.of();

  /**
   * @param site the site, baked once already (its first bake's diagnostics are passed as {@code
   *     first})
   * @param console where each change's report goes
   */
  public DevServer(LiveSite site, LiveSite.Update first, Consumer<Report> console) {
    this(site, first, console, HttpServer.Limits.DEFAULT);
  }

  /** A dev server with other limits on requests and connections (tests use short timeouts). */
  DevServer(LiveSite site, LiveSite.Update first, Consumer<Report> console, HttpServer.Limits limits) {
    this.limits = limits;
    this.site = site;
    this.console = console;
    this.errors = errorsOf(first);
    this.marks = site.preview().marks();
    try (InputStream in = DevServer.class.getResourceAsStream("live.js")) {
      this.liveJs = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("live.js missing from the jar", e);
    }
  }

  /**
   * Starts serving on {@code host}:{@code port} ({@code 0}: any free port).
   *
   * @throws IOException if the address cannot be bound (port in use, say)
   */
  public void start(String host, int port) throws IOException {
    server = HttpServer.start(host, port, limits, this::handle);
  }

  /** The address served, e.g. {@code http://127.0.0.1:8820/}. */
  public URI address() {
    InetSocketAddress a = server.address();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
  }

  /** Applies changed source files (from the watcher), then tells open pages. */
  public void changed(Collection<Path> files) {
    update(() -> site.apply(files));
  }

  /** Bakes everything again (the watcher lost track of events). */
  public void rebakeAll() {
    update(site::bakeAll);
  }

  /** Applies a change under the write lock; whatever it throws is reported, never thrown on. */
  void update(java.util.function.Supplier<LiveSite.Update> change) {
    long start = System.nanoTime();
    LiveSite.Update update;
    Throwable failure = null;
    String state;
    lock.writeLock().lock();
    try {
      try {
        update = change.get();
      } catch (Throwable e) { // a bug, StackOverflowError, OutOfMemoryError, a checked exception thrown undeclared
        failure = e;
        update = site.failed(e);
      }
      errors = errorsOf(update);
      marks = site.preview().marks();
      if (update.ok() && (update.files() > 0 || update.kind() == LiveSite.Kind.FULL)) {
        build++;
      }
      state = state();
    } finally {
      lock.writeLock().unlock();
    }
    pages.publish(state);
    console.accept(new Report(update, System.nanoTime() - start, failure));
  }

  private static List<Diagnostic> errorsOf(LiveSite.Update update) {
    return update.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  @Override
  public void close() {
    pages.close();
    if (server != null) {
      server.close();
    }
  }

  private void handle(HttpRequest request, HttpResponse exchange) throws IOException {
    String method = request.method();
    boolean head = method.equals("HEAD");
    if (!method.equals("GET") && !head) {
      exchange.header("Allow", "GET, HEAD");
      text(exchange, 405, "Only GET and HEAD are served.", head);
      return;
    }
    if (!localHost(request.header("host"))) {
      text(exchange, 403, "This preview answers only to localhost addresses.", head);
      return;
    }
    String raw = request.rawPath();
    if (raw.equals(PRESS + "events") && !head) {
      events(exchange); // stays open: closed when the page goes away or the server stops
      return;
    }
    if (raw.equals(PRESS + "live.js")) {
      exchange.header("Cache-Control", "no-store");
      bytes(exchange, 200, "text/javascript; charset=utf-8", liveJs, head);
      return;
    }
    SitePath path = SitePath.parse(raw);
    if (path == null) {
      text(exchange, 403, "Refused: the path leaves the site.", head);
      return;
    }
    lock.readLock().lock();
    try {
      if (raw.startsWith(PRESS + "newsletter/") || raw.equals(PRESS + "newsletter")) {
        new NewsletterPreview(site, this::page).serve(exchange, path, head);
      } else {
        file(request, exchange, site.settings().site(), path, head);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Keeps the exchange open as a Server-Sent Events stream; closed by the page or at exit. */
  private void events(HttpResponse exchange) throws IOException {
    exchange.header("Cache-Control", "no-store");
    OutputStream out = exchange.stream(200, "text/event-stream; charset=utf-8");
    // The state written and the page registered under one lock: a change cannot slip in between.
    lock.readLock().lock();
    try {
      pages.add(out, "retry: 500\n\n" + state());
    } finally {
      lock.readLock().unlock();
    }
  }

  private String state() {
    List<Map<String, String>> list = new ArrayList<>();
    for (Diagnostic d : errors) {
      Map<String, String> error = new LinkedHashMap<>();
      error.put("location", d.location());
      error.put("severity", d.severity().label());
      error.put("message", d.message());
      error.put("hint", Objects.toString(d.hint(), ""));
      error.put("sourceLine", Objects.toString(d.sourceLine(), ""));
      list.add(error);
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("build", build);
    state.put("errors", list);
    return "event: state\ndata: " + Json.write(state) + "\n\n";
  }

  /** Serves a file of {@code root}, an index.html for a folder, or the site's 404 page. */
  private void file(HttpRequest request, HttpResponse exchange, Path root, SitePath path, boolean head)
      throws IOException {
    Path file = root.resolve(path.relative()).normalize();
    if (!file.startsWith(root)) {
      text(exchange, 403, "Refused: the path leaves the site.", head);
      return;
    }
    if (Files.isDirectory(file)) {
      if (!path.folder() && !path.segments().isEmpty()) {
        String query = request.rawQuery();
        exchange.header("Location", request.rawPath() + "/" + (query == null ? "" : "?" + query));
        bytes(exchange, 301, "text/plain; charset=utf-8", new byte[0], true);
        return;
      }
      file = file.resolve("index.html");
    } else if (path.folder()) {
      notFound(exchange, root, head);
      return;
    }
    byte[] body;
    try {
      if (!Files.isRegularFile(file) || !inside(root, file)) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !inside(root, file)) {
          text(exchange, 403, "Refused: the file links outside the site.", head);
        } else {
          notFound(exchange, root, head);
        }
        return;
      }
      body = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      notFound(exchange, root, head);
      return;
    }
    String type = ContentTypes.of(file.getFileName().toString());
    if (ContentTypes.isHtml(type)) {
      body = page(new String(body, StandardCharsets.UTF_8), markOf(path)).getBytes(StandardCharsets.UTF_8);
    }
    exchange.header("Cache-Control", "no-store");
    bytes(exchange, 200, type, body, head);
  }

  /** Whether {@code file}, symbolic links followed, is inside {@code root}. */
  private static boolean inside(Path root, Path file) {
    try {
      return file.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private String markOf(SitePath path) {
    String url = "/" + path.relative();
    if (url.endsWith("/index.html")) {
      url = url.substring(0, url.length() - "index.html".length());
    } else if (!url.endsWith("/") && !url.contains(".")) {
      url += "/";
    }
    return marks.get(url);
  }

  private void notFound(HttpResponse exchange, Path root, boolean head) throws IOException {
    Path page = root.resolve("404.html");
    String html = Files.isRegularFile(page)
        ? Files.readString(page, StandardCharsets.UTF_8)
        : "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><h1>Not found</h1><p>No page at this address"
            + (Files.isDirectory(root) ? "." : " yet: the site has not been baked (see the errors).")
            + "</p></body></html>";
    exchange.header("Cache-Control", "no-store");
    bytes(exchange, 404, "text/html; charset=utf-8", page(html, null).getBytes(StandardCharsets.UTF_8), head);
  }

  /** An HTML page as served: with the live-reload script and the preview banner. */
  String page(String html, String mark) {
    return Injection.inject(html, mark);
  }

  private static void text(HttpResponse exchange, int status, String text, boolean head) {
    bytes(exchange, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8), head);
  }

  /** The response, sent at once (for HEAD, its headers with the body's length). */
  static void bytes(HttpResponse exchange, int status, String type, byte[] body, boolean head) {
    exchange.send(status, type, body);
  }

  /**
   * Whether a {@code Host} header names this machine: pages of other sites cannot reach the
   * preview through a DNS name that resolves to 127.0.0.1.
   */
  private boolean localHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    name = name.toLowerCase(Locale.ROOT);
    String bound = server.address().getAddress().getHostAddress();
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]")
        || name.equals(bound) || name.equals("[" + bound + "]") || !server.address().getAddress().isLoopbackAddress();
  }
}
