package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.ScriptedSmtpServer;
import press.callback.testing.TestSite;

/**
 * What every {@link Ledger} promises, run against each home (a file, SQLite, PostgreSQL):
 * subclasses say where a ledger lives and how a project's list is set up for {@code press send}.
 * The last test kills a real send (the packaged jar, SIGKILL) and resumes it: no one gets the
 * issue twice, at most one per connection is uncertain.
 */
public abstract class LedgerContract {
  protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
  protected static final String SECRET = "test-secret-of-sufficient-length";

  @TempDir protected Path tmp;

  /** Where the ledger of {@code issue} to {@code destination} lives (a fresh home per test). */
  protected abstract Ledger.Place place(String issue, String destination);

  /**
   * Gives {@code project} a list of {@code subscribed} addresses (and a few that are not
   * subscribed); returns the arguments {@code press send} needs for it.
   */
  protected abstract List<String> list(Path project, List<String> subscribed) throws IOException;

  @Test
  public void recordsTheLastStateOfEachRecipientAndReadsItBack() throws Exception {
    Ledger.Place place = place("2026-11-30", "smtp-a");
    try (Ledger l = place.open()) {
      l.record("a@x.org", Ledger.State.SENDING, "", true);
      l.record("a@x.org", Ledger.State.SENT, "", true);
      l.record("b@x.org", Ledger.State.SENDING, "", true);
      l.record("c@x.org", Ledger.State.FAILED, "550 5.1.1\tno such\nuser", true);
      l.record("d@x.org", Ledger.State.DEFERRED, "451 later", true);
      assertThat(l.mark("a@x.org").state()).isEqualTo(Ledger.State.SENT);
    }
    try (Ledger l = place.open()) {
      assertThat(l.mark("a@x.org")).isEqualTo(new Ledger.Mark(Ledger.State.SENT, ""));
      assertThat(l.mark("b@x.org").state()).isEqualTo(Ledger.State.SENDING);
      assertThat(l.mark("c@x.org")).isEqualTo(new Ledger.Mark(Ledger.State.FAILED, "550 5.1.1 no such user"));
      assertThat(l.mark("e@x.org")).isNull();
      assertThat(l.marks()).hasSize(4);
    }
    assertThat(place.read()).containsEntry("d@x.org", new Ledger.Mark(Ledger.State.DEFERRED, "451 later")).hasSize(4);
  }

  @Test
  public void keepsEachIssueAndDestinationApart() throws Exception {
    try (Ledger l = place("2026-11-30", "smtp-a").open()) {
      l.record("a@x.org", Ledger.State.SENT, "", true);
    }
    assertThat(place("2026-11-30", "smtp-b").read()).isEmpty();
    assertThat(place("2026-12-07", "smtp-a").read()).isEmpty();
    assertThat(place("2026-11-30", "smtp-a").read()).hasSize(1);
  }

  @Test
  public void oneSendAtATimePerIssueAndDestination() throws Exception {
    Ledger.Place place = place("2026-11-30", "smtp-a");
    assertThat(place.running()).isEmpty();
    try (Ledger first = place.open()) {
      first.record("a@x.org", Ledger.State.SENDING, "", true);
      assertThatThrownBy(place::open).isInstanceOf(Ledger.Busy.class)
          .hasMessageContaining("another send of this issue to this destination is running (pid "
              + ProcessHandle.current().pid());
      assertThat(place.running()).hasValueSatisfying(who -> assertThat(who).contains("pid " + ProcessHandle.current().pid()));
      assertThat(place.read()).containsKey("a@x.org"); // read beside a running send, without its lock
      try (Ledger other = place("2026-11-30", "smtp-b").open()) {
        other.record("a@x.org", Ledger.State.SENT, "", true);
      }
    }
    assertThat(place.running()).isEmpty();
    try (Ledger again = place.open()) {
      assertThat(again.mark("a@x.org").state()).isEqualTo(Ledger.State.SENDING);
    }
  }

  @Test
  public void aKilledSendResumesWithoutDuplicatesOrLosses() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
    List<String> subscribed = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      subscribed.add("s" + i + "@example.org");
    }
    List<String> listArgs = list(project, subscribed);
    int concurrency = 3;
    try (ScriptedSmtpServer server = new ScriptedSmtpServer().delay(15)) {
      List<String> args = new ArrayList<>(List.of("send", "2026-11-02", "--source=" + project,
          "--smtp=smtp://127.0.0.1:" + server.port(), "--rate=0", "--concurrency=" + concurrency));
      args.addAll(listArgs);
      Process first = start(args, tmp.resolve("first.out"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (server.totalAccepted() < 100 && System.nanoTime() < deadline && first.isAlive()) {
        Thread.sleep(5);
      }
      assertThat(first.isAlive()).as("the first send runs when it is killed: "
          + Files.readString(tmp.resolve("first.out"))).isTrue();
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no close, the lock row left behind
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int atKill = server.totalAccepted();
      assertThat(atKill).isBetween(100, 299);
      Thread.sleep(100);

      Process second = start(args, tmp.resolve("second.out"));
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(tmp.resolve("second.out"), StandardCharsets.UTF_8);
      assertThat(second.exitValue()).as(out).isZero();
      List<String> uncertain = uncertain(out);
      assertThat(uncertain).hasSizeLessThanOrEqualTo(concurrency);
      Map<String, Integer> accepted = server.accepted();
      for (String address : subscribed) {
        int n = accepted.getOrDefault(address, 0);
        if (uncertain.contains(address)) {
          assertThat(n).as(address + " (uncertain)").isBetween(0, 1);
        } else {
          assertThat(n).as(address).isEqualTo(1);
        }
      }
      assertThat(accepted.keySet()).allMatch(subscribed::contains);
      System.out.printf("%s: %d accepted when killed, %d uncertain after resume%n",
          getClass().getSimpleName(), atKill, uncertain.size());
    }
  }

  private static List<String> uncertain(String out) {
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
    return uncertain;
  }

  private static Process start(List<String> args, Path output) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Path.of(System.getProperty("press.jar", "target/press.jar")).toAbsolutePath().toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().put("PRESS_UNSUBSCRIBE_SECRET", SECRET);
    return pb.start();
  }
}
