package press.callback.list.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import press.callback.list.Feedback;
import press.callback.list.Tokens;
import press.callback.list.Verp;

/**
 * Mailgun's webhooks as reports. Each body carries {@code signature: {timestamp, token,
 * signature}}, the signature being the hex HMAC-SHA256 of timestamp and token under the domain's
 * webhook signing key; a timestamp more than {@link #SKEW} away from now or a token seen before is
 * refused. {@code failed} events are hard bounces when their severity is {@code permanent}, soft
 * when {@code temporary}; {@code complained} is a complaint, {@code unsubscribed} an unsubscribe;
 * the rest (delivered, opened…) are ignored.
 */
public final class MailgunEvents {
  /** How far a signature's timestamp may be from now. */
  public static final Duration SKEW = Duration.ofMinutes(5);

  private MailgunEvents() {}

  /**
   * Checks the body's signature and reads its report (empty: an event the list ignores); key
   * {@code mailgun:<event-data.id>}.
   *
   * @param verp press's bounce addresses, or {@code null}
   * @throws Refused 400 malformed, 403 a signature that does not verify, a stale timestamp or a
   *     token seen before
   */
  public static Optional<Feedback> read(byte[] body, String signingKey, ReplayGuard tokens, Verp verp, Instant now)
      throws Refused {
    JsonNode n = Payload.object(body);
    JsonNode sig = n.path("signature");
    String timestamp = Payload.required(sig, "timestamp", "the Mailgun signature");
    String token = Payload.required(sig, "token", "the Mailgun signature");
    String signature = Payload.required(sig, "signature", "the Mailgun signature");
    if (!timestamp.matches("[0-9]{1,12}")) {
      throw Refused.malformed("the Mailgun signature's timestamp is not a number of seconds");
    }
    if (!signatureMatches(signingKey, timestamp, token, signature)) {
      throw Refused.forbidden("the Mailgun signature does not verify");
    }
    Instant signed = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(signed, now).abs().compareTo(SKEW) > 0) {
      throw Refused.forbidden("the Mailgun signature is from " + signed + ", more than 5 minutes from now");
    }
    if (!tokens.first(token, now)) {
      throw Refused.forbidden("the Mailgun signature's token was used before (a replay)");
    }
    JsonNode event = n.path("event-data");
    String name = Payload.required(event, "event", "the Mailgun event-data");
    Feedback.Kind kind;
    switch (name) {
      case "failed" -> {
        String severity = Payload.text(event, "severity");
        if ("permanent".equals(severity)) {
          kind = Feedback.Kind.HARD_BOUNCE;
        } else if ("temporary".equals(severity)) {
          kind = Feedback.Kind.SOFT_BOUNCE;
        } else {
          return Optional.empty();
        }
      }
      case "complained" -> kind = Feedback.Kind.COMPLAINT;
      case "unsubscribed" -> kind = Feedback.Kind.UNSUBSCRIBE;
      default -> {
        return Optional.empty();
      }
    }
    String id = Payload.required(event, "id", "the Mailgun event-data");
    String recipient = Payload.required(event, "recipient", "the Mailgun event-data");
    JsonNode when = event.get("timestamp");
    Instant at = when != null && when.isNumber() ? Instant.ofEpochMilli((long) (when.asDouble() * 1000)) : now;
    Optional<Tokens.BounceId> sender = verp == null ? Optional.empty()
        : verp.recipient(Payload.text(event.path("envelope"), "sender"));
    JsonNode status = event.path("delivery-status");
    String detail = name + (kind == Feedback.Kind.HARD_BOUNCE || kind == Feedback.Kind.SOFT_BOUNCE
        ? " " + Payload.text(event, "severity") + detail(status) : "");
    return Optional.of(new Feedback(kind, sender.map(Tokens.BounceId::memberId).orElse(0L),
        SesEvents.bare(recipient), sender.flatMap(Tokens.BounceId::issue).orElse(null), "mailgun:" + id, at,
        detail, "mailgun"));
  }

  private static String detail(JsonNode status) {
    JsonNode code = status.get("code");
    String message = Payload.text(status, "message");
    if (message == null || message.isBlank()) {
      message = Payload.text(status, "description");
    }
    return (code != null && code.isNumber() ? " " + code.asInt() : "")
        + (message == null || message.isBlank() ? "" : ": " + message.strip());
  }

  /** Whether {@code signature} is the hex HMAC-SHA256 of timestamp + token (compared in constant time). */
  static boolean signatureMatches(String key, String timestamp, String token, String signature) {
    byte[] expected = sign(key, timestamp, token);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  /** The HMAC Mailgun puts in a body's signature (tests sign with it too). */
  public static byte[] sign(String key, String timestamp, String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }
}
