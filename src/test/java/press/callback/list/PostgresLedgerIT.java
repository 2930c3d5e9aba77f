package press.callback.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The ledger contract on a real PostgreSQL server ({@link TestPostgres}), a database per test. */
class PostgresLedgerIT extends DatabaseLedgerContract {
  @Override
  String newDatabase() {
    return TestPostgres.shared().newDatabase();
  }

  @Override
  String projectDatabase(Path project) throws IOException {
    String url = newDatabase();
    Files.writeString(project.resolve("jbake.properties"), "\nnewsletter.list_db=" + url + "\n", StandardOpenOption.APPEND);
    return url;
  }
}
