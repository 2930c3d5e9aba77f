package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;
import static press.callback.list.ListServiceFixture.SECRET;
import static press.callback.list.ListServiceFixture.SITE;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/**
 * Issue 15: two {@code press list serve} processes on one PostgreSQL database, the scale path.
 * Clients sign up overlapping addresses through both at once, then confirm, unsubscribe with one
 * click and resubscribe, each step through the other service. Each address has one owner doing
 * its steps in order, so its final status is known; the others only sign it up (which never
 * changes a status). Afterwards: one row per address, and every address as its last answered
 * step left it, with one event per change.
 */
class ListServiceProcessesIT {
  private static final int CLIENTS = 8;
  private static final int PER_CLIENT = 15;
  private static final Pattern CONFIRM = Pattern.compile("/confirm/([A-Za-z0-9_-]{43})");
  private static final Set<String> STATUS_EVENTS = Set.of("confirmed", "subscribed", "unsubscribed");

  @TempDir Path tmp;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void twoServicesOnOnePostgresLoseNoChange() throws Exception {
    String db = TestPostgres.shared().newDatabase();
    Path[] projects = {project("a", db), project("b", db)};
    CompletableFuture<ListServiceProcess> startA = CompletableFuture.supplyAsync(() -> start(projects[0]));
    CompletableFuture<ListServiceProcess> startB = CompletableFuture.supplyAsync(() -> start(projects[1]));
    try (ListServiceProcess a = startA.join(); ListServiceProcess b = startB.join();
        ListStore store = JdbcListStore.open(db, projects[0], null)) {
      URI[] services = {a.base(), b.base()};
      Tokens tokens = new Tokens(List.of(SECRET), "weekly.callback.press");
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < CLIENTS; t++) {
        int client = t;
        Thread thread = new Thread(() -> {
          try {
            runClient(client, services, projects, store, tokens);
          } catch (Throwable e) {
            failures.add(e);
          }
        }, "list-client-" + t);
        thread.start();
        clients.add(thread);
      }
      for (Thread t : clients) {
        t.join();
      }
      if (!failures.isEmpty()) {
        AssertionError all = new AssertionError(failures.size() + " clients failed; services said:\n"
            + a.output() + "\n" + b.output(), failures.peek());
        failures.stream().skip(1).forEach(all::addSuppressed);
        throw all;
      }

      assertThat(store.check()).as("no twin rows, no orphans").isEmpty();
      int members = 0;
      for (int i = 0; i < CLIENTS * PER_CLIENT; i++) {
        Member m = store.byAddress(address(i)).orElseThrow(() -> new AssertionError("no row"));
        assertThat(m.status()).as(address(i) + ", steps " + expectedEvents(i)).isEqualTo(expectedStatus(i));
        List<String> changes = store.events(m.id()).stream().map(ListEvent::kind).filter(STATUS_EVENTS::contains).toList();
        assertThat(changes).as(address(i) + ": one event per change, in order").isEqualTo(expectedEvents(i));
        members++;
      }
      int[] total = {0};
      store.forEach(m -> total[0]++);
      assertThat(total[0]).as("one row per address").isEqualTo(members);
    }
  }

  /**
   * One client: for each address it owns, its steps in order, each through the other service
   * than the last; between them, sign-ups of the next client's addresses (overlapping its own).
   */
  private void runClient(int client, URI[] services, Path[] projects, ListStore store, Tokens tokens) throws Exception {
    String ip = "198.51.100." + (client + 1);
    int step = client;
    int neighbour = ((client + 1) % CLIENTS) * PER_CLIENT;
    for (int j = 0; j < PER_CLIENT; j++) {
      int i = client * PER_CLIENT + j;
      String email = address(i);
      int kind = i % 5;
      assertThat(subscribe(services[step++ % 2], email, ip)).as("sign-up of " + email).isEqualTo(303);
      assertThat(subscribe(services[step % 2], address(neighbour + j), ip)).as("overlapping sign-up").isEqualTo(303);
      if (kind == 0) {
        continue;
      }
      String confirm = confirmationToken(projects, email);
      assertThat(post(services[step++ % 2], "/confirm/" + confirm, "")).as("confirm " + email).isEqualTo(303);
      if (kind == 1) {
        continue;
      }
      String member = tokens.member(store.byAddress(email).orElseThrow().id());
      assertThat(post(services[step++ % 2], "/u/" + member, "List-Unsubscribe=One-Click")).as("one-click").isEqualTo(200);
      assertThat(subscribe(services[step % 2], address(neighbour + j), ip)).as("overlapping sign-up").isEqualTo(303);
      if (kind == 2) {
        continue;
      }
      assertThat(post(services[step++ % 2], "/prefs/" + member, "action=resubscribe")).as("resubscribe").isEqualTo(200);
      if (kind == 3) {
        continue;
      }
      assertThat(post(services[step++ % 2], "/u/" + member, "List-Unsubscribe=One-Click")).as("one-click").isEqualTo(200);
    }
  }

  private static ListStatus expectedStatus(int i) {
    return switch (i % 5) {
      case 0 -> ListStatus.PENDING;
      case 1, 3 -> ListStatus.SUBSCRIBED;
      default -> ListStatus.UNSUBSCRIBED;
    };
  }

  private static List<String> expectedEvents(int i) {
    return List.of("confirmed", "unsubscribed", "subscribed", "unsubscribed").subList(0, i % 5);
  }

  private Path project(String name, String db) throws IOException {
    Path project = TestSite.create(Files.createDirectories(tmp.resolve(name)), "basic");
    Files.writeString(project.resolve("jbake.properties"), "\nnewsletter.list_db=" + db
        + "\nnewsletter.list_trusted_proxy=127.0.0.1\nnewsletter.list_limit_ip=100000"
        + "\nnewsletter.list_limit_address=100000\nnewsletter.list_limit_emails=1000000\n", StandardOpenOption.APPEND);
    ListServiceFixture.writeListEmails(project);
    return project;
  }

  private static ListServiceProcess start(Path project) {
    try {
      return ListServiceProcess.start(project);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A confirmation token mailed to {@code email} by either service (their pickup folders keep
   * every message; any unused token confirms), waiting up to 30 s for the mail queue to write it.
   */
  private static String confirmationToken(Path[] projects, String email) throws Exception {
    String file = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (Path project : projects) {
        Path outbox = project.resolve(".press/list-outbox");
        if (!Files.isDirectory(outbox)) {
          continue; // nothing written yet
        }
        // the list's pickup folder keeps every message: <recipient's hash>-<message's hash>.eml
        try (java.util.stream.Stream<Path> files = Files.list(outbox)) {
          for (Path f : files.filter(f -> f.getFileName().toString().startsWith(file + "-")).toList()) {
            Matcher m = CONFIRM.matcher(Files.readString(f, StandardCharsets.UTF_8).replace("=\r\n", "").replace("=\n", ""));
            if (m.find()) {
              return m.group(1);
            }
          }
        }
      }
      Thread.sleep(10); // waiting for the mail queue's file, not for a time
    }
    throw new AssertionError("no confirmation email to " + email + " within 30 s");
  }

  private int subscribe(URI service, String email, String ip) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(service.resolve("/subscribe"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", SITE)
        .header("X-Forwarded-For", ip)
        .POST(HttpRequest.BodyPublishers.ofString(ListServiceFixture.form("email", email, "name", "", "website", ""))));
  }

  private int post(URI service, String path, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(service.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private int send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String address(int i) {
    return "p" + i + "@example.org";
  }
}
