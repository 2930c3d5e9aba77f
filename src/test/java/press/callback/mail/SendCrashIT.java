package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.Lists;
import press.callback.testing.ScriptedSmtpServer;
import press.callback.testing.TestSite;

/**
 * The promise of the ledger: a send killed with SIGKILL in the middle, then resumed, delivers
 * exactly one message to every subscriber, except at most one per connection that is reported
 * uncertain. Runs the packaged jar in separate JVMs.
 */
class SendCrashIT {
  @TempDir Path tmp;

  record Run(int exit, String out) {}

  @Test
  void aKilledSendResumesWithoutDuplicatesOrLosses() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
    Lists.SubscriberCsv csv = Lists.mixed(300, 5, 5, 5, 5);
    Path list = tmp.resolve("subscribers.csv");
    Files.writeString(list, csv.csv());
    int concurrency = 3;

    try (ScriptedSmtpServer server = new ScriptedSmtpServer().delay(15)) {
      List<String> args = List.of("send", "2026-11-02", "--source=" + project, "--subscribers=" + list,
          "--smtp=smtp://127.0.0.1:" + server.port(), "--rate=0", "--concurrency=" + concurrency);
      Process first = start(args, tmp.resolve("first.out"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (server.totalAccepted() < 100 && System.nanoTime() < deadline && first.isAlive()) {
        Thread.sleep(5);
      }
      assertThat(first.isAlive()).as("the first send is still running when it is killed").isTrue();
      first.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int atKill = server.totalAccepted();
      assertThat(atKill).isBetween(100, 299);
      Thread.sleep(100); // let the server finish messages it was reading

      Process second = start(args, tmp.resolve("second.out"));
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(tmp.resolve("second.out"), StandardCharsets.UTF_8);
      assertThat(second.exitValue()).as(out).isZero();

      List<String> uncertain = new ArrayList<>();
      boolean inList = false;
      for (String line : out.split("\n")) {
        if (line.startsWith("press: uncertain (")) {
          inList = true;
        } else if (inList && line.startsWith("  ")) {
          uncertain.add(line.strip());
        } else {
          inList = false;
        }
      }
      assertThat(uncertain).hasSizeLessThanOrEqualTo(concurrency);
      for (String address : csv.subscribed()) {
        int n = server.accepted().getOrDefault(address, 0);
        if (uncertain.contains(address)) {
          assertThat(n).as(address + " (uncertain)").isBetween(0, 1);
        } else {
          assertThat(n).as(address).isEqualTo(1);
        }
      }
      assertThat(server.accepted().keySet()).allMatch(csv.subscribed()::contains);
      System.out.printf("crash test: %d accepted when killed, %d uncertain after resume: %s%n", atKill, uncertain.size(), uncertain);
    }
  }

  /**
   * Issue 14, item 3: two processes sending one issue to one destination at once. The second
   * is refused, naming the first, while the first waits on the server; the first then sends each
   * message once and the ledger has one well-formed line per change.
   */
  @Test
  void secondSendProcessOfSameIssueIsRefused() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
    Lists.SubscriberCsv csv = Lists.mixed(30, 0, 0, 0, 0);
    Path list = tmp.resolve("subscribers.csv");
    Files.writeString(list, csv.csv());
    java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
      server.onData(rcpts -> arrived.getCount() > 0 ? new ScriptedSmtpServer.Hold(arrived, release)
          : new ScriptedSmtpServer.Reply("250 2.0.0 Ok: queued"));
      List<String> args = List.of("send", "2026-11-02", "--source=" + project, "--subscribers=" + list,
          "--smtp=smtp://127.0.0.1:" + server.port(), "--rate=0", "--concurrency=2");
      Process first = start(args, tmp.resolve("first.out"));
      assertThat(arrived.await(60, TimeUnit.SECONDS)).as("the first send reached the server").isTrue();

      Process second = start(args, tmp.resolve("second.out"));
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String refused = Files.readString(tmp.resolve("second.out"), StandardCharsets.UTF_8);
      assertThat(second.exitValue()).as(refused).isEqualTo(1);
      assertThat(refused).contains("press: error: another send of this issue to this destination is running (pid "
          + first.pid() + ", since ");

      release.countDown();
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(tmp.resolve("first.out"), StandardCharsets.UTF_8);
      assertThat(first.exitValue()).as(out).isZero();
      assertThat(server.accepted()).hasSize(30).allSatisfy((a, n) -> assertThat(n).as(a).isEqualTo(1));
      Path ledger = project.resolve(".press/ledger/2026-11-02.smtp-127.0.0.1-" + server.port() + ".log");
      assertThat(Files.readAllLines(ledger)).hasSize(60)
          .allMatch(line -> line.matches("[0-9T:.Z-]+\\t(sending|sent)\\ts[0-9]+@example\\.org\\t"));
    }
  }

  private static Process start(List<String> args, Path output) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Path.of(System.getProperty("press.jar", "target/press.jar")).toAbsolutePath().toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().put("PRESS_UNSUBSCRIBE_SECRET", SendIT.SECRET);
    return pb.start();
  }
}
