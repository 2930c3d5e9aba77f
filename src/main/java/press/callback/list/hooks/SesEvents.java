package press.callback.list.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import press.callback.list.Feedback;
import press.callback.list.Tokens;
import press.callback.list.Verp;

/**
 * Amazon SES's bounce and complaint notifications (an SNS notification's {@code Message}, from a
 * topic the identity's notifications or a configuration set's event destination publish to) as
 * reports: a permanent bounce is hard, a transient or undetermined one soft, a complaint a
 * complaint unless its feedback type says "not-spam". Other events (deliveries, opens) are none.
 */
public final class SesEvents {
  private SesEvents() {}

  /**
   * The reports in one SES notification, one per recipient; key {@code ses:<MessageId>:<address>}.
   *
   * @param message the SNS message's {@code Message}
   * @param snsMessageId the SNS message's id
   * @param verp press's bounce addresses, or {@code null} when the list has none
   * @param now when it arrived (the report's time when it carries none)
   * @throws Refused 400 when the message is not SES's JSON
   */
  public static List<Feedback> read(String message, String snsMessageId, Verp verp, Instant now) throws Refused {
    JsonNode n = Payload.object(message);
    String type = Payload.text(n, "notificationType");
    if (type == null) {
      type = Payload.text(n, "eventType"); // a configuration set's event destination
    }
    if (type == null) {
      throw Refused.malformed("the SES message has no notificationType or eventType");
    }
    JsonNode mail = n.path("mail");
    Optional<Tokens.BounceId> sender = sender(mail, verp);
    List<Feedback> out = new ArrayList<>();
    switch (type) {
      case "Bounce" -> {
        JsonNode bounce = n.path("bounce");
        String bounceType = Payload.text(bounce, "bounceType");
        Feedback.Kind kind = "Permanent".equals(bounceType) ? Feedback.Kind.HARD_BOUNCE : Feedback.Kind.SOFT_BOUNCE;
        Instant at = time(Payload.text(bounce, "timestamp"), now);
        JsonNode recipients = bounce.path("bouncedRecipients");
        for (JsonNode r : recipients) {
          String code = Payload.text(r, "diagnosticCode");
          String status = Payload.text(r, "status");
          String detail = (bounceType == null ? "" : bounceType.toLowerCase(Locale.ROOT))
              + (status == null ? "" : " " + status) + (code == null ? "" : ": " + code);
          add(out, kind, r, recipients.size(), sender, snsMessageId, at, detail.strip());
        }
      }
      case "Complaint" -> {
        JsonNode complaint = n.path("complaint");
        String feedbackType = Payload.text(complaint, "complaintFeedbackType");
        if ("not-spam".equalsIgnoreCase(feedbackType)) {
          return List.of(); // the reader marked it as not spam: the opposite of a complaint
        }
        Instant at = time(Payload.text(complaint, "timestamp"), now);
        JsonNode recipients = complaint.path("complainedRecipients");
        for (JsonNode r : recipients) {
          add(out, Feedback.Kind.COMPLAINT, r, recipients.size(), sender, snsMessageId, at,
              "complaint" + (feedbackType == null ? "" : " (" + feedbackType + ")"));
        }
      }
      default -> {
        return List.of();
      }
    }
    return out;
  }

  private static void add(List<Feedback> out, Feedback.Kind kind, JsonNode recipient, int recipients,
      Optional<Tokens.BounceId> sender, String snsMessageId, Instant at, String detail) throws Refused {
    String address = Payload.text(recipient, "emailAddress");
    if (address == null || address.isBlank()) {
      throw Refused.malformed("an SES recipient has no emailAddress");
    }
    address = bare(address);
    // press sends one message per member: its bounce address names that member, and the issue
    long member = recipients == 1 && sender.isPresent() ? sender.get().memberId() : 0;
    String issue = sender.flatMap(Tokens.BounceId::issue).orElse(null);
    out.add(new Feedback(kind, member, address, issue, "ses:" + snsMessageId + ":" + address.toLowerCase(Locale.ROOT),
        at, detail, "ses"));
  }

  /** The member and issue from press's envelope sender: SES's {@code mail.source} or a Return-Path header. */
  private static Optional<Tokens.BounceId> sender(JsonNode mail, Verp verp) {
    if (verp == null) {
      return Optional.empty();
    }
    Optional<Tokens.BounceId> found = verp.recipient(Payload.text(mail, "source"));
    for (JsonNode h : mail.path("headers")) {
      if (found.isPresent()) {
        break;
      }
      if ("Return-Path".equalsIgnoreCase(Payload.text(h, "name"))) {
        found = verp.recipient(Payload.text(h, "value"));
      }
    }
    return found;
  }

  /** {@code Dana <dana@example.org>} → {@code dana@example.org}; SES gives bare addresses mostly. */
  static String bare(String address) {
    String a = address.strip();
    int lt = a.lastIndexOf('<');
    int gt = a.lastIndexOf('>');
    return lt >= 0 && gt > lt ? a.substring(lt + 1, gt).strip() : a;
  }

  static Instant time(String iso, Instant fallback) {
    if (iso == null) {
      return fallback;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
