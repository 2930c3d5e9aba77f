package press.callback.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStoreException;

/**
 * What every {@code press list} command shares: the project ({@code --source}), the list's
 * database it names ({@code newsletter.list_db}, the password from {@code PRESS_LIST_DB_PASSWORD}),
 * and how a database failure is told (a message and a hint, never a stack trace).
 */
final class ListOptions {
  /** The setting that names the database, and its value when it is not set. */
  static final String SETTING = "newsletter.list_db";
  static final String DEFAULT_URL = "jdbc:sqlite:.press/list.db";
  static final String PASSWORD = "PRESS_LIST_DB_PASSWORD";

  @Option(names = "--source", paramLabel = "DIR", description = "The project folder (with jbake.properties). Default: .")
  Path source = Path.of(".");

  Path project() {
    return source.toAbsolutePath().normalize();
  }

  /**
   * The database's JDBC URL: {@code newsletter.list_db} from {@code custom.properties} or {@code
   * jbake.properties} (the first that sets it, as JBake reads them), else the SQLite default.
   */
  String url() throws ListStoreException {
    for (String name : new String[] {"custom.properties", "jbake.properties"}) {
      Path file = project().resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        throw new ListStoreException("cannot read " + name + ": " + e.getMessage(), "check the file's key=value lines", e);
      }
      String value = p.getProperty(SETTING);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return DEFAULT_URL;
  }

  /**
   * Whether the list has a database already: an SQLite file that exists, or any other database
   * named in the settings (a server is there whether or not press has used it yet).
   */
  boolean storeExists() throws ListStoreException {
    String url = url();
    if (!url.startsWith("jdbc:sqlite:")) {
      return true;
    }
    String path = url.substring("jdbc:sqlite:".length());
    return !path.isEmpty() && Files.exists(project().resolve(path));
  }

  /** Opens the store (creating an SQLite file when there is none). */
  JdbcListStore open(Main main) throws ListStoreException {
    return JdbcListStore.open(url(), project(), main.env(PASSWORD));
  }

  /** Prints a database failure as press prints errors; the exit code of an error. */
  static int report(Main main, ListStoreException e) {
    main.err().println("press: error: " + e.getMessage());
    if (e.hint() != null && !e.hint().isEmpty()) {
      main.err().println("  hint: " + e.hint());
    }
    return ExitCodes.CONTENT;
  }
}
