package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.list.ListStore.Confirmation;
import press.callback.list.ListStore.Limits;
import press.callback.list.ListStore.Signup;
import press.callback.list.ListStore.SignupResult;

/**
 * Two stores on one database, as two service processes would have (each its own pool or
 * connection), and many threads signing up, confirming and unsubscribing the same few addresses
 * at once. Afterwards: one row per address, and every change a thread was told about is in the
 * member's history, which replays to the status it has: no change lost, none made twice.
 */
class ListStoreConcurrencyIT {
  private static final int THREADS = 12;
  private static final int OPS_PER_THREAD = 150;
  private static final int ADDRESSES = 10;
  private static final Limits NO_LIMITS = new Limits(1_000_000, 1_000_000);

  @TempDir Path project;

  @Test
  void twoStoresOnOnePostgresLoseNothingAndMakeNoTwins() throws Exception {
    String url = TestPostgres.shared().newDatabase();
    run("PostgreSQL", () -> JdbcListStore.open(url, project, null));
  }

  @Test
  void twoStoresOnOneSqliteFileLoseNothingAndMakeNoTwins() throws Exception {
    run("SQLite", () -> JdbcListStore.open("jdbc:sqlite:.press/list.db", project, null));
  }

  /** What the threads were told, to hold against the database afterwards. */
  private static final class Told {
    final AtomicInteger confirmSent = new AtomicInteger();
    final AtomicInteger confirmed = new AtomicInteger();
    final AtomicInteger already = new AtomicInteger();
    final AtomicInteger unsubscribed = new AtomicInteger();
    final AtomicInteger ops = new AtomicInteger();
    final Map<String, String> confirmedTokens = new ConcurrentHashMap<>();
  }

  private void run(String name, Supplier<JdbcListStore> open) throws Exception {
    List<JdbcListStore> stores = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      // both open at once: two processes starting together migrate the schema once
      List<Future<JdbcListStore>> opening = List.of(pool.submit(open::get), pool.submit(open::get));
      for (Future<JdbcListStore> f : opening) {
        stores.add(f.get());
      }
      Told told = new Told();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        ListStore store = stores.get(t % 2);
        work.add(pool.submit(() -> {
          start.await();
          act(thread, store, told);
          return null;
        }));
      }
      long began = System.nanoTime();
      start.countDown();
      for (Future<?> f : work) {
        f.get();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      System.out.printf("%s: %d concurrent operations by %d threads on two stores in %d ms (%.0f/s)%n",
          name, told.ops.get(), THREADS, took.toMillis(), told.ops.get() * 1000.0 / Math.max(1, took.toMillis()));

      verify(stores.get(0), told);
    } finally {
      pool.shutdownNow();
      stores.forEach(JdbcListStore::close);
    }
  }

  private static void act(int thread, ListStore store, Told told) {
    Random random = new Random(thread);
    List<String> tokens = new ArrayList<>();
    Instant base = Instant.parse("2026-03-02T08:00:00Z");
    for (int i = 0; i < OPS_PER_THREAD; i++) {
      String email = "reader" + random.nextInt(ADDRESSES) + "@example.org";
      Instant at = base.plusMillis(i);
      told.ops.incrementAndGet();
      switch (random.nextInt(3)) {
        case 0 -> {
          String token = Tokens.hash(thread + "/" + i);
          SignupResult r = store.signup(new Signup(email, "T" + thread, token, at, at.plus(Duration.ofDays(7)), "form"), NO_LIMITS);
          if (r.kind() == SignupResult.Kind.CONFIRM) {
            told.confirmSent.incrementAndGet();
            tokens.add(token);
          } else if (r.kind() == SignupResult.Kind.ALREADY) {
            told.already.incrementAndGet();
          }
        }
        case 1 -> {
          if (!tokens.isEmpty()) {
            String token = tokens.remove(random.nextInt(tokens.size()));
            Confirmation c = store.confirm(token, at, "form");
            if (c.kind() == Confirmation.Kind.CONFIRMED) {
              told.confirmed.incrementAndGet();
              assertThat(told.confirmedTokens.put(token, email)).as("a token confirms once").isNull();
            }
          }
        }
        default -> store.byAddress(email).ifPresent(m -> {
          if (store.setStatus(m.id(), ListStatus.UNSUBSCRIBED, at, "one-click")) {
            told.unsubscribed.incrementAndGet();
          }
        });
      }
    }
  }

  private static void verify(JdbcListStore store, Told told) {
    assertThat(store.check()).as("no twins, no orphans").isEmpty();
    List<Member> members = new ArrayList<>();
    store.forEach(members::add);
    assertThat(members).extracting(Member::key).doesNotHaveDuplicates();
    assertThat(members.size()).isLessThanOrEqualTo(ADDRESSES);

    Map<String, Integer> kinds = new HashMap<>();
    for (Member m : members) {
      ListStatus replayed = null;
      for (ListEvent e : store.events(m.id())) {
        kinds.merge(e.kind(), 1, Integer::sum);
        ListStatus before = replayed;
        switch (e.kind()) {
          case "signup" -> replayed = replayed == null ? ListStatus.PENDING : replayed;
          case "confirmed" -> replayed = ListStatus.SUBSCRIBED;
          case "unsubscribed" -> {
            replayed = ListStatus.UNSUBSCRIBED;
            assertThat(before).as("an unsubscribe changes a status: " + m.key()).isNotEqualTo(ListStatus.UNSUBSCRIBED);
          }
          case "already-sent" -> assertThat(before).as("told 'already' while subscribed").isEqualTo(ListStatus.SUBSCRIBED);
          default -> throw new AssertionError("unexpected event " + e);
        }
      }
      assertThat(m.status()).as("the history of " + m.key() + " replays to its status").isEqualTo(replayed);
    }
    assertThat(kinds.getOrDefault("signup", 0)).as("sign-ups told to send a confirmation").isEqualTo(told.confirmSent.get());
    assertThat(kinds.getOrDefault("confirmed", 0)).as("confirmations told CONFIRMED").isEqualTo(told.confirmed.get());
    assertThat(kinds.getOrDefault("unsubscribed", 0)).as("unsubscribes told 'changed'").isEqualTo(told.unsubscribed.get());
    assertThat(kinds.getOrDefault("already-sent", 0)).as("sign-ups told ALREADY").isEqualTo(told.already.get());
    assertThat(told.confirmed.get()).as("the test confirmed something").isPositive();
    assertThat(told.unsubscribed.get()).as("the test unsubscribed something").isPositive();
  }
}
