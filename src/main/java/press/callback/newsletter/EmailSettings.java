package press.callback.newsletter;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The newsletter's settings ({@code newsletter.*} in {@code jbake.properties}).
 *
 * @param host the site's https address, no trailing slash
 * @param name the newsletter's name, shown in List-Id
 * @param from the sender, {@code Name <address>}
 * @param replyTo where replies go
 * @param listId the list's id, a domain-like name ({@code weekly.callback.press})
 * @param unsubscribeUrl the https unsubscribe address; {@code {{token}}} marks the subscriber's token
 * @param unsubscribeMailto the {@code mailto:} unsubscribe address, with {@code {{token}}}
 * @param postalAddress the sender's postal address (anti-spam law)
 * @param sendTime the time of day in the Date header
 * @param zone the site's zone
 */
public record EmailSettings(
    String host,
    String name,
    String from,
    String replyTo,
    String listId,
    String unsubscribeUrl,
    String unsubscribeMailto,
    String postalAddress,
    LocalTime sendTime,
    ZoneId zone) {

  /** Where a subscriber's name goes, filled at send time (default "there"). */
  public static final String NAME_PLACEHOLDER = "{{name}}";
  /** Where a subscriber's unsubscribe token goes, filled at send time. */
  public static final String TOKEN_PLACEHOLDER = "{{token}}";

  /** The absolute address of a root-relative path. */
  public String abs(String path) {
    return host + path;
  }
}
