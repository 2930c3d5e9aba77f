package press.callback.site;

import freemarker.cache.FileTemplateLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import press.callback.content.Catalog;
import press.callback.content.ListEmail;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.mail.MimeWriter;
import press.callback.newsletter.CssInliner;
import press.callback.newsletter.Email;
import press.callback.newsletter.EmailBuilder;
import press.callback.newsletter.EmailSettings;
import press.callback.newsletter.EmailTemplates;
import press.callback.newsletter.Issue;
import press.callback.newsletter.Newsletter;
import press.callback.site.jbake.FreemarkerTemplates;
import press.callback.site.jbake.SiteProject;

/**
 * Writes every issue as email into the newsletter folder: {@code <id>/email.html}, {@code
 * email.txt} and {@code email.eml}; and the list service's emails the same way into {@code
 * list/<name>/}.
 */
final class NewsletterWriter {
  private final SiteProject project;
  private final Newsletter newsletter;
  private final EmailSettings settings;
  private final String css;
  private final List<ListEmail> listEmails;
  private final LocalDate day;

  private NewsletterWriter(SiteProject project, Newsletter newsletter, EmailSettings settings, String css,
      List<ListEmail> listEmails, LocalDate day) {
    this.project = project;
    this.newsletter = newsletter;
    this.settings = settings;
    this.css = css;
    this.listEmails = List.copyOf(listEmails);
    this.day = day;
  }

  /**
   * Reads the newsletter's settings and stylesheet.
   *
   * @throws ContentException if a setting is missing or the stylesheet cannot be read
   */
  static NewsletterWriter prepare(SiteProject project, Newsletter newsletter) throws ContentException {
    return prepare(project, newsletter, List.of(), null);
  }

  /**
   * As {@link #prepare(SiteProject, Newsletter)}, with the list emails too.
   *
   * @param day the build date, the list emails' Date (the list service sets its own when sending)
   */
  static NewsletterWriter prepare(SiteProject project, Newsletter newsletter, List<ListEmail> listEmails, LocalDate day)
      throws ContentException {
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
    return new NewsletterWriter(project, newsletter, settings, css, listEmails, day);
  }

  /**
   * Builds every issue and list email with the email templates (which see {@code catalog} as
   * {@code site}), writes each as {@code email.html}, {@code email.txt} and (through {@link
   * MimeWriter}) {@code email.eml} into {@code folder}; problems go to {@code diagnostics}.
   */
  void write(Catalog catalog, Path folder, Diagnostics diagnostics) throws IOException {
    ImageSizes images = new ImageSizes(
        settings.host(), project.source().resolve(project.config().getAssetFolderName()), project.contentFolder());
    EmailBuilder builder = new EmailBuilder(settings, css, templates(), catalog, images);
    for (Issue issue : newsletter.issues()) {
      try {
        write(builder.build(issue), folder.resolve(issue.id()));
      } catch (ContentException e) {
        diagnostics.addAll(e.diagnostics());
      }
    }
    for (ListEmail list : listEmails) {
      try {
        write(builder.build(list, day), folder.resolve(ListEmail.FOLDER).resolve(list.name()));
      } catch (ContentException e) {
        diagnostics.addAll(e.diagnostics());
      }
    }
  }

  /** The project's email templates, read from its templates folder, with its settings. */
  private EmailTemplates templates() throws IOException {
    var config = project.config();
    return new EmailTemplates(
        new FileTemplateLoader(project.templateFolder().toFile()),
        new EmailTemplates.Settings(config.getTemplateFolderName(), config.getTemplateEncoding(),
            config.getOutputEncoding(), project.locale(), project.zone(), project.host(), project.templateConfig()));
  }

  private static void write(Email email, Path dir) throws ContentException, IOException {
    byte[] eml = eml(email);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("email.html"), email.html(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("email.txt"), email.text(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("email.eml"), eml);
  }

  private static byte[] eml(Email email) throws ContentException {
    try {
      return MimeWriter.write(email);
    } catch (IllegalArgumentException e) {
      throw new ContentException(Diagnostic.error("jbake.properties", 0, 0, e.getMessage(),
          "write addresses as Name <name@example.org>"));
    }
  }

  /** The list emails this writer writes. */
  List<ListEmail> listEmails() {
    return listEmails;
  }
}
