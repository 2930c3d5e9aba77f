package press.callback.site.jbake;

import java.util.Map;

/**
 * What the list service's webhooks need of the settings.
 *
 * @param sesTopicArn the SNS topic {@code /hooks/ses} takes messages from ({@code
 *     newsletter.list_ses_topic_arn}), or {@code null}: then that endpoint is off
 * @param bounceAddress the envelope sender's address ({@code newsletter.bounce_address}), whose
 *     VERP form names a bounce's member and issue, or {@code null}
 */
public record HookSettings(String sesTopicArn, String bounceAddress) {
  /** The webhooks' settings among a project's checked settings ({@link Settings}). */
  static HookSettings of(Map<String, Object> settings) {
    return new HookSettings((String) settings.get("newsletter.list_ses_topic_arn"),
        (String) settings.get("newsletter.bounce_address"));
  }
}
