package press.callback.site.jbake;

import java.util.Map;
import press.callback.newsletter.EmailSettings;

/**
 * The list service's settings ({@code newsletter.list_*}), checked, with their defaults.
 *
 * @param url the service's public address without a trailing slash, or {@code null} when the
 *     site has no list service (its forms and one-click unsubscribe then have no endpoint)
 * @param database the JDBC URL of the list ({@code jdbc:sqlite:.press/list.db} by default)
 * @param trustedProxy the IP address whose {@code X-Forwarded-For} is believed, or {@code null}
 * @param limitPerIp signups per client IP address per hour
 * @param limitPerAddress signups per email address per hour
 * @param limitEmails confirmation emails per hour, all addresses together
 * @param softBounces how many temporary failures make an address {@code bounced}
 * @param softBounceDays within how many days they must fall
 * @param bounceAddress {@code newsletter.bounce_address}, where bounces go (its VERP base), or
 *     {@code null}
 */
public record ListSettings(
    String url, String database, String trustedProxy, int limitPerIp, int limitPerAddress, int limitEmails,
    int softBounces, int softBounceDays, String bounceAddress) {
  /** The list service's settings among a project's checked settings ({@link Settings}). */
  static ListSettings of(Map<String, Object> settings) {
    return new ListSettings(
        (String) settings.get("newsletter.list_url"),
        (String) settings.get("newsletter.list_db"),
        (String) settings.get("newsletter.list_trusted_proxy"),
        (Integer) settings.get("newsletter.list_limit_ip"),
        (Integer) settings.get("newsletter.list_limit_address"),
        (Integer) settings.get("newsletter.list_limit_emails"),
        (Integer) settings.get("newsletter.list_soft_bounces"),
        (Integer) settings.get("newsletter.list_soft_bounce_days"),
        (String) settings.get("newsletter.bounce_address"));
  }

  /** Where the site's forms post: {@code <url>/subscribe}, or {@code null} without a service. */
  public String subscribeUrl() {
    return url == null ? null : url + "/subscribe";
  }

  /** The one-click unsubscribe address with its token placeholder: {@code <url>/u/{{token}}}. */
  public String unsubscribeUrl() {
    return url == null ? null : url + "/u/" + EmailSettings.TOKEN_PLACEHOLDER;
  }
}
