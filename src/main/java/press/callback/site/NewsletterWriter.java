package press.callback.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.newsletter.CssInliner;
import press.callback.newsletter.Email;
import press.callback.newsletter.EmailBuilder;
import press.callback.newsletter.EmailSettings;
import press.callback.newsletter.Issue;
import press.callback.newsletter.Newsletter;

/**
 * Writes every issue as email into the newsletter folder: {@code <id>/email.html}, {@code
 * email.txt} and {@code email.eml}.
 */
final class NewsletterWriter {
  private final SiteProject project;
  private final Newsletter newsletter;
  private final EmailSettings settings;
  private final String css;

  private NewsletterWriter(SiteProject project, Newsletter newsletter, EmailSettings settings, String css) {
    this.project = project;
    this.newsletter = newsletter;
    this.settings = settings;
    this.css = css;
  }

  /**
   * Reads the newsletter's settings and stylesheet.
   *
   * @throws ContentException if a setting is missing or the stylesheet cannot be read
   */
  static NewsletterWriter prepare(SiteProject project, Newsletter newsletter) throws ContentException {
    EmailSettings settings = project.emailSettings();
    Path cssFile = project.emailCss();
    String cssPath = ContentLoader.slashes(project.source().relativize(cssFile));
    String css;
    try {
      css = Files.readString(cssFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(cssPath, 0, 0, "cannot read the email stylesheet",
          "create " + cssPath + " or set newsletter.css in jbake.properties"));
    }
    List<Diagnostic> problems = CssInliner.check(css, cssPath);
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new NewsletterWriter(project, newsletter, settings, css);
  }

  /** Builds and writes every issue into {@code folder}; problems go to {@code diagnostics}. */
  void write(FreemarkerTemplates templates, Path folder, Diagnostics diagnostics) throws IOException {
    ImageSizes images = new ImageSizes(
        settings.host(), project.source().resolve(project.config().getAssetFolderName()), project.contentFolder());
    EmailBuilder builder = new EmailBuilder(settings, css, templates, images);
    for (Issue issue : newsletter.issues()) {
      try {
        Email email = builder.build(issue);
        Path dir = folder.resolve(issue.id());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("email.html"), email.html(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("email.txt"), email.text(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("email.eml"), email.eml());
      } catch (ContentException e) {
        diagnostics.addAll(e.diagnostics());
      }
    }
  }
}
