package press.callback.list.service;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import press.callback.http.HttpRequest;
import press.callback.http.HttpResponse;
import press.callback.list.Feedback;
import press.callback.list.ListStore;
import press.callback.list.Verp;
import press.callback.list.hooks.MailgunEvents;
import press.callback.list.hooks.PostmarkEvents;
import press.callback.list.hooks.Refused;
import press.callback.list.hooks.ReplayGuard;
import press.callback.list.hooks.SesEvents;
import press.callback.list.hooks.SnsMessage;

/**
 * The relays' webhooks on the list service: {@code POST /hooks/ses} (Amazon SNS), {@code
 * /hooks/postmark} and {@code /hooks/mailgun}. Each request is authenticated (SNS signature and
 * topic; Postmark basic auth; Mailgun HMAC, fresh and not replayed), read into reports and handed
 * to the store, which applies each once by its key. An endpoint whose setting or secret is not
 * given answers 404. Answers: 200 handled or ignored, 400 malformed, 401 no or wrong credentials,
 * 403 a signature, topic or time that is refused, 503 when SNS's certificate cannot be fetched
 * (SNS tries again). One log line per event, addresses only when asked for.
 */
final class Webhooks {
  /** The largest webhook body read: an SNS message with SES's headers runs to tens of KB. */
  static final int MAX_BODY = 256 * 1024;
  /** How old a Postmark event may be (Postmark retries a failed delivery for about 10 hours). */
  static final Duration POSTMARK_WINDOW = Duration.ofDays(2);
  static final String PREFIX = "/hooks/";

  /**
   * What the webhooks are given.
   *
   * @param sesTopicArn the one SNS topic taken, or {@code null}: {@code /hooks/ses} is off
   * @param postmarkSecret the basic-auth password Postmark sends, or {@code null}: off
   * @param mailgunKey Mailgun's webhook signing key, or {@code null}: off
   * @param verp the list's bounce addresses, or {@code null}
   * @param policy when soft bounces add up to a bounce
   * @param logAddresses whether the log lines name the address (only with {@code --verbose})
   */
  record Config(String sesTopicArn, String postmarkSecret, String mailgunKey, Verp verp, Feedback.Policy policy,
      boolean logAddresses) {}

  private final ListStore store;
  private final Config config;
  private final SigningCertificates certificates;
  private final Fetch fetch;
  private final Clock clock;
  private final Consumer<String> log;
  private final ReplayGuard mailgunTokens = new ReplayGuard(10_000, MailgunEvents.SKEW.multipliedBy(2));

  Webhooks(ListStore store, Config config, Fetch fetch, Clock clock, Consumer<String> log) {
    this.store = store;
    this.config = config;
    this.fetch = fetch;
    this.certificates = new SigningCertificates(fetch);
    this.clock = clock;
    this.log = log;
  }

  /** The body limit for a request: {@link #MAX_BODY} on the webhooks' paths, else {@code other}. */
  static int maxBody(HttpRequest head, int other) {
    return head.rawPath().startsWith(PREFIX) ? MAX_BODY : other;
  }

  /**
   * Answers a request to a path under {@code /hooks/}.
   *
   * @return false when the path is no webhook of a configured relay (the caller answers 404)
   */
  boolean handle(HttpRequest request, HttpResponse response) {
    String relay = request.rawPath().substring(PREFIX.length());
    boolean on = switch (relay) {
      case "ses" -> config.sesTopicArn() != null;
      case "postmark" -> config.postmarkSecret() != null;
      case "mailgun" -> config.mailgunKey() != null;
      default -> false;
    };
    if (!on) {
      return false;
    }
    if (!request.method().equals("POST")) {
      response.header("Allow", "POST");
      text(response, 405, "POST only");
      return true;
    }
    try {
      List<Feedback> reports = switch (relay) {
        case "ses" -> ses(request.body(), response);
        case "postmark" -> postmark(request);
        default -> MailgunEvents.read(request.body(), config.mailgunKey(), mailgunTokens, config.verp(), clock.instant())
            .map(List::of).orElse(List.of());
      };
      if (reports == null) {
        return true; // answered already (a confirmation, or a certificate that could not be had)
      }
      if (reports.isEmpty()) {
        log.accept("press: hooks: " + relay + ": an event the list ignores");
      }
      for (Feedback f : reports) {
        apply(f);
      }
      text(response, 200, "ok");
    } catch (Refused r) {
      log.accept("press: hooks: " + relay + ": refused (" + r.status() + "): " + r.getMessage());
      if (r.status() == 401) {
        response.header("WWW-Authenticate", "Basic realm=\"press hooks\", charset=\"UTF-8\"");
      }
      text(response, r.status(), r.getMessage());
    }
    return true;
  }

