package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import press.callback.mail.Envelope;
import press.callback.mail.MimeWriter;
import press.callback.testing.Press;

/**
 * {@code press send} (to the pickup folder) and {@code press unsubscribe} on real CSV files: the
 * list's structure, encoding and personal data (issue 14, items 6, 7, 12 and 17).
 */
class SubscriberCsvTest {
  private static final String ISSUE = "2026-11-30";

  @TempDir Path tmp;
  private Path outbox;

  @BeforeEach
  void writeIssue() throws Exception {
    Path eml = tmp.resolve("newsletter").resolve(ISSUE).resolve("email.eml");
    Files.createDirectories(eml.getParent());
    Files.write(eml, MimeWriter.write(new Envelope("Weekly <w@x.test>", "", "The issue",
        ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC), ISSUE + ".abc@x.test", "Weekly <weekly.x.test>",
        "https://x.test/u/?token={{token}}", "mailto:u@x.test?subject=unsubscribe%20{{token}}"),
        "Hi {{name}},\nhttps://x.test/u/?token={{token}}\n", "<p>Hi {{name}},</p>\n"));
    outbox = tmp.resolve("outbox");
  }

  private Press.Run send(Path list, String... extra) {
    List<String> args = new ArrayList<>(List.of("send", ISSUE, "--source=" + tmp, "--newsletter=" + tmp.resolve("newsletter"),
        "--outbox=" + outbox, "--subscribers=" + list));
    args.addAll(List.of(extra));
    return Press.run(Map.of(), args.toArray(String[]::new));
  }

  private List<Path> sent() throws Exception {
    Path folder = outbox.resolve(ISSUE);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    }
  }

  private static String rows(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int line = from; line <= to; line++) {
      sb.append("r").append(line).append("@example.org,Reader ").append(line).append(",subscribed\n");
    }
    return sb.toString();
  }

  @Test
  void unbalancedQuoteStopsTheSendAtItsLine() throws Exception {
    Path list = tmp.resolve("subscribers.csv");
    Files.writeString(list, "email,name,status\n" + rows(2, 10) + "smith@example.org,\"Smith, John,subscribed\n"
        + rows(12, 600));

    Press.Run run = send(list);

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err()).contains(list + ":11:19: error: a quote opens a field that does not close on this line")
        .doesNotContain(":602").doesNotContain("@example.org");
    assertThat(sent()).isEmpty();
    assertThat(tmp.resolve(".press/ledger")).doesNotExist();
    assertThat(send(list, "--dry-run").exit()).isEqualTo(1);
  }

  @Test
  void aFieldSpanningLinesStopsTheSend() throws Exception {
    Path list = tmp.resolve("subscribers.csv");
    Files.writeString(list, "email,name,status\nann@example.org,\"Ann\nSmith\",subscribed\nbob@example.org,Bob,subscribed\n");

    Press.Run run = send(list);

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err()).contains(list + ":2:17: error: a quote opens a field that does not close on this line");
    assertThat(sent()).isEmpty();
  }

  @Test
  void csvWithBomIsRead() throws Exception {
    Path list = tmp.resolve("excel.csv");
    Files.write(list, ("\uFEFFemail,name,status\r\nann@example.org,Ann,subscribed\r\n\r\nbob@example.org,Bob,subscribed\r\n")
        .getBytes(StandardCharsets.UTF_8));

    Press.Run run = send(list);

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("press: 2 subscribed, 0 not subscribed, 0 rows skipped");
    assertThat(sent()).hasSize(2);
  }

  @Test
  void latin1ByteIsReportedAtItsLine() throws Exception {
    Path list = tmp.resolve("latin1.csv");
    byte[] head = "email,name,status\nann@example.org,Ann,subscribed\n\njose@example.org,Jos".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ",subscribed\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // é in Latin-1
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Files.write(list, bytes);

    Press.Run run = send(list);

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err()).contains(list + ":4:21: error: this line is not UTF-8", "hint: save the file as UTF-8");
    assertThat(sent()).isEmpty();
  }

  @Test
  void longNameIsCappedAndHeadersFolded() throws Exception {
    Path list = tmp.resolve("subscribers.csv");
    String longest = "Ä".repeat(60) + " " + "b".repeat(39); // 100 characters: kept
    Files.writeString(list, "email,name,status\n"
        + "huge@example.org," + "x".repeat(5 * 1024 * 1024) + ",subscribed\n"
        + "max@example.org," + longest + ",subscribed\n");

    Press.Run run = send(list);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains(list + ":2: warning: the name is longer than 100 characters; the greeting says 'there'");
    assertThat(sent()).hasSize(2);
    Map<String, String> names = new java.util.HashMap<>();
    for (Path eml : sent()) {
      byte[] raw = Files.readAllBytes(eml);
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      String headers = text.substring(0, text.indexOf("\r\n\r\n"));
      for (String line : headers.split("\r\n")) {
        assertThat(line.length()).as("a header line of " + eml).isLessThanOrEqualTo(998);
      }
      assertThat(raw.length).isLessThan(10_000);
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      InternetAddress to = (InternetAddress) m.getRecipients(Message.RecipientType.TO)[0];
      names.put(to.getAddress(), String.valueOf(to.getPersonal()));
    }
    assertThat(names).containsEntry("huge@example.org", "null").containsEntry("max@example.org", longest);
  }

  @Test
  void unsubscribeKeepsEveryOtherByte() throws Exception {
    Path list = tmp.resolve("subscribers.csv");
    String before = "\uFEFFEmail , Name,Status\r\n"
        + "ann@example.org,\"Ann\",subscribed\r\n"
        + "\r\n"
        + "bob@example.org, Bob ,  subscribed  \n"
        + "\"cat@example.org\",\"Cat, \"\"the\"\" Third\",subscribed\r\n"
        + "   \n"
        + "dan@example.org,Dan,subscribed";
    Files.write(list, before.getBytes(StandardCharsets.UTF_8));

    Press.Run run = Press.run(Map.of(), "unsubscribe", "BOB@example.org", "--subscribers=" + list);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(new String(Files.readAllBytes(list), StandardCharsets.UTF_8))
        .isEqualTo(before.replace("Bob ,  subscribed", "Bob ,  unsubscribed"));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void unsubscribeKeepsModeAndWritesThroughLink() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("private")).resolve("list.csv");
    Files.writeString(real, "email,name,status\nann@example.org,Ann,subscribed\nbob@example.org,Bob,subscribed\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
    Path link = Files.createSymbolicLink(tmp.resolve("subscribers.csv"), real);

    Press.Run run = Press.run(Map.of(), "unsubscribe", "ann@example.org", "--subscribers=" + link);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("email,name,status\nann@example.org,Ann,unsubscribed\nbob@example.org,Bob,subscribed\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
    try (Stream<Path> left = Files.list(real.getParent()); Stream<Path> here = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("list.csv", ".list.csv.lock");
      assertThat(here.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("newsletter", "private", "subscribers.csv");
    }
  }
}
