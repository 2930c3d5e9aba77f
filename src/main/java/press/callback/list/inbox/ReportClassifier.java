package press.callback.list.inbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import press.callback.list.inbox.Classification.Kind;

/**
 * Tells what a message in the bounce mailbox is, from its bytes alone: no I/O, no list, no clock.
 * In this order:
 *
 * <ol>
 *   <li>a {@code multipart/report}: a delivery status notification (RFC 3464) is a hard or soft
 *       bounce by its Action and Status; a feedback report (RFC 5965) of type abuse a complaint;
 *   <li>an automatic reply by its headers (X-Autoreply, Precedence: auto_reply) or, from a person,
 *       its subject ("Out of office", "Automatic reply", "Abwesend"): left alone, always;
 *   <li>a report that does not conform, from a mailer daemon or with a bounce's subject: judged by
 *       {@link BounceRules} on its words; with neither a code nor a known reason, unclassified;
 *   <li>a mailed unsubscribe: subject {@code unsubscribe <token>};
 *   <li>any other automatic message (Auto-Submitted, Precedence: bulk): left alone;
 *   <li>a sign-up: subject {@code subscribe} (or an empty subject and {@code subscribe} as the
 *       body's first line), from a person;
 *   <li>anything else: unclassified, for a person to read.
 * </ol>
 *
 * <p>Over 300 lines (a little) because it is the one ordered list above, read from top to bottom:
 * the order is the rule.
 */
public final class ReportClassifier {
  private static final Session SESSION = session();

