package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.Lists;
import press.callback.testing.Press;
import press.callback.testing.ScriptedSmtpServer;
import press.callback.testing.TestSite;

/** {@code press send} against a scripted SMTP server that refuses, defers and drops. */
class SendFaultsIT {
  static final Map<String, String> ENV = Map.of("PRESS_UNSUBSCRIBE_SECRET", SendIT.SECRET);

  @TempDir static Path tmp;
  static Path project;
  ScriptedSmtpServer server;
  Path list;

  @BeforeAll
  static void bake() {
    project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
  }

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSmtpServer();
    list = tmp.resolve("list-" + System.nanoTime() + ".csv");
    Files.writeString(list, Lists.mixed(40, 0, 0, 0, 0).csv());
    Path ledger = project.resolve(".press/ledger");
    if (Files.exists(ledger)) {
      TestSite.files(ledger, "").forEach(f -> ledger.resolve(f).toFile().delete());
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private Press.Run send(String... extra) {
    String[] base = {"send", "2026-11-02", "--source=" + project, "--subscribers=" + list,
        "--smtp=smtp://127.0.0.1:" + server.port(), "--rate=0", "--backoff=0.01", "--attempts=3"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Press.run(ENV, args);
  }

  @Test
  void permanentRefusalsFailWithTheServersReplyAndAreNotRetried() throws Exception {
    server.onRcpt(a -> a.equals("s3@example.org") || a.equals("s7@example.org")
        ? "550 5.1.1 <" + a + ">: Recipient address rejected: User unknown" : "250 OK");
    Press.Run run = send();
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("press: sent 38, failed 2, deferred 0");
    assertThat(server.accepted()).hasSize(38).doesNotContainKeys("s3@example.org", "s7@example.org");
    assertThat(server.protocolErrors()).as("a refused recipient leaves no open transaction").isEmpty();
    String ledger = Files.readString(project.resolve(".press/ledger/2026-11-02.smtp-127.0.0.1-" + server.port() + ".log"));
    assertThat(ledger).contains("\tfailed\ts3@example.org\t550 5.1.1 <s3@example.org>: Recipient address rejected: User unknown");

    Press.Run again = send();
    assertThat(again.out()).contains("press: sent 0, failed 0, deferred 0, already done 40");
    assertThat(server.totalAccepted()).isEqualTo(38);
  }

  @Test
  void temporaryRefusalsAreRetriedThenDeferredToTheNextRun() throws Exception {
    Map<String, Integer> tries = new ConcurrentHashMap<>();
    server.onRcpt(a -> {
      int n = tries.merge(a, 1, Integer::sum);
      if (a.equals("s5@example.org")) {
        return "451 4.7.1 Greylisted, try again later";
      }
      return a.equals("s9@example.org") && n == 1 ? "452 4.3.1 Insufficient system storage" : "250 OK";
    });
    Press.Run run = send();
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("press: sent 39, failed 0, deferred 1", "run the same command later");
    assertThat(tries.get("s5@example.org")).isEqualTo(3);
    assertThat(server.accepted()).containsEntry("s9@example.org", 1).doesNotContainKey("s5@example.org");

    server.onRcpt(a -> "250 OK");
    Press.Run later = send();
    assertThat(later.out()).contains("press: sent 1, failed 0, deferred 0, already done 39");
    assertThat(server.accepted().values()).allMatch(n -> n == 1);
    assertThat(server.accepted()).hasSize(40);
  }

  @Test
  void aConnectionDroppedBeforeTheDataIsRetriedOnANewConnection() throws Exception {
    Set<String> dropped = ConcurrentHashMap.newKeySet();
    server.onRcpt(a -> a.equals("s11@example.org") && dropped.add(a) ? "" : "250 OK");
    Press.Run run = send("--concurrency=1");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("press: sent 40, failed 0, deferred 0, already done 0, uncertain 0");
    assertThat(server.accepted()).hasSize(40).containsEntry("s11@example.org", 1);
    assertThat(server.connections()).isEqualTo(2);
  }

  /**
   * Issue 14, item 2: the server queued the message, then the connection dropped before its
   * answer. Sending again would be a duplicate: the address is uncertain, listed, not retried, not
   * sent by a rerun, and sent again only with --resend-uncertain.
   */
  @Test
  void dropAfterDotIsUncertain() throws Exception {
    Set<String> dropped = ConcurrentHashMap.newKeySet();
    server.onData(rcpts -> rcpts.contains("s11@example.org") && dropped.add("s11")
        ? new ScriptedSmtpServer.QueueThenDrop(false)
        : new ScriptedSmtpServer.Reply("250 2.0.0 Ok: queued"));

    Press.Run run = send("--concurrency=1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("press: sent 39, failed 0, deferred 0, already done 0, uncertain 1",
        "\n  s11@example.org\n", "--resend-uncertain");
    assertThat(server.accepted()).hasSize(40).allSatisfy((a, n) -> assertThat(n).as(a).isEqualTo(1));
    assertThat(send("--status").out()).contains("sent 39, failed 0", "uncertain 1");

    Press.Run rerun = send();
    assertThat(rerun.out()).contains("press: sent 0, failed 0, deferred 0, already done 39, uncertain 1");
    assertThat(server.accepted()).containsEntry("s11@example.org", 1);

    Press.Run resend = send("--resend-uncertain");
    assertThat(resend.out()).contains("press: sent 1, failed 0, deferred 0, already done 39, uncertain 0");
    assertThat(server.accepted()).containsEntry("s11@example.org", 2); // the author asked for it
    assertThat(send("--status").out()).contains("sent 40, failed 0", "uncertain 0");
  }

  /** Issue 14, item 2: every 50th message queued, then the connection reset (RST) before the answer. */
  @Test
  void resetAfterEvery50thMessageSendsEachOnce() throws Exception {
    Files.writeString(list, Lists.mixed(200, 0, 0, 0, 0).csv());
    java.util.concurrent.atomic.AtomicInteger messages = new java.util.concurrent.atomic.AtomicInteger();
    server.onData(rcpts -> messages.incrementAndGet() % 50 == 0
        ? new ScriptedSmtpServer.QueueThenDrop(true)
        : new ScriptedSmtpServer.Reply("250 2.0.0 Ok: queued"));

    Press.Run run = send("--concurrency=3");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("press: sent 196, failed 0, deferred 0, already done 0, uncertain 4");
    assertThat(server.accepted()).hasSize(200).allSatisfy((a, n) -> assertThat(n).as(a).isEqualTo(1));
    assertThat(send().out()).contains("press: sent 0, failed 0, deferred 0, already done 196, uncertain 4");
    assertThat(server.totalAccepted()).isEqualTo(200);
  }

  /** Issue 14, item 3: a send of the same issue to the same destination while one runs is refused. */
  @Test
  void secondSendOfSameIssueIsRefused() throws Exception {
    Path ledgerFile = project.resolve(".press/ledger/2026-11-02.smtp-127.0.0.1-" + server.port() + ".log");
    try (Ledger running = Ledger.open(ledgerFile, java.time.Clock.systemUTC(), new ProcessLocks())) {
      Press.Run second = send();
      assertThat(second.exit()).isEqualTo(1);
      assertThat(second.err()).contains("press: error: another send of this issue to this destination is running (pid "
          + ProcessHandle.current().pid() + ", since ", "ledger " + ledgerFile.toAbsolutePath());
      assertThat(server.connections()).isZero();
      assertThat(send("--status").out()).contains("a send is running now (pid " + ProcessHandle.current().pid());
      assertThat(send("--dry-run").exit()).isZero();
    }
    assertThat(send().out()).contains("press: sent 40");
  }

  @Test
  void anUnreachableServerStopsTheSendAndLeavesEveryonePending() throws Exception {
    int port = server.port();
    server.close();
    Press.Run run = Press.run(ENV, "send", "2026-11-02", "--source=" + project, "--subscribers=" + list,
        "--smtp=smtp://127.0.0.1:" + port, "--backoff=0.01", "--attempts=2");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("press: stopped: cannot connect to 127.0.0.1:" + port);
    Path ledger = project.resolve(".press/ledger/2026-11-02.smtp-127.0.0.1-" + port + ".log");
    assertThat(Files.readString(ledger)).as("nothing handed over, nothing uncertain").isEmpty();
  }

  @Test
  void everyRecipientGetsItsOwnTransaction() throws Exception {
    Press.Run run = send("--concurrency=3");
    assertThat(run.exit()).isZero();
    assertThat(server.accepted()).hasSize(40).allSatisfy((a, n) -> assertThat(n).isEqualTo(1));
    assertThat(server.connections()).isEqualTo(3);
    assertThat(List.copyOf(server.protocolErrors())).isEmpty();
  }
}
