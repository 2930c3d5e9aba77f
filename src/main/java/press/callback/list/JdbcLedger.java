package press.callback.list;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import press.callback.mail.Ledger;

/**
 * The send ledger as rows in the list's database ({@code send_ledger}, schema V4): a send can run
 * from any machine that reaches the database and leaves nothing on its own disk. Each {@link
 * #record} is one committed statement, so {@code sending} is in the database before the message's
 * DATA and {@code sent} right after the 250, as with the ledger file.
 *
 * <p>The lock of an issue and destination is a row of {@code send_locks}: its owner's pid, host and
 * a random nonce, and a heartbeat renewed every few seconds while the send runs. A row is stale
 * (taken over by the next send) when its heartbeat is older than {@link #STALE}, or at once when
 * its process ran on this host and is gone (a SIGKILL leaves the row, not the process). A send
 * whose row was taken over stops at its next record rather than send twice.
 */
public final class JdbcLedger implements Ledger {
  /** How often a running send renews its heartbeat. */
  static final Duration HEARTBEAT = Duration.ofSeconds(5);
  /** A heartbeat older than this is a dead send's. */
  static final Duration STALE = Duration.ofSeconds(30);

  private static final String HOST = hostName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ListDatabase db;
  private final String issue;
  private final String destination;
  private final Clock clock;
  private final String owner;
  private final ScheduledExecutorService heartbeat;
  private volatile long lastBeat;
  private volatile boolean lost;

