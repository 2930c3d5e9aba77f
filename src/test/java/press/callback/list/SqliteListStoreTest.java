package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on an SQLite file in a temporary folder, and what only SQLite has. */
class SqliteListStoreTest extends ListStoreContract {
  @TempDir Path project;

  @Override
  JdbcListStore create() {
    return reopen();
  }

  @Override
  JdbcListStore reopen() {
    return JdbcListStore.open("jdbc:sqlite:.press/list.db", project, null);
  }

  @Test
  void createsTheFileAndItsFolderForTheOwnerOnly() throws Exception {
    Path db = project.resolve(".press/list.db");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent()))).isEqualTo("rwx------");
    store.put("a@example.org", "", ListStatus.SUBSCRIBED, T0, "import");
    try (var files = Files.list(db.getParent())) {
      assertThat(files).as("the WAL files too").allSatisfy(f ->
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
    }
  }

  @Test
  void tightensAnExistingReadableFile() throws Exception {
    store.close();
    Path db = project.resolve(".press/list.db");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

    store = reopen();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
  }

  @Test
  void takesARelativePathFromTheProjectNotTheWorkingFolder() {
    assertThat(project.resolve(".press/list.db")).isRegularFile();
    assertThat(Path.of(".press/list.db").toAbsolutePath().normalize())
        .as("nothing in the working folder").isNotEqualTo(project.resolve(".press/list.db"));
    assertThat(store.database().location()).isEqualTo(project.resolve(".press/list.db").toAbsolutePath().toString());
  }

  @Test
  void explainsAUrlItCannotUse() {
    assertThatThrownBy(() -> ListDatabase.open("jdbc:mysql://localhost/list", project, null))
        .isInstanceOf(ListStoreException.class)
        .hasMessageContaining("neither SQLite nor PostgreSQL")
        .extracting(e -> ((ListStoreException) e).hint()).asString().contains("jdbc:sqlite:.press/list.db");
    assertThatThrownBy(() -> ListDatabase.open("jdbc:sqlite::memory:", project, null))
        .isInstanceOf(ListStoreException.class)
        .hasMessageContaining("must be a file path")
        .extracting(e -> ((ListStoreException) e).hint()).asString().contains("relative to the project");
  }

  @Test
  void explainsAFileThatIsNotADatabase() throws Exception {
    Files.writeString(project.resolve("notes.db"), "these are not the droids you are looking for\n".repeat(200));

    assertThatThrownBy(() -> JdbcListStore.open("jdbc:sqlite:notes.db", project, null))
        .isInstanceOf(ListStoreException.class)
        .hasMessageContaining("notes.db")
        .extracting(e -> ((ListStoreException) e).hint()).asString().isNotEmpty();
  }
}
