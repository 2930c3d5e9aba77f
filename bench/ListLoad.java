import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStore;
import press.callback.list.Tokens;

/**
 * The list service's load for bench/list.sh: kept-alive HTTP/1.1 clients on loopback, each
 * sending its next request when the last answer is in. Run with the press jar's classpath:
 *
 *   java -cp 'target/press.jar:target/lib/*' bench/ListLoad.java seed PROJECT N SECRET LISTID JDBC_URL > tokens
 *   java -cp ... bench/ListLoad.java oneclick PORT CLIENTS REQUESTS tokens
 *   java -cp ... bench/ListLoad.java subscribe PORT CLIENTS REQUESTS ORIGIN
 */
public class ListLoad {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "seed" -> seed(Path.of(args[1]), Integer.parseInt(args[2]), args[3], args[4], args[5]);
      case "oneclick" -> load(args, java.nio.file.Files.readAllLines(Path.of(args[4])), null);
      case "subscribe" -> load(args, null, args[4]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** N subscribed members in the list at {@code url}; prints their member tokens. */
  static void seed(Path project, int n, String secret, String listId, String url) {
    Tokens tokens = new Tokens(List.of(secret), listId);
    StringBuilder out = new StringBuilder();
    try (ListStore store = JdbcListStore.open(url, project, System.getenv("PRESS_LIST_DB_PASSWORD"))) {
      for (int i = 0; i < n; i++) {
        String email = "reader" + i + "@example.org";
        store.put(email, "", ListStatus.SUBSCRIBED, Instant.now(), "bench");
        out.append(tokens.member(store.byAddress(email).orElseThrow().id())).append('\n');
      }
    }
    System.out.print(out);
  }

  static void load(String[] args, List<String> tokens, String origin) throws Exception {
    int port = Integer.parseInt(args[1]);
    int clients = Integer.parseInt(args[2]);
    int requests = Integer.parseInt(args[3]);
    AtomicLong next = new AtomicLong();
    long[] latencies = new long[requests];
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        Socket s = null;
        InputStream in = null;
        try {
          while (true) {
            long i = next.getAndIncrement();
            if (i >= requests) {
              return;
            }
            byte[] request;
            if (tokens != null) {
              String body = "List-Unsubscribe=One-Click";
              request = ("POST /u/" + tokens.get((int) (i % tokens.size())) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                  .getBytes(StandardCharsets.US_ASCII);
            } else {
              String body = "email=load" + i + "%40example.org&name=&website=";
              request = ("POST /subscribe HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + origin + "\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                  .getBytes(StandardCharsets.US_ASCII);
            }
            long t0 = System.nanoTime();
            int status;
            try {
              if (s == null) {
                s = new Socket("127.0.0.1", port);
                s.setTcpNoDelay(true);
                in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
              }
              s.getOutputStream().write(request);
              status = readResponse(in);
            } catch (IOException e) {
              status = -1;
              if (s != null) {
                s.close();
              }
              s = null;
            }
            latencies[(int) i] = System.nanoTime() - t0;
            if (status != (tokens != null ? 200 : 303)) {
              errors.incrementAndGet();
            }
          }
        } catch (IOException e) {
          errors.incrementAndGet();
        } finally {
          if (s != null) {
            try {
              s.close();
            } catch (IOException e) {
              // done
            }
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    System.out.printf("%s clients=%d requests=%d errors=%d seconds=%.2f requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
        args[0], clients, requests, errors.get(), seconds, requests / seconds, latencies[requests / 2] / 1e6,
        latencies[(int) (requests * 0.99)] / 1e6, latencies[requests - 1] / 1e6);
  }

  /** Reads one response (head and Content-Length body); its status. */
  static int readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      int n = head.length();
      if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
        break;
      }
    }
    if (b < 0) {
      throw new IOException("closed");
    }
    String h = head.toString();
    int status = Integer.parseInt(h.substring(9, 12));
    int at = h.toLowerCase().indexOf("\r\ncontent-length: ");
    int length = 0;
    if (at >= 0) {
      int end = h.indexOf("\r\n", at + 2);
      length = Integer.parseInt(h.substring(at + 18, end).strip());
    }
    byte[] body = new byte[length];
    int got = 0;
    while (got < length) {
      int n = in.read(body, got, length - got);
      if (n < 0) {
        throw new IOException("closed");
      }
      got += n;
    }
    if (h.toLowerCase().contains("\r\nconnection: close")) {
      throw new IOException("closed by server");
    }
    return status;
  }
}
