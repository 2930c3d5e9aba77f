package press.callback.list.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mbox and maildir readers on real files: what they read, and what they do with the handled. */
class MailboxReadersTest {
  @TempDir Path tmp;

  /** Records what it was given; handles the messages {@code handles} accepts. */
  static final class Recorder implements Mailbox.Handler {
    final List<String> read = new ArrayList<>();
    int before;
    final Predicate<String> handles;

    Recorder(Predicate<String> handles) {
      this.handles = handles;
    }

    @Override
    public boolean handle(byte[] raw) {
      String s = new String(raw, StandardCharsets.UTF_8);
      read.add(s);
      return handles.test(s);
    }

    @Override
    public void handledBefore() {
      before++;
    }
  }

  static final String MBOX = "From MAILER-DAEMON Mon Nov 30 08:00:00 2026\n"
      + "Message-ID: <one@x>\nSubject: one\n\nbody one\n>From the quoted line\n\n"
      + "From someone@example.org Mon Nov 30 08:01:00 2026\n"
      + "Subject: two, no id\n\nbody two\n\n"
      + "From x@y Mon Nov 30 08:02:00 2026\n"
      + "Message-ID: <three@x>\nSubject: three\n\nbody three\n";

  @Test
  void mboxSplitsOnFromLinesUnquotesAndNotesTheHandledBesideTheFileWhichItNeverWrites() throws Exception {
    Path file = tmp.resolve("bounces.mbox");
    Files.writeString(file, MBOX);

    Recorder first = new Recorder(s -> !s.contains("three"));
    try (MboxMailbox box = MboxMailbox.open(file)) {
      box.read(first);
    }
    Recorder second = new Recorder(s -> false);
    try (MboxMailbox box = MboxMailbox.open(file)) {
      box.read(second);
    }

    assertThat(first.read).containsExactly(
        "Message-ID: <one@x>\nSubject: one\n\nbody one\nFrom the quoted line\n",
        "Subject: two, no id\n\nbody two\n",
        "Message-ID: <three@x>\nSubject: three\n\nbody three\n");
    assertThat(Files.readString(file)).isEqualTo(MBOX);
    assertThat(Files.readAllLines(tmp.resolve("bounces.mbox.press-handled"))).hasSize(2).allMatch(l -> l.matches("[0-9a-f]{64}"));
    assertThat(second.before).isEqualTo(2);
    assertThat(second.read).singleElement().asString().contains("three");
  }

  @Test
  void maildirMovesTheHandledIntoPressHandledMarkedSeenAndLeavesTheRest() throws Exception {
    Path dir = tmp.resolve("Maildir");
    Files.createDirectories(dir.resolve("new"));
    Files.createDirectories(dir.resolve("cur"));
    Files.writeString(dir.resolve("new/1700000000.a.host"), "Subject: bounce\n\nx\n");
    Files.writeString(dir.resolve("cur/1700000001.b.host:2,RF"), "Subject: keep\n\nx\n");
    Files.writeString(dir.resolve("cur/1700000002.c.host:2,"), "Subject: bounce too\n\nx\n");

    Recorder r = new Recorder(s -> s.contains("bounce"));
    try (MaildirMailbox box = MaildirMailbox.open(dir)) {
      box.read(r);
    }

    assertThat(r.read).hasSize(3);
    assertThat(names(dir.resolve("new"))).isEmpty();
    assertThat(names(dir.resolve("cur"))).containsExactly("1700000001.b.host:2,RF");
    assertThat(names(dir.resolve(".press-handled/cur"))).containsExactly("1700000000.a.host:2,S", "1700000002.c.host:2,S");
  }

  private static List<String> names(Path d) throws Exception {
    try (var s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
