package press.callback.list;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import press.callback.mail.Ledger;
import press.callback.mail.LedgerContract;

/** The ledger contract on rows in the list's database: subclasses name the database. */
abstract class DatabaseLedgerContract extends LedgerContract {
  private final List<ListDatabase> open = new ArrayList<>();
  private ListDatabase db;

  /** A fresh, empty database's JDBC URL. */
  abstract String newDatabase();

  /** Gives {@code project} a list database of its own: its URL as {@code press send} finds it. */
  abstract String projectDatabase(Path project) throws java.io.IOException;

  @Override
  protected Ledger.Place place(String issue, String destination) {
    if (db == null) {
      db = ListDatabase.open(newDatabase(), tmp, null);
      open.add(db);
    }
    return JdbcLedger.place(db, issue, destination, CLOCK);
  }

  @Override
  protected List<String> list(Path project, List<String> subscribed) throws java.io.IOException {
    String url = projectDatabase(project);
    try (JdbcListStore store = JdbcListStore.open(url, project, null)) {
      Instant at = Instant.parse("2026-10-01T08:00:00Z");
      for (String a : subscribed) {
        store.put(a, "", ListStatus.SUBSCRIBED, at, "import");
      }
      store.put("gone@example.org", "", ListStatus.UNSUBSCRIBED, at, "import");
      store.put("dead@example.org", "", ListStatus.BOUNCED, at, "import");
      store.put("waiting@example.org", "", ListStatus.PENDING, at, "import");
    }
    return List.of();
  }

  @AfterEach
  void closeDatabases() {
    open.forEach(ListDatabase::close);
  }
}
