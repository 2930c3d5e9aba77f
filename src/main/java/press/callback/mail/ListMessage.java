package press.callback.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * Makes one reader's copy of a list email (confirm, already subscribed, welcome) from its baked
 * message: the placeholders filled ({@code {{confirm_url}}}, {@code {{manage_url}}}, {@code
 * {{name}}}), addressed to the reader, with a fresh Message-ID and Date. Transactional: no list
 * headers.
 *
 * <p>As in {@link Personalizer}, a name never makes a header: it is cleaned of control characters
 * and left out when too long.
 */
public final class ListMessage {
  private final IssueMessage template;
  private final Clock clock;
  private final SecureRandom random;

  public ListMessage(IssueMessage template, Clock clock, SecureRandom random) {
    this.template = template;
    this.clock = clock;
    this.random = random;
  }

  /**
   * The message to {@code to}.
   *
   * @param name the name to greet, or empty (the greeting then says {@link Personalizer#NO_NAME});
   *     left out of the To header when {@code greet} is false
   * @param greet whether the name may appear at all (never in the confirmation email)
   * @param values the placeholders' values by name ({@code confirm_url} → its link)
   */
  public MimeMessage message(String to, String name, boolean greet, Map<String, String> values) {
    String known = greet ? SubscriberList.greetingName(name == null ? "" : name) : "";
    String text = fill(template.text(), known.isEmpty() ? Personalizer.NO_NAME : known, values, false);
    String html = fill(template.html(), Entities.escape(known.isEmpty() ? Personalizer.NO_NAME : known), values, true);
    InternetAddress address;
    try {
      address = known.isEmpty() ? new InternetAddress(to, true) : new InternetAddress(to, known, "UTF-8");
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("not an address", e);
    }
    byte[] id = new byte[12];
    random.nextBytes(id);
    Envelope env = new Envelope(template.from(), template.replyTo(), template.subject(), ZonedDateTime.now(clock),
        template.id() + "." + HexFormat.of().formatHex(id) + "@" + template.host(), null, null, null, address);
    return MimeWriter.message(env, text, html);
  }

  private static String fill(String part, String name, Map<String, String> values, boolean html) {
    String out = part.replace("{{name}}", name);
    for (Map.Entry<String, String> v : values.entrySet()) {
      String value = html ? Entities.escape(v.getValue()) : v.getValue();
      out = out.replace("{{" + v.getKey() + "}}", value).replace("%7B%7B" + v.getKey() + "%7D%7D", value);
    }
    return out;
  }
}
