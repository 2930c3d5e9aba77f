package press.callback.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off clients that take (next to) no bytes of a write within a time limit (a slowloris that
 * asks for a large file and reads nothing, a page that stops reading its events). A blocking socket write has
 * no timeout of its own: closing the socket is what ends it, and gives back its thread and slot.
 */
final class WriteWatchdog implements AutoCloseable {
  /** The bytes of one timed write: a reply up to this size goes out in one write. */
  static final int CHUNK = 64 * 1024;

  /**
   * The send buffer of a watched connection. A blocked write wakes once about half of it has gone
   * out, so a client must take some 128 KB per time limit (10 s: about 13 KB/s) to be kept.
   */
  static final int SEND_BUFFER = 256 * 1024;

  private final long limit;
  /** The connections being written to, with the time the write started. */
  private final Map<Socket, Long> writing = new ConcurrentHashMap<>();
  private final ScheduledExecutorService rounds;

  WriteWatchdog(Duration limit) {
    this.limit = limit.toNanos();
    this.rounds = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "press-serve-watchdog");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(10, Math.min(1000, limit.toMillis() / 2));
    rounds.scheduleAtFixedRate(this::cutOffStalled, period, period, TimeUnit.MILLISECONDS);
  }

  /** The output of {@code client}, every write timed. */
  OutputStream watch(Socket client) throws IOException {
    return new TimedOutput(client);
  }

  private void cutOffStalled() {
    try {
      long now = System.nanoTime();
      writing.forEach((client, since) -> {
        if (now - since > limit && writing.remove(client, since)) {
          try {
            client.setSoLinger(true, 0); // a reset: the kernel keeps no unsent bytes for it
          } catch (IOException e) {
            // closed already
          }
          HttpServer.closeQuietly(client);
        }
      });
    } catch (Throwable e) { // a task that throws is never run again: keep watching whatever happens
      // the next round tries again
    }
  }

  @Override
  public void close() {
    rounds.shutdownNow();
  }

  private final class TimedOutput extends FilterOutputStream {
    private final Socket client;

    TimedOutput(Socket client) throws IOException {
      super(client.getOutputStream());
      this.client = client;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * Writes in chunks, each timed on its own: what is limited is a client taking nothing, not a
     * slow one taking a large file (at least {@link #CHUNK} bytes per time limit).
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        for (int at = off, end = off + len; at < end; at += CHUNK) {
          writing.put(client, System.nanoTime());
          out.write(b, at, Math.min(CHUNK, end - at));
        }
      } finally {
        writing.remove(client);
      }
    }
  }
}