  private void apply(Feedback f) {
    Feedback.Outcome outcome = store.feedback(f, config.policy());
    StringBuilder line = new StringBuilder("press: hooks: ").append(f.source()).append(": ").append(f.kind().word());
    line.append(f.memberId() > 0 ? " for member " + f.memberId() : " for an address");
    if (f.issue() != null) {
      line.append(" (issue ").append(f.issue()).append(')');
    }
    if (config.logAddresses() && f.address() != null) {
      line.append(" <").append(f.address()).append('>');
    }
    log.accept(line.append(": ").append(outcome.name().toLowerCase(java.util.Locale.ROOT)).toString());
  }

  private List<Feedback> postmark(HttpRequest request) throws Refused {
    if (!PostmarkEvents.authorized(request.header("authorization"), config.postmarkSecret())) {
      throw new Refused(401, "the webhook's URL has no or other credentials (https://postmark:SECRET@…)");
    }
    return PostmarkEvents.read(request.body(), clock.instant(), POSTMARK_WINDOW).map(List::of).orElse(List.of());
  }

  /** An SNS message: its reports, or {@code null} when the answer is sent already. */
  private List<Feedback> ses(byte[] body, HttpResponse response) throws Refused {
    SnsMessage m = SnsMessage.parse(body);
    if (!m.topicArn().equals(config.sesTopicArn())) {
      throw new Refused(403, "the message is from another topic than newsletter.list_ses_topic_arn");
    }
    String region = SnsMessage.region(config.sesTopicArn());
    URI certificateUrl = SnsMessage.certificateUrl(m.signingCertUrl(), region);
    if (certificateUrl == null) {
      throw new Refused(403, "the SigningCertURL is not an https .pem on sns." + region + ".amazonaws.com");
    }
    X509Certificate certificate;
    try {
      certificate = certificates.get(certificateUrl);
    } catch (IOException e) {
      log.accept("press: hooks: ses: the signing certificate cannot be had: " + e.getMessage());
      text(response, 503, "the signing certificate cannot be fetched now; try again");
      return null;
    }
    Instant now = clock.instant();
    m.verify(certificate, now);
    switch (m.type()) {
      case SnsMessage.SUBSCRIBE -> {
        URI confirm = SnsMessage.snsUrl(m.subscribeUrl(), region);
        if (confirm == null) {
          throw new Refused(403, "the SubscribeURL is not https on sns." + region + ".amazonaws.com");
        }
        try {
          fetch.get(confirm, SigningCertificates.MAX_BYTES);
        } catch (IOException e) {
          log.accept("press: hooks: ses: the subscription cannot be confirmed: " + e.getMessage());
          text(response, 503, "the subscription cannot be confirmed now; try again");
          return null;
        }
        log.accept("press: hooks: ses: subscribed to " + m.topicArn());
        text(response, 200, "subscribed");
        return null;
      }
      case SnsMessage.UNSUBSCRIBE -> {
        log.accept("press: hooks: ses: SNS says the subscription to " + m.topicArn() + " ended");
        text(response, 200, "ok");
        return null;
      }
      default -> {
        return SesEvents.read(m.message(), m.messageId(), config.verp(), now);
      }
    }
  }

  private static void text(HttpResponse response, int status, String text) {
    response.send(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
