package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/**
 * Issue 15: {@code press list serve} killed with SIGKILL in the middle of 1,000 concurrent
 * confirmations, on its default store (an SQLite file). A confirmation the reader was told about
 * (its 303) is in the database afterwards, the file passes its integrity check, and the service
 * starts again on it and confirms the rest. Runs the packaged jar in a JVM of its own.
 */
class ListServiceCrashIT {
  private static final int SIGNUPS = 1_000;
  private static final int CLIENTS = 50;
  private static final String DB = "jdbc:sqlite:.press/list.db";

  @TempDir Path tmp;

  @Test
  void aKillDuringAThousandConcurrentConfirmsLosesNoAnsweredConfirm() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    ListServiceFixture.writeListEmails(project);
    List<String> tokens = seedPendingSignups(project);

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    AtomicIntegerArray answers = new AtomicIntegerArray(SIGNUPS); // 0: no answer
    CountDownLatch half = new CountDownLatch(SIGNUPS / 2);
    int answeredAtKill;
    try (ListServiceProcess service = ListServiceProcess.start(project)) {
      AtomicInteger next = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Thread client = new Thread(() -> {
          for (int i; (i = next.getAndIncrement()) < SIGNUPS; ) {
            try {
              answers.set(i, confirm(http, service.base(), tokens.get(i)).statusCode());
              half.countDown();
            } catch (IOException e) {
              // no answer: the service was killed while or before it read this one
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "confirm-client-" + c);
        client.start();
        clients.add(client);
      }
      assertThat(half.await(120, TimeUnit.SECONDS)).as("half the confirms answered:\n%s", service.output()).isTrue();
      answeredAtKill = SIGNUPS - count(answers, 0);
      service.kill();
      for (Thread t : clients) {
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(t.isAlive()).as("%s is done once the service is gone", t.getName()).isFalse();
      }
    }

    int answered = 0;
    for (int i = 0; i < SIGNUPS; i++) {
      assertThat(answers.get(i)).as("the answer to confirm #%d", i).isIn(0, 303);
      answered += answers.get(i) == 303 ? 1 : 0;
    }
    assertThat(answered).as("the kill came in the middle of the confirms").isBetween(SIGNUPS / 2, SIGNUPS - 1);

    int committedUnanswered = 0;
    try (ListStore store = JdbcListStore.open(DB, project, null)) {
      assertThat(store.check()).as("the database's integrity check after SIGKILL").isEmpty();
      for (int i = 0; i < SIGNUPS; i++) {
        ListStatus status = store.byAddress(address(i)).orElseThrow().status();
        if (answers.get(i) == 303) {
          assertThat(status).as("%s got its 303", address(i)).isEqualTo(ListStatus.SUBSCRIBED);
        } else if (status == ListStatus.SUBSCRIBED) {
          committedUnanswered++; // committed, but the answer did not get out before the kill
        } else {
          assertThat(status).as(address(i)).isEqualTo(ListStatus.PENDING);
        }
      }
    }

    int usedAlready = 0;
    try (ListServiceProcess again = ListServiceProcess.start(project)) {
      for (int i = 0; i < SIGNUPS; i++) {
        if (answers.get(i) != 303) {
          int status = confirm(http, again.base(), tokens.get(i)).statusCode();
          assertThat(status).as("confirm #%d after the restart:\n%s", i, again.output()).isIn(303, 410);
          usedAlready += status == 410 ? 1 : 0;
        }
      }
    }
    assertThat(usedAlready).as("the tokens used by a commit whose answer was lost").isEqualTo(committedUnanswered);
    try (ListStore store = JdbcListStore.open(DB, project, null)) {
      assertThat(store.check()).isEmpty();
      assertThat(store.counts()).containsEntry(ListStatus.SUBSCRIBED, SIGNUPS).containsEntry(ListStatus.PENDING, 0);
    }
    System.out.printf("list crash test: %d of %d confirms answered when the service was killed (%d at the kill"
        + " signal); %d more committed without an answer%n", answered, SIGNUPS, answeredAtKill, committedUnanswered);
  }

  /** 1,000 pending sign-ups whose confirmation tokens the test knows, written as the service would. */
  private static List<String> seedPendingSignups(Path project) {
    SecureRandom random = new SecureRandom();
    List<String> tokens = new ArrayList<>();
    Instant now = Instant.now();
    ListStore.Limits unlimited = new ListStore.Limits(SIGNUPS, SIGNUPS * 10);
    try (ListStore store = JdbcListStore.open(DB, project, null)) {
      for (int i = 0; i < SIGNUPS; i++) {
        String token = Tokens.newConfirmation(random);
        ListStore.SignupResult r = store.signup(new ListStore.Signup(address(i), "", Tokens.hash(token), now,
            now.plus(Duration.ofDays(7)), "crash test"), unlimited);
        assertThat(r.kind()).isEqualTo(ListStore.SignupResult.Kind.CONFIRM);
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static HttpResponse<Void> confirm(HttpClient http, URI base, String token)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve("/confirm/" + token)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
  }

  private static String address(int i) {
    return "c" + i + "@example.org";
  }

  private static int count(AtomicIntegerArray a, int value) {
    int n = 0;
    for (int i = 0; i < a.length(); i++) {
      n += a.get(i) == value ? 1 : 0;
    }
    return n;
  }
}
