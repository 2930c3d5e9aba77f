package press.callback.mail;

/**
 * A token bucket: at most {@code rate} messages a second on average, with bursts of up to one
 * second's worth. A rate of 0 means no limit. Thread-safe.
 */
public final class RateLimiter {
  private final double rate;
  private final double capacity;
  private double tokens;
  private long last;

  public RateLimiter(double ratePerSecond) {
    this.rate = ratePerSecond;
    this.capacity = Math.max(1, ratePerSecond);
    this.tokens = capacity;
    this.last = System.nanoTime();
  }

  /** Waits until a message may go. */
  public void acquire() throws InterruptedException {
    if (rate <= 0) {
      return;
    }
    while (true) {
      long waitNanos;
      synchronized (this) {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        waitNanos = (long) ((1 - tokens) / rate * 1e9);
      }
      Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    }
  }
}
