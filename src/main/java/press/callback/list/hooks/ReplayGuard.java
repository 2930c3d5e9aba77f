package press.callback.list.hooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signature tokens seen lately, so a captured request sent again within its time window is
 * refused before it reaches the store (which refuses it too, by the event's key). Bounded: past
 * {@code capacity} the oldest go; a token older than {@code ttl} would be refused by its time
 * anyway.
 */
public final class ReplayGuard {
  private final int capacity;
  private final Duration ttl;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  public ReplayGuard(int capacity, Duration ttl) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.ttl = ttl;
  }

  /** Records {@code token}; false when it was seen within the last {@code ttl}. */
  public synchronized boolean first(String token, Instant now) {
    for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().plus(ttl).isAfter(now)) {
        break; // in arrival order: the rest are newer
      }
      it.remove();
    }
    if (seen.containsKey(token)) {
      return false;
    }
    seen.put(token, now);
    if (seen.size() > capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  synchronized int size() {
    return seen.size();
  }
}
