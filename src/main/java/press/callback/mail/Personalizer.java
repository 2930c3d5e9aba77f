package press.callback.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.function.Function;
import org.jsoup.nodes.Entities;

/**
 * Makes one subscriber's message from the issue's: the greeting name and the unsubscribe token
 * filled in (text, HTML, List-Unsubscribe), addressed to them.
 *
 * <p>Names and addresses can never make headers: the address is validated, the name has no
 * control characters, is at most {@link Subscriber#MAX_NAME} characters (or left out) and goes
 * into the To header encoded and folded, the token is URL-safe.
 */
public final class Personalizer {
  /** The greeting when the list has no name for a subscriber. */
  public static final String NO_NAME = "there";

  private final IssueMessage issue;
  private final Template text;
  private final Template html;
  private final String boundary;
  private final Function<Subscriber, String> tokens;
  private final Function<Subscriber, String> envelopeSender;
  private final String destination;
  private final Clock clock;
  private final boolean test;

  /**
   * @param destination the destination's id: part of each Message-ID, so a resend to the same
   *     destination repeats the Message-ID and receivers can drop the duplicate
   * @param test mark the subject as a test copy
   */
  public Personalizer(IssueMessage issue, UnsubscribeToken tokens, String destination, Clock clock, boolean test) {
    this(issue, s -> tokens.create(s.email()), s -> null, destination, clock, test);
  }

  /**
   * @param tokens each subscriber's unsubscribe token (what fills {@code {{token}}})
   * @param envelopeSender each subscriber's envelope sender (MAIL FROM), or {@code null} for the
   *     From address
   * @param destination the destination's id: part of each Message-ID
   * @param test mark the subject as a test copy
   */
  public Personalizer(IssueMessage issue, Function<Subscriber, String> tokens, Function<Subscriber, String> envelopeSender,
      String destination, Clock clock, boolean test) {
    this.issue = issue;
    this.text = new Template(issue.text());
    this.html = new Template(issue.html());
    this.boundary = MimeWriter.boundary(issue.text(), issue.html());
    this.tokens = tokens;
    this.envelopeSender = envelopeSender;
    this.destination = destination;
    this.clock = clock;
    this.test = test;
  }

  /** The message for {@code s}. */
  public MimeMessage message(Subscriber s) {
    String known = SubscriberList.greetingName(s.name());
    String name = known.isEmpty() ? NO_NAME : known;
    String token = tokens.apply(s);
    byte[] textQp = text.encode(name, token);
    byte[] htmlQp = html.encode(Entities.escape(name), token);
    InternetAddress to;
    try {
      to = known.isEmpty() ? new InternetAddress(s.email(), true) : new InternetAddress(s.email(), known, "UTF-8");
    } catch (jakarta.mail.internet.AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("not an address", e);
    }
    String id = issue.id() + "." + MimeWriter.contentId(s.key(), destination, issue.id()) + "@" + issue.host();
    Envelope env = new Envelope(
        issue.from(),
        issue.replyTo(),
        test ? "[TEST] " + issue.subject() : issue.subject(),
        ZonedDateTime.now(clock),
        id,
        issue.listId(),
        issue.unsubscribeUrl().replace("{{token}}", token),
        issue.unsubscribeMailto().replace("{{token}}", token),
        to);
    MimeMessage message = MimeWriter.message(env, textQp, htmlQp, boundary);
    String sender = envelopeSender.apply(s);
    if (sender != null) {
      MimeWriter.setEnvelopeSender(message, sender);
    }
    return message;
  }

  /**
   * A part prepared once per issue: quoted-printable encodes each line on its own, so every line
   * without a placeholder is encoded here, once, and a message only encodes the few lines that
   * carry its name or token.
   */
  private static final class Template {
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\{(name|token)}}");
    private static final byte[] CRLF = {'\r', '\n'};
    /** For each line: its encoded bytes (byte[]), or its pieces to fill (List of String). */
    private final java.util.List<Object> lines = new java.util.ArrayList<>();
    private final int size;

    Template(String source) {
      String[] split = source.split("\n", -1);
      int total = 0;
      for (String line : split) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(line);
        if (!m.find()) {
          byte[] encoded = QuotedPrintable.encode(line);
          lines.add(encoded);
          total += encoded.length + 2;
          continue;
        }
        java.util.List<String> pieces = new java.util.ArrayList<>();
        int last = 0;
        do {
          pieces.add(line.substring(last, m.start()));
          pieces.add(m.group(1).equals("name") ? NAME : TOKEN);
          last = m.end();
        } while (m.find());
        pieces.add(line.substring(last));
        lines.add(pieces);
        total += line.length() * 3 + 2;
      }
      size = total;
    }

    /** The part, filled and encoded, with CRLF line ends. */
    byte[] encode(String name, String token) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + 512);
      for (int i = 0; i < lines.size(); i++) {
        Object line = lines.get(i);
        byte[] encoded;
        if (line instanceof byte[] b) {
          encoded = b;
        } else {
          StringBuilder sb = new StringBuilder();
          for (Object piece : (java.util.List<?>) line) {
            sb.append(piece == NAME ? name : piece == TOKEN ? token : (String) piece);
          }
          encoded = QuotedPrintable.encode(sb.toString());
        }
        out.writeBytes(encoded);
        if (i < lines.size() - 1) {
          out.writeBytes(CRLF);
        }
      }
      return out.toByteArray();
    }
  }

  private static final String NAME = new String("{{name}}");
  private static final String TOKEN = new String("{{token}}");

  /** For messages to people not on the list ({@code --test}): a subscriber with no name. */
  public static Subscriber tester(String address) {
    return new Subscriber(0, address, "", Subscriber.Status.SUBSCRIBED);
  }
}
