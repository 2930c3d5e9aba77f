package press.callback.list;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A limit of events per key in a sliding window, in memory (one service process): how many
 * sign-ups one IP address may make an hour. Holds at most {@code maxKeys} keys; the oldest are
 * forgotten first, so a flood of addresses cannot fill the memory.
 */
public final class Throttle {
  private final int limit;
  private final long window;
  private final Clock clock;
  private final int maxKeys;
  private final Map<String, Deque<Long>> seen;

  public Throttle(int limit, Duration window, Clock clock, int maxKeys) {
    this.limit = limit;
    this.window = window.toMillis();
    this.clock = clock;
    this.maxKeys = maxKeys;
    this.seen = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
        return size() > Throttle.this.maxKeys;
      }
    };
  }

  /** Counts one event for {@code key}; whether it is within the limit. */
  public synchronized boolean allow(String key) {
    long now = clock.millis();
    Deque<Long> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - window) {
      times.pollFirst();
    }
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}
