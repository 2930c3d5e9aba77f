package press.callback.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import press.callback.check.LinkStatus;

/**
 * Asks external servers whether the site's outgoing links still work: one {@code HEAD} per
 * distinct address ({@code GET} when the server refuses {@code HEAD} with 405 or 501), redirects
 * followed, a few at a time, each with a short timeout.
 */
public final class LinkProber {
  private static final String USER_AGENT = "callback-press-link-check/1 (+https://callback.press/)";

  private final Duration timeout;
  private final int concurrency;
  private final HttpClient client;

  /**
   * @param timeout how long to wait for a connection and for the answer's headers
   * @param concurrency how many addresses to probe at once
   */
  public LinkProber(Duration timeout, int concurrency) {
    this.timeout = timeout;
    this.concurrency = Math.max(1, concurrency);
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Probes every address once; returns what each answered, by address. */
  public Map<String, LinkStatus> probe(Collection<String> urls) {
    List<String> distinct = urls.stream().distinct().sorted().toList();
    Map<String, LinkStatus> out = new TreeMap<>();
    if (distinct.isEmpty()) {
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, distinct.size()), r -> {
      Thread t = new Thread(r, "press-link-probe");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<LinkStatus>> pending = new ArrayList<>();
      for (String url : distinct) {
        pending.add(pool.submit(() -> probe(url)));
      }
      for (int i = 0; i < distinct.size(); i++) {
        out.put(distinct.get(i), pending.get(i).get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  /** One address: HEAD, then GET if HEAD is not allowed. */
  LinkStatus probe(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return LinkStatus.failed(url, "not a valid address");
    }
    try {
      int status = send(uri, "HEAD");
      if (status == 405 || status == 501) {
        status = send(uri, "GET");
      }
      return LinkStatus.answered(url, status);
    } catch (HttpTimeoutException e) {
      return LinkStatus.failed(url, "no answer within " + seconds() + " s");
    } catch (ConnectException e) {
      String reason = e.getCause() instanceof java.nio.channels.UnresolvedAddressException
          ? "unknown host " + uri.getHost()
          : "cannot connect" + (e.getMessage() == null ? "" : ": " + e.getMessage());
      return LinkStatus.failed(url, reason);
    } catch (IOException | IllegalArgumentException e) {
      return LinkStatus.failed(url, "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LinkStatus.failed(url, "interrupted");
    }
  }

  private int send(URI uri, String method) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(timeout)
        .header("User-Agent", USER_AGENT)
        .build();
    // The body is never read: closing the stream drops it (and the connection) at once.
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response.statusCode();
  }

  private String seconds() {
    double s = timeout.toMillis() / 1000.0;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
  }
}