  private static final Pattern DAEMON = Pattern.compile(
      "^(mailer-daemon|mailerdaemon|mail-daemon|postmaster|maildelivery|mail-delivery)@", Pattern.CASE_INSENSITIVE);
  private static final Pattern DAEMON_NAME = Pattern.compile("mail delivery (system|subsystem)|mailer.daemon|postmaster",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
      "undeliver|undelivered|delivery status notification|delivery (has )?failed|delivery failure|mail delivery"
          + "|returned mail|failure notice|could not be delivered|non-?delivery|nondeliverable|unzustellbar"
          + "|nicht zustellbar|non remis|delivery (delayed|delay)|message not delivered|mail system error",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern OUT_OF_OFFICE = Pattern.compile(
      "out of (the )?office|automatic reply|auto(matic)?[ -]?(reply|response|antwort)|autoreply|automatische antwort"
          + "|abwesen(d|heit)|r[ée]ponse automatique|absence|respuesta autom[áa]tica|risposta automatica"
          + "|automatisch antwoord|afwezig|on vacation|vacation reply|away from (the|my) (office|desk)|on leave",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSUBSCRIBE = Pattern.compile("^\\s*unsubscribe(?:\\s+(\\S{1,500}))?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBSCRIBE = Pattern.compile("^\\s*subscribe[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
  /** Where a report's own words end and its copy of the original message begins. */
  private static final Pattern COPY = Pattern.compile(
      "(?im)^[ \\t]*(-{2,}|_{2,}|={2,})?[ \\t]*(this is a copy of|original message|below this line is a copy"
          + "|forwarded message|a copy of the original|undelivered message|message headers follow|the original message"
          + "|returned message)");
  /** A member token in a List-Unsubscribe link: {@code /u/TOKEN}, {@code token=TOKEN}, the mailto subject. */
  private static final Pattern LINK_TOKEN = Pattern.compile("(?:/u/|[?&]token=|[?&]t=|subject=unsubscribe(?:%20|\\+| ))([A-Za-z0-9._-]{8,420})");

  private ReportClassifier() {}

  private static Session session() {
    Properties p = new Properties();
    p.put("mail.mime.address.strict", "false");
    p.put("mail.mime.parameters.strict", "false");
    return Session.getInstance(p);
  }

  /** What the raw message {@code raw} (RFC 5322, any line ends) is. */
  public static Classification classify(byte[] raw) {
    String key = MessageKey.of(raw);
    MimeMessage m;
    try {
      m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    } catch (MessagingException e) {
      return new Classification(Kind.UNCLASSIFIED, key, null, List.of(), null, "", "unreadable: " + e.getMessage(), null,
          null, null, null);
    }
    return new Reading(m, key).classify();
  }

  /** One message being read. */
  private static final class Reading {
    private final MimeMessage m;
    private final String key;
    private final Instant date;
    private final String subject;
    private final String from;
    private final String fromName;
    private final List<Part> leaves;
    private final Set<String> sentTo = new LinkedHashSet<>();
    private Fields original = Fields.EMPTY;

    Reading(MimeMessage m, String key) {
      this.m = m;
      this.key = key;
      this.date = Headers.sentDate(m);
      this.subject = Headers.subject(m);
      String[] sender = Headers.sender(m);
      this.from = sender[0];
      this.fromName = sender[1];
      this.leaves = MimeParts.leaves(m);
      for (String h : new String[] {"To", "Delivered-To", "X-Original-To", "Headers-To", "X-Headers-To"}) {
        for (String v : Headers.headers(m, h)) {
          sentTo.addAll(MimeParts.addresses(v));
        }
      }
    }

    Classification classify() {
      Part dsn = null;
      Part arf = null;
      for (Part p : leaves) {
        String type = MimeParts.type(p);
        switch (type) {
          case "message/delivery-status", "message/global-delivery-status" -> dsn = dsn == null ? p : dsn;
          case "message/feedback-report" -> arf = arf == null ? p : arf;
          case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers" -> {
            if (original.isEmpty()) {
              original = Fields.header(MimeParts.text(p));
            }
          }
          default -> { }
        }
      }
      for (String h : new String[] {"Return-Path", "Original-Mail-From"}) {
        sentTo.addAll(MimeParts.addresses(original.get(h)));
      }
      if (arf != null) {
        return complaint(arf);
      }
      if (dsn != null) {
        return deliveryStatus(dsn);
      }
      String autoSubmitted = BounceRules.lower(header("Auto-Submitted"));
      String precedence = BounceRules.lower(header("Precedence"));
      if (header("X-Autoreply") != null || header("X-Autorespond") != null || precedence.equals("auto_reply")) {
        return make(Kind.AUTO_REPLY, null, "", "automatic reply", null);
      }
      boolean daemon = from != null && DAEMON.matcher(from).find() || DAEMON_NAME.matcher(fromName).find();
      if (!daemon && OUT_OF_OFFICE.matcher(subject).find()) {
        return make(Kind.AUTO_REPLY, null, "", "automatic reply", null);
      }
      if (daemon || BOUNCE_SUBJECT.matcher(subject).find()) {
        Classification c = nonConforming();
        if (c != null) {
          return c;
        }
      }
      if (autoSubmitted.startsWith("auto-replied")) {
        return make(Kind.AUTO_REPLY, null, "", "automatic reply", null);
      }
      Matcher unsubscribe = UNSUBSCRIBE.matcher(subject);
      if (unsubscribe.matches()) {
        return make(Kind.UNSUBSCRIBE, null, "", "unsubscribe by mail", unsubscribe.group(1));
      }
      if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no") || precedence.matches("bulk|junk|list")) {
        return make(Kind.AUTO_REPLY, null, "", "automatic message", null);
      }
      if (from != null && !daemon && (SUBSCRIBE.matcher(subject).matches()
          || subject.isBlank() && SUBSCRIBE.matcher(Headers.firstLine(bodyText())).matches())) {
        return make(Kind.SUBSCRIBE, from, "", "subscribe by mail", null);
      }
      return make(Kind.UNCLASSIFIED, null, "", daemon ? "a report with no status and no known reason" : "", null);
    }

    /** An RFC 5965 feedback report. */
    private Classification complaint(Part arf) {
      List<Fields> blocks = Fields.blocks(MimeParts.text(arf));
      Fields f = blocks.isEmpty() ? Fields.EMPTY : blocks.get(0);
      sentTo.addAll(MimeParts.addresses(f.get("Original-Mail-From")));
      String type = BounceRules.lower(f.get("Feedback-Type"));
      String recipient = MimeParts.address(f.get("Original-Rcpt-To"));
      if (recipient == null) {
        recipient = MimeParts.address(original.get("To"));
      }
      if (type.equals("abuse") || type.equals("fraud") || type.equals("virus")) {
        return make(Kind.COMPLAINT, recipient, "", "feedback report: " + type, originalToken());
      }
      return make(Kind.UNCLASSIFIED, recipient, "", "feedback report: " + (type.isEmpty() ? "no type" : type), null);
    }

    /** An RFC 3464 delivery status notification: the first failed recipient, else delayed, else the first. */
    private Classification deliveryStatus(Part dsn) {
      List<Fields> recipients = new ArrayList<>();
      for (Fields f : Fields.blocks(MimeParts.text(dsn))) {
        if (f.get("Final-Recipient") != null || f.get("Action") != null || f.get("Original-Recipient") != null) {
          recipients.add(f);
        }
      }
      Fields chosen = pick(recipients, "failed").or(() -> pick(recipients, "delayed"))
          .orElse(recipients.isEmpty() ? Fields.EMPTY : recipients.get(0));
      String action = BounceRules.lower(chosen.get("Action")).strip();
      String status = BounceRules.enhanced(chosen.get("Status"));
      String diagnostic = chosen.get("Diagnostic-Code") == null ? "" : chosen.get("Diagnostic-Code");
      String recipient = MimeParts.recipientField(chosen.get("Final-Recipient"));
      if (recipient == null) {
        recipient = MimeParts.recipientField(chosen.get("Original-Recipient"));
      }
      if (recipient == null) {
        recipient = failedRecipient();
      }
      String words = diagnostic.isEmpty() ? reportWords() : diagnostic;
      switch (action) {
        case "delivered", "relayed", "expanded" -> {
          return make(Kind.AUTO_REPLY, recipient, status, "delivery notice: " + action, null);
        }
        case "delayed" -> {
          BounceRules.Verdict v = BounceRules.judge(status, diagnostic).orElse(null);
          String reason = v == null || v.kind() == Kind.HARD_BOUNCE ? "delayed" : v.reason();
          return make(Kind.SOFT_BOUNCE, recipient, v == null ? status : v.status(), (status + " " + reason).strip(),
              originalToken());
        }
        default -> {
          Optional<BounceRules.Verdict> v = BounceRules.judge(status, words);
          if (v.isPresent()) {
            return make(v.get().kind(), recipient, v.get().status(), v.get().detail(), originalToken());
          }
          if (action.equals("failed")) {
            return make(Kind.HARD_BOUNCE, recipient, status, (status + " permanent failure").strip(), originalToken());
          }
          return make(Kind.UNCLASSIFIED, recipient, status, "a delivery report with no action", null);
        }
      }
    }

    private static Optional<Fields> pick(List<Fields> recipients, String action) {
      return recipients.stream().filter(f -> action.equalsIgnoreCase(String.valueOf(f.get("Action")).strip())).findFirst();
    }

    /** A report that does not conform: its words judged, or {@code null} when they say nothing. */
    private Classification nonConforming() {
      String words = reportWords();
      Optional<BounceRules.Verdict> v = BounceRules.judge("", words);
      if (v.isEmpty()) {
        return null;
      }
      String recipient = failedRecipient();
      if (recipient == null) {
        for (String a : MimeParts.addresses(words)) {
          if (!sentTo.contains(a) && !a.equalsIgnoreCase(from) && !DAEMON.matcher(a).find()) {
            recipient = a;
            break;
          }
        }
      }
      return make(v.get().kind(), recipient, v.get().status(), v.get().detail(), originalToken());
    }

    /** The report's own words: its first text part, up to where its copy of the original begins. */
    private String reportWords() {
      String text = bodyText();
      Matcher copy = COPY.matcher(text);
      if (copy.find()) {
        if (original.isEmpty()) {
          String rest = text.substring(copy.end());
          int nl = rest.indexOf('\n');
          original = Fields.header(nl < 0 ? "" : rest.substring(nl + 1).stripLeading());
          sentTo.addAll(MimeParts.addresses(original.get("Return-Path")));
        }
        text = text.substring(0, copy.start());
      }
      return text.length() > 16_384 ? text.substring(0, 16_384) : text;
    }

    private String bodyText() {
      for (Part p : leaves) {
        String type = MimeParts.type(p);
        if (type.equals("text/plain") || type.equals("text/html")) {
          return MimeParts.text(p);
        }
      }
      return "";
    }

    private String failedRecipient() {
      String failed = header("X-Failed-Recipients");
      return failed == null ? null : MimeParts.address(failed);
    }

    private String originalToken() {
      String link = original.get("List-Unsubscribe");
      if (link == null) {
        return null;
      }
      Matcher t = LINK_TOKEN.matcher(link);
      return t.find() ? t.group(1) : null;
    }

    private Classification make(Kind kind, String recipient, String status, String detail, String token) {
      String mid = original.get("Message-ID");
      String originalId = mid == null ? null : mid.strip();
      String listId = original.get("List-Id");
      return new Classification(kind, key, date, List.copyOf(sentTo), recipient, status, detail, token, originalId,
          listId == null ? null : listId.strip(), kind == Kind.SUBSCRIBE ? fromName : "");
    }

    private String header(String name) {
      List<String> all = Headers.headers(m, name);
      return all.isEmpty() ? null : all.get(0);
    }
  }
}
