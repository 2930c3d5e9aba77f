package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

class SubscriberUpdateTest {
  /** One process's locks, shared by every update of a test as by every command of a process. */
  private final ProcessLocks locks = new ProcessLocks();

  @TempDir Path tmp;

  private Path list(String csv) throws Exception {
    Path file = tmp.resolve("subscribers.csv");
    Files.write(file, csv.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static String read(Path file) throws Exception {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private List<String> folder() throws Exception {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void changesOnlyTheStatusFieldWhateverItsQuotingOrAbsence() throws Exception {
    Path file = list("""
        email,name,status,notes
        "ann@example.org",Ann,"subscribed",x
        bob@example.org,Bob,,y
        cat@example.org
        dan@example.org,"ann@example.org",subscribed,z
        eve@example.org,Eve, "Subscribed" ,w
        """);
    assertThat(SubscriberUpdate.unsubscribe(file, "ann@example.org", locks)).isEqualTo(SubscriberUpdate.Result.UPDATED);
    assertThat(SubscriberUpdate.unsubscribe(file, "bob@example.org", locks)).isEqualTo(SubscriberUpdate.Result.UPDATED);
    assertThat(SubscriberUpdate.unsubscribe(file, "cat@example.org", locks)).isEqualTo(SubscriberUpdate.Result.UPDATED);
    assertThat(SubscriberUpdate.unsubscribe(file, "eve@example.org", locks)).isEqualTo(SubscriberUpdate.Result.UPDATED);
    assertThat(read(file)).isEqualTo("""
        email,name,status,notes
        "ann@example.org",Ann,"unsubscribed",x
        bob@example.org,Bob,unsubscribed,y
        cat@example.org,,unsubscribed
        dan@example.org,"ann@example.org",subscribed,z
        eve@example.org,Eve, "unsubscribed" ,w
        """);
    assertThat(folder()).containsExactly(".subscribers.csv.lock", "subscribers.csv"); // no temporary file left
  }

  @Test
  void marksEveryRowOfTheAddressAndLeavesAnUnchangedListAlone() throws Exception {
    Path file = list("email,name,status\nann@example.org,Ann,subscribed\nANN@example.org,Ann,bounced\nbob@example.org,Bob,Unsubscribed\n");
    assertThat(SubscriberUpdate.unsubscribe(file, "Ann@Example.org", locks)).isEqualTo(SubscriberUpdate.Result.UPDATED);
    assertThat(read(file)).isEqualTo("email,name,status\nann@example.org,Ann,unsubscribed\nANN@example.org,Ann,unsubscribed\nbob@example.org,Bob,Unsubscribed\n");
    assertThat(SubscriberUpdate.unsubscribe(file, "bob@example.org", locks)).isEqualTo(SubscriberUpdate.Result.ALREADY);
    assertThat(SubscriberUpdate.unsubscribe(file, "zed@example.org", locks)).isEqualTo(SubscriberUpdate.Result.NOT_FOUND);
    assertThat(read(file)).endsWith("bob@example.org,Bob,Unsubscribed\n");
  }

  @Test
  void refusesAListWithQuotingOrEncodingErrorsAndChangesNothing() throws Exception {
    String csv = "email,name,status\nann@example.org,Ann,subscribed\nbob@example.org,\"Bob,subscribed\n";
    Path file = list(csv);
    assertThatThrownBy(() -> SubscriberUpdate.unsubscribe(file, "ann@example.org", locks))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::location).containsExactly(file + ":3:17"));
    assertThat(read(file)).isEqualTo(csv);
    Files.write(file, new byte[] {'e', 'm', 'a', 'i', 'l', ',', 's', 't', 'a', 't', 'u', 's', '\n', 'a', '@', 'b', '.', 'c', (byte) 0xff, ',', 's', '\n'});
    assertThatThrownBy(() -> SubscriberUpdate.unsubscribe(file, "a@b.c", locks))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::location).containsExactly(file + ":2:6"));
    assertThat(folder()).containsExactly(".subscribers.csv.lock", "subscribers.csv"); // no temporary file left
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void keepsAModeTheUmaskWouldNotGive() throws Exception {
    Path file = list("email,name,status\nann@example.org,Ann,subscribed\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    SubscriberUpdate.unsubscribe(file, "ann@example.org", locks);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void keepsTheOwnerAndGroupOfAListPressDoesNotOwn() throws Exception {
    Path file = list("email,name,status\nann@example.org,Ann,subscribed\n");
    var users = file.getFileSystem().getUserPrincipalLookupService();
    var view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    try {
      view.setOwner(users.lookupPrincipalByName("nobody"));
      view.setGroup(users.lookupPrincipalByGroupName("nogroup"));
    } catch (java.io.IOException e) {
      Assumptions.abort("needs to run as root to give a file away: " + e);
    }
    var before = Files.readAttributes(file, PosixFileAttributes.class);
    SubscriberUpdate.unsubscribe(file, "ann@example.org", locks);
    var after = Files.readAttributes(file, PosixFileAttributes.class);
    assertThat(after.owner()).isEqualTo(before.owner());
    assertThat(after.group()).isEqualTo(before.group());
    assertThat(after.fileKey()).isNotEqualTo(before.fileKey()); // a new file, renamed into place
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void refusesAHardLinkedOrReadOnlyList() throws Exception {
    String csv = "email,name,status\nann@example.org,Ann,subscribed\n";
    Path file = list(csv);
    Path other = Files.createLink(tmp.resolve("copy.csv"), file);
    assertThatThrownBy(() -> SubscriberUpdate.unsubscribe(file, "ann@example.org", locks))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).message())
            .contains("2 names (hard links)"));
    Files.delete(other);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    assertThatThrownBy(() -> SubscriberUpdate.unsubscribe(file, "ann@example.org", locks))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).message())
            .contains("read-only"));
    assertThat(read(file)).isEqualTo(csv);
    assertThat(folder()).containsExactly(".subscribers.csv.lock", "subscribers.csv"); // no temporary file left
  }

  @Test
  void updatesAtOnceLoseNoUnsubscribe() throws Exception {
    StringBuilder csv = new StringBuilder("email,name,status\n");
    for (int i = 0; i < 40; i++) {
      csv.append("r").append(i).append("@example.org,R,subscribed\n");
    }
    Path file = list(csv.toString());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SubscriberUpdate.Result>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String address = "r" + i + "@example.org";
        results.add(pool.submit(() -> SubscriberUpdate.unsubscribe(file, address, locks)));
      }
      for (Future<SubscriberUpdate.Result> r : results) {
        assertThat(r.get()).isEqualTo(SubscriberUpdate.Result.UPDATED);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(file)).isEqualTo(csv.toString().replace(",subscribed", ",unsubscribed"));
    assertThat(folder()).containsExactly(".subscribers.csv.lock", "subscribers.csv"); // no temporary file left
  }
}
