package press.callback.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The open pages' Server-Sent Events streams. Events go out on their own thread, never on the
 * thread that rebuilds: a page that stops reading stalls only that thread, until the server's
 * write watchdog cuts it off. Only the newest state matters to a page, so states published while
 * a write waits are folded into the last one.
 */
final class EventStreams implements AutoCloseable {
  private final List<OutputStream> pages = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> newest = new AtomicReference<>();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "press-serve-events"));
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "press-serve-heartbeat"));

  /** @param beat how often a comment goes to every page, so a page gone quietly is noticed */
  EventStreams(Duration beat) {
    heartbeat.scheduleAtFixedRate(() -> {
      try {
        writer.execute(() -> write(": ping\n\n"));
      } catch (Throwable e) { // a task that throws is never run again: keep the beat whatever happens
        // stopping, or the next beat tries again
      }
    }, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Writes {@code first} to a new page's stream (on the caller's thread), then adds the page. */
  void add(OutputStream page, String first) throws IOException {
    synchronized (page) {
      page.write(first.getBytes(StandardCharsets.UTF_8));
      page.flush();
    }
    pages.add(page);
  }

  /** Sends {@code state} to every page, soon, on the events' thread; returns at once. */
  void publish(String state) {
    newest.set(state);
    writer.execute(() -> {
      String s = newest.getAndSet(null);
      if (s != null) {
        write(s);
      }
    });
  }

  private void write(String event) {
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    for (OutputStream page : pages) {
      try {
        synchronized (page) {
          page.write(bytes);
          page.flush();
        }
      } catch (IOException | RuntimeException e) { // the page went away, or was cut off
        pages.remove(page);
        closeQuietly(page);
      }
    }
  }

  private static void closeQuietly(OutputStream page) {
    try {
      page.close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    writer.shutdownNow();
    for (OutputStream page : pages) {
      closeQuietly(page);
    }
  }
}
