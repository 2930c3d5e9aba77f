package press.callback.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends an issue to every subscribed address of a list, never twice and never losing one:
 *
 * <ul>
 *   <li>an address the ledger marks {@code sent} (or {@code failed}) is skipped;
 *   <li>one left {@code sending} by a crash is uncertain: skipped unless {@code resendUncertain},
 *       and reported;
 *   <li>each message is recorded {@code sending} (on disk) before it is handed over and {@code
 *       sent} (on disk) after the server accepted it;
 *   <li>a connection lost after the message's end went out, before the server's answer, leaves
 *       the address uncertain at once (it stays {@code sending}): the server may have it;
 *   <li>4xx replies and connections broken earlier are retried with exponential backoff, then left
 *       {@code deferred} for the next run; 5xx replies are {@code failed} for good;
 *   <li>a destination that cannot be used at all (login refused, no TLS, unreachable) stops the
 *       send; what was not sent stays pending.
 * </ul>
 *
 * Workers each hold one transport (one SMTP connection) and share a rate limit.
 */
public final class Sender {
  /**
   * @param concurrency workers, each with its own connection
   * @param ratePerSecond messages a second at most, 0 for no limit
   * @param resendUncertain send again to addresses a crash left uncertain
   * @param attempts tries per message for temporary failures
   * @param backoff the wait after the first temporary failure; doubled each time
   */
  public record Options(int concurrency, double ratePerSecond, boolean resendUncertain, int attempts, Duration backoff) {}

  /** Counts so far; {@code uncertain} lists the addresses (lower case) left uncertain. */
  public record Report(
      int sent, int failed, int deferred, int alreadyDone, int notSubscribed, List<String> uncertain, String aborted) {
    public boolean ok() {
      return failed == 0 && aborted == null;
    }
  }

  private final Options options;
  private final Ledger ledger;
  private final Destination destination;
  private final Function<Subscriber, MimeMessage> messages;
  private final Consumer<Report> progress;
  private final BiConsumer<Subscriber, DeliveryException> addressGone;

  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger deferred = new AtomicInteger();
  private final AtomicInteger alreadyDone = new AtomicInteger();
  private final AtomicInteger notSubscribed = new AtomicInteger();
  private final List<String> uncertain = new ArrayList<>();
  private final AtomicReference<String> aborted = new AtomicReference<>();
  private RateLimiter rate;

  public Sender(
      Options options, Ledger ledger, Destination destination,
      Function<Subscriber, MimeMessage> messages, Consumer<Report> progress) {
    this(options, ledger, destination, messages, progress, (s, e) -> {});
  }

  /**
   * @param addressGone told of each recipient whose address the server refused for good at RCPT
   *     time ({@link DeliveryException#addressGone()}), after it is recorded {@code failed}: a
   *     list in the store marks it {@code bounced}
   */
  public Sender(
      Options options, Ledger ledger, Destination destination,
      Function<Subscriber, MimeMessage> messages, Consumer<Report> progress,
      BiConsumer<Subscriber, DeliveryException> addressGone) {
    this.addressGone = addressGone;
    this.options = options;
    this.ledger = ledger;
    this.destination = destination;
    this.messages = messages;
    this.progress = progress;
  }

  /** Sends to every subscribed row of {@code list}; returns when all are done or the send stopped. */
  public Report send(Iterator<Subscriber> list) throws InterruptedException {
    rate = new RateLimiter(options.ratePerSecond());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.concurrency()), r -> {
      Thread t = new Thread(r, "press-send");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < Math.max(1, options.concurrency()); i++) {
        workers.add(pool.submit(() -> work(list)));
      }
      for (Future<?> w : workers) {
        try {
          w.get();
        } catch (java.util.concurrent.ExecutionException e) {
          aborted.compareAndSet(null, "a worker failed: " + e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return report();
  }

  private Report report() {
    synchronized (uncertain) {
      return new Report(sent.get(), failed.get(), deferred.get(), alreadyDone.get(), notSubscribed.get(),
          List.copyOf(uncertain), aborted.get());
    }
  }

  private Subscriber next(Iterator<Subscriber> list) {
    synchronized (list) {
      while (aborted.get() == null && list.hasNext()) {
        Subscriber s = list.next();
        if (s.status() != Subscriber.Status.SUBSCRIBED) {
          notSubscribed.incrementAndGet();
          continue;
        }
        Ledger.Mark mark = ledger.mark(s.key());
        if (mark != null && (mark.state() == Ledger.State.SENT || mark.state() == Ledger.State.FAILED)) {
          alreadyDone.incrementAndGet();
          continue;
        }
        if (mark != null && mark.state() == Ledger.State.SENDING && !options.resendUncertain()) {
          synchronized (uncertain) {
            uncertain.add(s.key());
          }
          continue;
        }
        return s;
      }
      return null;
    }
  }

  private void work(Iterator<Subscriber> list) {
    MailTransport transport;
    try {
      transport = destination.open();
    } catch (DeliveryException e) {
      aborted.compareAndSet(null, e.reply());
      return;
    }
    try (transport) {
      for (Subscriber s = next(list); s != null; s = next(list)) {
        deliver(transport, s);
        progress.accept(report());
      }
    } catch (InterruptedException e) {
      aborted.compareAndSet(null, "interrupted");
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(MailTransport transport, Subscriber s) throws InterruptedException {
    MimeMessage message = messages.apply(s);
    String lastReply = "";
    for (int attempt = 1; attempt <= options.attempts(); attempt++) {
      if (attempt > 1) {
        Thread.sleep(options.backoff().multipliedBy(1L << Math.min(attempt - 2, 16)).toMillis());
      }
      try {
        transport.connect();
      } catch (DeliveryException e) {
        if (e.kind() == DeliveryException.Kind.SETUP || attempt == options.attempts()) {
          aborted.compareAndSet(null, e.reply()); // nothing was handed over: s stays pending
          return;
        }
        lastReply = e.reply();
        continue;
      }
      rate.acquire();
      ledger.record(s.key(), Ledger.State.SENDING, "", true);
      try {
        transport.deliver(message, s.email());
        ledger.record(s.key(), Ledger.State.SENT, "", true);
        sent.incrementAndGet();
        return;
      } catch (DeliveryException e) {
        lastReply = e.reply();
        switch (e.kind()) {
          case PERMANENT -> {
            ledger.record(s.key(), Ledger.State.FAILED, e.reply(), true);
            failed.incrementAndGet();
            if (e.addressGone()) {
              addressGone.accept(s, e);
            }
            return;
          }
          case SETUP -> {
            ledger.record(s.key(), Ledger.State.DEFERRED, e.reply(), true);
            deferred.incrementAndGet();
            aborted.compareAndSet(null, e.reply());
            return;
          }
          case UNCERTAIN -> {
            // the ledger keeps 'sending': a later run lists it and does not send it again
            synchronized (uncertain) {
              uncertain.add(s.key());
            }
            return;
          }
          default -> {
            // temporary or connection: try again after a pause
          }
        }
      }
    }
    ledger.record(s.key(), Ledger.State.DEFERRED, lastReply, true);
    deferred.incrementAndGet();
  }
}
