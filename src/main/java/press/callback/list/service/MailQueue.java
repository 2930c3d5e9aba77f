package press.callback.list.service;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import press.callback.list.ListMail;
import press.callback.mail.DeliveryException;
import press.callback.mail.Destination;
import press.callback.mail.IssueMessage;
import press.callback.mail.ListMessage;
import press.callback.mail.MailTransport;

/**
 * The list's outbox: emails handed over by the flows go out from one background thread, after
 * the reader has the answer (so an answer takes as long whatever the address's state). A message
 * that fails for a temporary reason is tried again a few times; what is lost is counted, never
 * logged with its address.
 */
public final class MailQueue implements ListMail.Outbox, AutoCloseable {
  private static final int CAPACITY = 10_000;
  private static final int ATTEMPTS = 3;

  private final Map<ListMail.Kind, ListMessage> messages;
  private final Destination destination;
  private final BlockingQueue<ListMail> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread worker;
  private final Consumer<String> log;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private volatile boolean closing;

  private MailQueue(Map<ListMail.Kind, ListMessage> messages, Destination destination, Consumer<String> log) {
    this.messages = messages;
    this.destination = destination;
    this.log = log;
    this.worker = new Thread(this::run, "press-list-mail");
    worker.setDaemon(true);
  }

  /**
   * Reads the baked list emails in {@code folder} ({@code <kind>/email.eml}) and starts the queue.
   *
   * @throws IOException naming the first email missing or unreadable
   */
  public static MailQueue start(Path folder, Destination destination, Clock clock, SecureRandom random, Consumer<String> log)
      throws IOException {
    Map<ListMail.Kind, ListMessage> messages = new EnumMap<>(ListMail.Kind.class);
    for (ListMail.Kind kind : ListMail.Kind.values()) {
      Path eml = folder.resolve(kind.file()).resolve("email.eml");
      if (!Files.isRegularFile(eml)) {
        throw new IOException(eml + " is missing");
      }
      try (InputStream in = Files.newInputStream(eml)) {
        messages.put(kind, new ListMessage(IssueMessage.readTransactional("list-" + kind.file(), in), clock, random));
      } catch (IOException e) {
        throw new IOException(eml + ": " + e.getMessage(), e);
      }
    }
    MailQueue q = new MailQueue(messages, destination, log);
    q.worker.start();
    return q;
  }

  @Override
  public void post(ListMail mail) {
    if (!queue.offer(mail)) {
      lost.incrementAndGet(); // a flood: the reader can sign up again later
    }
  }

  public long sent() {
    return sent.get();
  }

  public long lost() {
    return lost.get();
  }

  private void run() {
    MailTransport transport = null;
    try {
      while (!closing || !queue.isEmpty()) {
        ListMail mail = queue.poll(200, TimeUnit.MILLISECONDS);
        if (mail == null) {
          continue;
        }
        MimeMessage message;
        try {
          message = messages.get(mail.kind()).message(mail.to(), mail.name(), mail.kind() != ListMail.Kind.CONFIRM,
              Map.of(mail.kind() == ListMail.Kind.CONFIRM ? "confirm_url" : "manage_url", mail.url()));
        } catch (RuntimeException e) {
          lost.incrementAndGet();
          continue;
        }
        boolean done = false;
        for (int attempt = 1; attempt <= ATTEMPTS && !done; attempt++) {
          try {
            if (transport == null) {
              transport = destination.open();
              transport.connect();
            }
            transport.deliver(message, mail.to());
            done = true;
          } catch (DeliveryException e) {
            if (transport != null) {
              transport.close();
              transport = null;
            }
            if (e.kind() == DeliveryException.Kind.PERMANENT) {
              break;
            }
            Thread.sleep(200L * attempt);
          }
        }
        if (done) {
          sent.incrementAndGet();
        } else {
          lost.incrementAndGet();
          log.accept("press: a " + mail.kind().file() + " email was not sent (" + lost.get() + " lost so far)");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (transport != null) {
        transport.close();
      }
    }
  }

  /** Sends what is queued (for up to 10 s), then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.interrupt();
  }
}
