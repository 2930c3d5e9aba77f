package press.callback.list.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import press.callback.list.Feedback;

/**
 * Postmark's bounce and spam complaint webhooks as reports. Postmark does not sign its webhooks:
 * what proves a request is Postmark's is the basic-auth user and password written into the
 * webhook's URL in Postmark's settings ({@link #authorized}), which only TLS keeps secret.
 * Bounce types are sorted as Postmark documents them: {@code HardBounce} and {@code
 * BadEmailAddress} are hard; {@code SoftBounce}, {@code Transient} and {@code DnsError} soft; an
 * {@code Unsubscribe} request unsubscribes; the rest (auto-replies, challenge messages, blocks of
 * the sender, DMARC refusals) say nothing about the address and are ignored.
 */
public final class PostmarkEvents {
  /** The basic-auth user name in the webhook URL: {@code https://postmark:SECRET@…/hooks/postmark}. */
  public static final String USER = "postmark";

  private static final Set<String> HARD = Set.of("HardBounce", "BadEmailAddress");
  private static final Set<String> SOFT = Set.of("SoftBounce", "Transient", "DnsError");

  private PostmarkEvents() {}

  /**
   * Whether the Authorization header holds {@code postmark:<secret>}; compared in constant time
   * (digests of both), so neither the secret's characters nor its length show in the timing.
   */
  public static boolean authorized(String authorization, String secret) {
    if (authorization == null || secret == null || secret.isEmpty()) {
      return false;
    }
    String a = authorization.strip();
    if (a.length() < 6 || !a.substring(0, 6).equalsIgnoreCase("basic ")) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(a.substring(6).strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return sameSecret(given, (USER + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  static boolean sameSecret(byte[] given, byte[] expected) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(given);
      byte[] b = sha.digest(expected);
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /**
   * The report in one webhook body, or empty when it is an event the list ignores; key {@code
   * postmark:<ID>}.
   *
   * @param window how old its {@code BouncedAt} may be (Postmark retries a failed delivery for
   *     hours; a much older body is a replay)
   * @throws Refused 400 when the body is not Postmark's JSON, 403 when it is older than {@code
   *     window} (Postmark stops retrying on a 403)
   */
  public static Optional<Feedback> read(byte[] body, Instant now, Duration window) throws Refused {
    JsonNode n = Payload.object(body);
    String record = Payload.required(n, "RecordType", "the Postmark event");
    JsonNode idNode = n.get("ID");
    if (idNode == null || !(idNode.isIntegralNumber() || idNode.isTextual()) || idNode.asText().isEmpty()) {
      throw Refused.malformed("the Postmark event has no ID");
    }
    String type = Payload.text(n, "Type");
    Feedback.Kind kind;
    if (record.equals("SpamComplaint") || (record.equals("Bounce") && "SpamComplaint".equals(type))) {
      kind = Feedback.Kind.COMPLAINT;
    } else if (!record.equals("Bounce") || type == null) {
      return Optional.empty();
    } else if (HARD.contains(type)) {
      kind = Feedback.Kind.HARD_BOUNCE;
    } else if (SOFT.contains(type)) {
      kind = Feedback.Kind.SOFT_BOUNCE;
    } else if (type.equals("Unsubscribe")) {
      kind = Feedback.Kind.UNSUBSCRIBE;
    } else {
      return Optional.empty();
    }
    String email = Payload.required(n, "Email", "the Postmark event");
    String stamp = Payload.text(n, "BouncedAt");
    Instant at = now;
    if (stamp != null) {
      try {
        at = OffsetDateTime.parse(stamp).toInstant();
      } catch (DateTimeParseException e) {
        throw Refused.malformed("the Postmark event's BouncedAt is not a time: " + SnsMessage.shorten(stamp));
      }
      if (at.isBefore(now.minus(window)) || at.isAfter(now.plus(Duration.ofMinutes(5)))) {
        throw Refused.forbidden("the Postmark event is from " + stamp + ", outside the " + window.toHours()
            + " hours a webhook is taken in");
      }
    }
    String details = Payload.text(n, "Details");
    String detail = (type == null ? record : type).toLowerCase(Locale.ROOT) + (details == null ? "" : ": " + details);
    return Optional.of(new Feedback(kind, 0, SesEvents.bare(email), null, "postmark:" + idNode.asText(), at, detail,
        "postmark"));
  }
}
