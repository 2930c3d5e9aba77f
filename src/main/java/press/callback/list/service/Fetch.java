package press.callback.list.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A GET of a small document: a signing certificate, SNS's subscription confirmation. The service
 * only ever asks for URLs the webhooks checked are SNS's own; tests hand the service one that
 * reads them from a loopback server instead (the checks stay the same).
 */
@FunctionalInterface
interface Fetch {
  /**
   * The body of a 200 answer.
   *
   * @throws IOException when there is none within the time, or it is longer than {@code maxBytes}
   */
  byte[] get(URI uri, int maxBytes) throws IOException;

  /** Over the network: https as given, no redirects followed, 5 s to connect, 10 s in all. */
  static Fetch https() {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
    return (uri, maxBytes) -> {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
      HttpResponse<InputStream> answer;
      try {
        answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      try (InputStream in = answer.body()) {
        if (answer.statusCode() != 200) {
          throw new IOException(uri.getHost() + " answered " + answer.statusCode());
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
          throw new IOException(uri.getHost() + " sent more than " + maxBytes + " bytes");
        }
        return body;
      }
    };
  }
}
