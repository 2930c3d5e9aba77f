package press.callback.list;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for the store's tests: Debian's (or any installed) binaries,
 * {@code initdb} into a temporary folder, started on a free loopback port with its socket in that
 * folder, stopped and deleted when the JVM exits. As root it runs as the {@code postgres} user
 * (PostgreSQL refuses to run as root). One server per JVM; each test gets a database of its own.
 *
 * <p>Without PostgreSQL the tests fail and say how to install it, unless {@code
 * -Dpress.skipPostgres=true} asks to skip them: never a silent skip.
 */
final class TestPostgres {
  private static final String USER = "press";
  private static TestPostgres shared;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The JVM's server, started on first use. */
  static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** A new, empty database on the server: its JDBC URL. */
  String newDatabase() {
    String name = "list" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
    }
    return url(name);
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  int port() {
    return port;
  }

  private static TestPostgres start() {
    Path bin = findBinaries();
    if (bin == null) {
      String message = "PostgreSQL is not installed: the list store's tests need a real server (its"
          + " binaries initdb and pg_ctl, looked for in /usr/lib/postgresql/*/bin and on PATH)."
          + " Install it with: apt-get install -y postgresql (or set PRESS_PG_BIN to its bin folder);"
          + " or skip these tests with -Dpress.skipPostgres=true";
      if (Boolean.getBoolean("press.skipPostgres")) {
        Assumptions.abort("-Dpress.skipPostgres=true: " + message);
      }
      fail(message);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Path dir = null;
      try {
        dir = Files.createTempDirectory("press-pg");
        TestPostgres pg = new TestPostgres(bin, dir, freePort(), root);
        pg.boot();
        Path d = dir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> pg.stop(d), "press-pg-stop"));
        return pg;
      } catch (IOException e) {
        last = e;
        if (dir != null) {
          delete(dir);
        }
      }
    }
    throw new IllegalStateException("cannot start a test PostgreSQL server: " + last.getMessage(), last);
  }

  private void boot() throws IOException {
    if (asPostgresUser) {
      run(List.of("chown", "-R", "postgres:", dir.toString()), false);
    }
    Path data = dir.resolve("data");
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
        "-E", "UTF8", "--no-locale", "--no-sync"), true);
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
        "start"), true);
  }

  private void stop(Path d) {
    try {
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", d.resolve("data").toString(), "-m", "immediate",
          "-w", "stop"), true);
    } catch (IOException e) {
      // the server may be gone already: its folder goes anyway
    }
    delete(d);
  }

  /** Runs a command (as the postgres user when asked and we are root); its output in the failure. */
  private void run(List<String> command, boolean asPostgres) throws IOException {
    List<String> full = new ArrayList<>();
    if (asPostgres && asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path output = Files.createTempFile("press-pg", ".out");
    try {
      Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", full) + " took longer than 2 minutes");
      }
      if (p.exitValue() != 0) {
        String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log"), StandardCharsets.UTF_8) : "";
        throw new IOException(String.join(" ", full) + " exited with " + p.exitValue() + ":\n"
            + Files.readString(output, StandardCharsets.UTF_8) + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static Path findBinaries() {
    String given = System.getenv("PRESS_PG_BIN");
    if (given != null && Files.isExecutable(Path.of(given, "pg_ctl"))) {
      return Path.of(given);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparingInt(TestPostgres::version)).orElse(null);
        if (newest != null) {
          return newest;
        }
      } catch (IOException e) {
        // then PATH
      }
    }
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "pg_ctl")) && Files.isExecutable(Path.of(folder, "initdb"))) {
        return Path.of(folder);
      }
    }
    return null;
  }

  private static int version(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the OS cleans it in the end
    }
  }
}