  private JdbcLedger(ListDatabase db, String issue, String destination, Clock clock, String owner) {
    this.db = db;
    this.issue = issue;
    this.destination = destination;
    this.clock = clock;
    this.owner = owner;
    this.lastBeat = System.nanoTime();
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "press-ledger-heartbeat");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The ledger of {@code issue} sent to {@code destination} (a destination's id) in {@code db}.
   * The database stays the caller's to close, after the ledger.
   */
  public static Ledger.Place place(ListDatabase db, String issue, String destination, Clock clock) {
    return new Ledger.Place() {
      @Override
      public String description() {
        return "the list database " + db.location();
      }

      @Override
      public Ledger open() throws IOException {
        return take(db, issue, destination, clock);
      }

      @Override
      public Map<String, Mark> read() {
        return marks(db, issue, destination);
      }

      @Override
      public Optional<String> running() {
        return db.read(c -> holder(c, issue, destination, clock.millis()));
      }
    };
  }

  private static JdbcLedger take(ListDatabase db, String issue, String destination, Clock clock) throws Busy {
    String owner = HexFormat.of().formatHex(nonce());
    long now = clock.millis();
    String busy = db.transaction(c -> {
      Optional<String> held = holder(c, issue, destination, now);
      if (held.isPresent()) {
        return held.get();
      }
      update(c, "DELETE FROM send_locks WHERE issue = ? AND destination = ?", issue, destination);
      update(c, "INSERT INTO send_locks (issue, destination, owner, pid, host, since, heartbeat) VALUES (?, ?, ?, ?, ?, ?, ?)",
          issue, destination, owner, ProcessHandle.current().pid(), HOST, now, now);
      return null;
    });
    if (busy != null) {
      throw new Busy("another send of this issue to this destination is running (" + busy + "); ledger in "
          + db.location());
    }
    return new JdbcLedger(db, issue, destination, clock, owner);
  }

  private static byte[] nonce() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The live holder of the lock, in words; empty when there is none or its row is stale. */
  private static Optional<String> holder(Connection c, String issue, String destination, long now) throws SQLException {
    try (PreparedStatement p = bind(c, "SELECT pid, host, since, heartbeat FROM send_locks WHERE issue = ? AND destination = ?",
        issue, destination); ResultSet r = p.executeQuery()) {
      if (!r.next()) {
        return Optional.empty();
      }
      long pid = r.getLong(1);
      String host = r.getString(2);
      long since = r.getLong(3);
      long beat = r.getLong(4);
      boolean deadHere = host.equals(HOST) && pid != ProcessHandle.current().pid()
          && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
      if (deadHere || now - beat > STALE.toMillis()) {
        return Optional.empty();
      }
      return Optional.of("pid " + pid + " on " + host + ", since "
          + Instant.ofEpochMilli(since).truncatedTo(ChronoUnit.SECONDS));
    }
  }

  /**
   * How many messages of each issue a real server accepted (state {@code sent}), over every
   * destination but the pickup folder (a trial, not mail that went out).
   */
  public static Map<String, Integer> sentByIssue(ListDatabase db) {
    return db.read(c -> {
      Map<String, Integer> out = new HashMap<>();
      try (PreparedStatement p = bind(c, "SELECT issue, COUNT(*) FROM send_ledger WHERE state = ? AND destination <> ? GROUP BY issue",
          State.SENT.word(), "pickup"); ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getInt(2));
        }
      }
      return out;
    });
  }

  private static Map<String, Mark> marks(ListDatabase db, String issue, String destination) {
    return db.read(c -> {
      Map<String, Mark> marks = new HashMap<>();
      try (PreparedStatement p = bind(c, "SELECT recipient, state, detail FROM send_ledger WHERE issue = ? AND destination = ?",
          issue, destination); ResultSet r = p.executeQuery()) {
        while (r.next()) {
          Optional<State> s = state(r.getString(2));
          if (s.isPresent()) {
            marks.put(r.getString(1), new Mark(s.get(), r.getString(3)));
          }
        }
      }
      return Map.copyOf(marks);
    });
  }

  private static Optional<State> state(String word) {
    try {
      return Optional.of(State.valueOf(word.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a newer press's state: not ours to judge
    }
  }

  @Override
  public Mark mark(String key) {
    return db.read(c -> {
      try (PreparedStatement p = bind(c, "SELECT state, detail FROM send_ledger WHERE issue = ? AND destination = ? AND recipient = ?",
          issue, destination, key); ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        String detail = r.getString(2);
        return state(r.getString(1)).map(s -> new Mark(s, detail)).orElse(null);
      }
    });
  }

  @Override
  public Map<String, Mark> marks() {
    return marks(db, issue, destination);
  }

  @Override
  public void record(String key, State state, String detail, boolean force) {
    if (lost || System.nanoTime() - lastBeat > STALE.toNanos()) {
      lost = true;
      throw new IllegalStateException("this send lost the lock of its ledger (its heartbeat stopped for "
          + STALE.toSeconds() + " s, so another send may have taken over): stopped so as not to send twice");
    }
    String clean = detail == null ? "" : detail.replaceAll("[\\t\\r\\n]+", " ").strip();
    String kept = clean.length() > 500 ? clean.substring(0, 500) : clean;
    long at = clock.millis();
    // one statement, committed alone (SQLite in WAL mode keeps a commit through a process crash)
    db.statement(c -> update(c, "INSERT INTO send_ledger (issue, destination, recipient, state, detail, at)"
        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (issue, destination, recipient)"
        + " DO UPDATE SET state = excluded.state, detail = excluded.detail, at = excluded.at",
        issue, destination, key, state.word(), kept, at));
  }

  private void beat() {
    try {
      int n = db.statement(c -> update(c, "UPDATE send_locks SET heartbeat = ? WHERE issue = ? AND destination = ? AND owner = ?",
          clock.millis(), issue, destination, owner));
      if (n == 0) {
        lost = true;
      } else {
        lastBeat = System.nanoTime();
      }
    } catch (RuntimeException e) {
      // the database is out of reach for now: record() fails too, and the lock goes stale
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      heartbeat.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    db.statement(c -> update(c, "DELETE FROM send_locks WHERE issue = ? AND destination = ? AND owner = ?",
        issue, destination, owner));
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = bind(c, sql, args)) {
      return p.executeUpdate();
    }
  }

  private static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
    return p;
  }
}
