package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
  @TempDir Path tmp;

  @Test
  void recordsStateChangesAndReadsThemBack() throws Exception {
    Path file = tmp.resolve(".press/ledger/2026-11-30.pickup.log");
    try (Ledger l = Ledger.open(file, CLOCK, new ProcessLocks())) {
      l.record("a@x.org", Ledger.State.SENDING, "", true);
      l.record("a@x.org", Ledger.State.SENT, "", true);
      l.record("b@x.org", Ledger.State.SENDING, "", true);
      l.record("c@x.org", Ledger.State.FAILED, "550 5.1.1\tno such\nuser", true);
    }
    assertThat(Files.readString(file)).isEqualTo(
        "2026-11-30T08:00:00Z\tsending\ta@x.org\t\n"
            + "2026-11-30T08:00:00Z\tsent\ta@x.org\t\n"
            + "2026-11-30T08:00:00Z\tsending\tb@x.org\t\n"
            + "2026-11-30T08:00:00Z\tfailed\tc@x.org\t550 5.1.1 no such user\n");
    try (Ledger l = Ledger.open(file, CLOCK, new ProcessLocks())) {
      assertThat(l.mark("a@x.org").state()).isEqualTo(Ledger.State.SENT);
      assertThat(l.mark("b@x.org").state()).isEqualTo(Ledger.State.SENDING);
      assertThat(l.mark("c@x.org")).isEqualTo(new Ledger.Mark(Ledger.State.FAILED, "550 5.1.1 no such user"));
      assertThat(l.mark("d@x.org")).isNull();
    }
  }

  @Test
  void ignoresAndCutsOffATruncatedLastLine() throws Exception {
    Path file = tmp.resolve("l.log");
    Files.writeString(file, "2026-11-30T08:00:00Z\tsending\ta@x.org\t\n2026-11-30T08:00:00Z\tsent\ta@x.o", StandardCharsets.UTF_8);
    try (Ledger l = Ledger.open(file, CLOCK, new ProcessLocks())) {
      assertThat(l.mark("a@x.org").state()).isEqualTo(Ledger.State.SENDING);
      l.record("a@x.org", Ledger.State.SENT, "", true);
    }
    assertThat(Files.readAllLines(file)).containsExactly(
        "2026-11-30T08:00:00Z\tsending\ta@x.org\t", "2026-11-30T08:00:00Z\tsent\ta@x.org\t");
  }

  @Test
  void skipsLinesThatAreNotOurs() throws Exception {
    Path file = tmp.resolve("l.log");
    Files.writeString(file, "garbage\n2026\tbogus\ta@x.org\t\n2026\tsent\tb@x.org\n");
    try (Ledger l = Ledger.open(file, CLOCK, new ProcessLocks())) {
      assertThat(l.marks()).containsOnlyKeys("b@x.org");
    }
  }
}
