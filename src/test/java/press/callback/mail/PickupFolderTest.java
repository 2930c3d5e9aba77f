package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickupFolderTest {
  @TempDir Path tmp;

  private static MimeMessage message(String id) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", "<" + id + "@x.test>");
      }
    };
    m.setText("Hello");
    m.saveChanges();
    return m;
  }

  private static long files(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".eml")).count();
    }
  }

  @Test
  void aSendsPickupFolderKeepsOneFilePerRecipient() throws Exception {
    Path folder = tmp.resolve("outbox");
    try (MailTransport t = new PickupFolder(folder).open()) {
      t.deliver(message("one"), "ann@x.test");
      t.deliver(message("two"), "ann@x.test");
    }
    assertThat(files(folder)).isEqualTo(1);
  }

  @Test
  void theListsPickupFolderKeepsEveryMessageForTheOwnerOnly() throws Exception {
    Path folder = tmp.resolve("list-outbox");
    try (MailTransport t = PickupFolder.everyMessage(folder).open()) {
      t.deliver(message("one"), "ann@x.test"); // a first confirmation
      t.deliver(message("two"), "ann@x.test"); // and a second one: both kept
    }
    assertThat(files(folder)).isEqualTo(2);
    try (Stream<Path> s = Files.list(folder)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("ann"));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
  }
}
