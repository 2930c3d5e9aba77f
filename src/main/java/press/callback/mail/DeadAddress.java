package press.callback.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a server's permanent refusal of a recipient at RCPT time says the address itself is
 * dead (to be marked {@code bounced}), rather than refusing the sender, its reputation or its
 * policy (which says nothing about the reader's address, and must not unsubscribe anyone).
 *
 * <ul>
 *   <li>with an enhanced status code (RFC 3463): {@code 5.1.x} (bad mailbox, bad domain, no
 *       such user; not 5.1.7 and 5.1.8, the sender's address) and {@code 5.2.1} (mailbox
 *       disabled) are dead; {@code 5.7.x} (policy, spam, relaying), {@code 5.3.x}, {@code 5.4.x},
 *       {@code 5.5.x} and the rest are not;
 *   <li>without one: {@code 550}, {@code 551} and {@code 553} (mailbox unavailable, not local,
 *       name not allowed) are dead unless the text speaks of relaying, spam, blocks or policy.
 * </ul>
 */
final class DeadAddress {
  private static final Pattern ENHANCED = Pattern.compile("^\\s*\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
  private static final Pattern NOT_THE_ADDRESS = Pattern.compile(
      "relay|spam|block|policy|reputation|rate limit|too many|listed|dnsbl|rbl|auth", Pattern.CASE_INSENSITIVE);

  private DeadAddress() {}

  /** Whether {@code code} and {@code reply} (the server's reply line) to RCPT mean the address is dead. */
  static boolean isDead(int code, String reply) {
    if (code < 500 || code > 599) {
      return false;
    }
    String text = reply == null ? "" : reply;
    Matcher m = ENHANCED.matcher(text);
    if (m.find()) {
      int klass = Integer.parseInt(m.group(1));
      int subject = Integer.parseInt(m.group(2));
      int detail = Integer.parseInt(m.group(3));
      if (klass != 5) {
        return false;
      }
      return subject == 1 && detail != 7 && detail != 8 || subject == 2 && detail == 1;
    }
    return (code == 550 || code == 551 || code == 553) && !NOT_THE_ADDRESS.matcher(text.toLowerCase(Locale.ROOT)).find();
  }
}
