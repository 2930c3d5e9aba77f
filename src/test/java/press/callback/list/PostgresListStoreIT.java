package press.callback.list;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store's contract on a real PostgreSQL server ({@link TestPostgres}), a database per test. */
class PostgresListStoreIT extends ListStoreContract {
  private String url;

  @Override
  JdbcListStore create() {
    url = TestPostgres.shared().newDatabase();
    return reopen();
  }

  @Override
  JdbcListStore reopen() {
    return JdbcListStore.open(url, Path.of("."), null);
  }

  @Test
  void explainsADatabaseThatDoesNotExist() {
    String missing = TestPostgres.shared().url("no_such_db");

    assertThatThrownBy(() -> ListDatabase.open(missing, Path.of("."), "secret"))
        .isInstanceOf(ListStoreException.class)
        .hasMessageContaining("cannot reach the list database")
        .hasMessageContaining("no_such_db")
        .extracting(e -> ((ListStoreException) e).hint()).asString().contains("PRESS_LIST_DB_PASSWORD");
  }

  @Test
  void explainsAServerThatIsNotThere() {
    String nowhere = "jdbc:postgresql://127.0.0.1:1/list?user=press&password=hunter2";

    assertThatThrownBy(() -> ListDatabase.open(nowhere, Path.of("."), null))
        .isInstanceOf(ListStoreException.class)
        .hasMessageContaining("cannot reach the list database jdbc:postgresql://127.0.0.1:1/list?user=press&password=…")
        .hasMessageNotContaining("hunter2")
        .extracting(e -> ((ListStoreException) e).hint()).asString().contains("server is running");
  }
}
