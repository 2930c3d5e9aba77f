package press.callback.list;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import press.callback.mail.Subscriber;

/**
 * The subscribed members of the list as a send reads them: in id order, a page at a time, so the
 * memory used does not grow with the list. Each page is read as the members stand at that moment,
 * and a page is read again once it is older than {@link #MAX_AGE} (a slow, rate-limited send): a
 * member who unsubscribes, bounces or complains while the send runs is not mailed once the page
 * that holds them is read, within a page's size in messages or {@link #MAX_AGE}.
 *
 * <p>Members who join during the send with an id below the one reached wait for the next run.
 * Not thread-safe: the sender reads it under its own lock.
 */
public final class SubscribedMembers implements Iterator<Subscriber> {
  /** Members read at once: at most this many messages go out on an old reading of the list. */
  public static final int PAGE_SIZE = 100;
  /** A page older than this is read again before it is used further. */
  static final Duration MAX_AGE = Duration.ofSeconds(30);

  private final ListStore store;
  private final int size;
  private final Deque<Member> page = new ArrayDeque<>();
  private long after;
  private long readAt;
  private boolean end;
  private int pages;

  /** The subscribed members of {@code store}, {@link #PAGE_SIZE} at a time. */
  public SubscribedMembers(ListStore store) {
    this(store, PAGE_SIZE);
  }

  /** The subscribed members of {@code store}, {@code pageSize} at a time. */
  public SubscribedMembers(ListStore store, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("a page holds at least one member");
    }
    this.store = store;
    this.size = pageSize;
  }

  @Override
  public boolean hasNext() {
    if (!page.isEmpty() && System.nanoTime() - readAt > MAX_AGE.toNanos()) {
      page.clear(); // read again: their status may have changed
      end = false;
    }
    if (page.isEmpty() && !end) {
      page.addAll(store.page(ListStatus.SUBSCRIBED, after, size));
      readAt = System.nanoTime();
      pages++;
      end = page.size() < size;
    }
    return !page.isEmpty();
  }

  @Override
  public Subscriber next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Member m = page.removeFirst();
    after = m.id();
    return new Subscriber(0, m.email(), m.name(), Subscriber.Status.SUBSCRIBED, m.id());
  }

  /** How many pages were read (each one a fresh look at the members' status). */
  public int pagesRead() {
    return pages;
  }
}
