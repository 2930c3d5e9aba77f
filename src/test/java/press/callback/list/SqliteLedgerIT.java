package press.callback.list;

import java.nio.file.Path;

/** The ledger contract on SQLite files; the send test's list is at the default place. */
class SqliteLedgerIT extends DatabaseLedgerContract {
  @Override
  String newDatabase() {
    return "jdbc:sqlite:" + tmp.resolve("ledger/list.db");
  }

  @Override
  String projectDatabase(Path project) {
    return "jdbc:sqlite:.press/list.db"; // newsletter.list_db not set: the default file, once it exists
  }
}
