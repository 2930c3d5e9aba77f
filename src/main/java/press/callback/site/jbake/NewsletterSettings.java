package press.callback.site.jbake;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.newsletter.EmailSettings;

/**
 * The newsletter's settings ({@code newsletter.*}) as an email needs them, checked together: the
 * sender, the unsubscribe links (the list service's when it has an https address), the list's id.
 */
final class NewsletterSettings {
  private NewsletterSettings() {}

  /**
   * The email settings of {@code project}, its issues sent at {@code sendTime}.
   *
   * @throws ContentException if a setting is missing or malformed
   */
  static EmailSettings read(SiteProject project, LocalTime sendTime) throws ContentException {
    List<Diagnostic> problems = new ArrayList<>();
    var config = project.config();
    String host = project.host();
    String title = ProjectConfiguration.string(config, "site.title", "Newsletter");
    String from = required(config, "newsletter.from", "Callback Press <weekly@example.org>", problems);
    ListSettings list = project.listSettings();
    String unsubscribe;
    if (!ProjectConfiguration.string(config, "newsletter.unsubscribe_url", "").isEmpty() || list.url() == null) {
      unsubscribe = required(config, "newsletter.unsubscribe_url", "https://example.org/unsubscribe/?token={{token}}", problems);
    } else if (list.url().startsWith("https://")) {
      unsubscribe = list.unsubscribeUrl(); // the list service answers the one-click unsubscribe
    } else {
      unsubscribe = "";
      problems.add(Diagnostic.error("jbake.properties", 0, 0,
          "newsletter.list_url is an http address, and an email's unsubscribe link must be https",
          "set newsletter.unsubscribe_url=https://…/u/{{token}} while you try the service on this machine,"
              + " or give newsletter.list_url its https address"));
    }
    String mailto = required(config, "newsletter.unsubscribe_mailto", "mailto:unsubscribe@example.org?subject=unsubscribe%20{{token}}", problems);
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new EmailSettings(
        host,
        ProjectConfiguration.string(config, "newsletter.name", title),
        from,
        ProjectConfiguration.string(config, "newsletter.reply_to", ""),
        ProjectConfiguration.string(config, "newsletter.list_id", "newsletter." + host.replaceFirst("^[a-z]+://", "")),
        unsubscribe,
        mailto,
        ProjectConfiguration.string(config, "newsletter.postal_address", ""),
        sendTime,
        project.zone());
  }

  private static String required(DefaultJBakeConfiguration config, String key, String example, List<Diagnostic> problems) {
    String value = ProjectConfiguration.string(config, key, "");
    if (value.isEmpty()) {
      problems.add(Diagnostic.error("jbake.properties", 0, 0, key + " is not set",
          "add '" + key + "=" + example + "' to jbake.properties"));
    }
    return value;
  }
}
