package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import freemarker.cache.StringTemplateLoader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/** The email templates' own FreeMarker: what templates see, and their errors as diagnostics. */
class EmailTemplatesTest {
  private final StringTemplateLoader files = new StringTemplateLoader();
  private final EmailTemplates templates = new EmailTemplates(files, new EmailTemplates.Settings(
      "templates", "UTF-8", "UTF-8", Locale.US, ZoneId.of("UTC"), "https://example.org",
      Map.of("site_title", "Example")));

  @Test
  void templatesSeeTheModelConfigAndPress() throws Exception {
    files.putTemplate("email/t.ftl",
        "<#ftl output_format=\"HTML\">${config.site_title} ${press.abs('/a/')} ${press.longDate(day)} ${n} ${text}");
    String out = templates.render("email/t.ftl",
        Map.of("day", LocalDate.of(2026, 11, 30), "n", 12345, "text", "<b>"), "content/newsletter/x.md");
    assertThat(out).isEqualTo("Example https://example.org/a/ November 30, 2026 12345 &lt;b&gt;");
  }

  @Test
  void anUndefinedNameIsAnErrorAtItsLineWithTheEmailBeingRendered() {
    files.putTemplate("email/t.ftl", "<p>\n  ${nothing}\n</p>");
    Diagnostic d = only(() -> templates.render("email/t.ftl", Map.of(), "content/newsletter/2026-11-30.md"));
    assertThat(d.location()).isEqualTo("templates/email/t.ftl:2:5");
    assertThat(d.message()).contains("nothing").endsWith("(rendering content/newsletter/2026-11-30.md)");
    assertThat(d.format()).contains("  ${nothing}");
  }

  @Test
  void jbakesStoreIsNotInTheModel() {
    files.putTemplate("email/t.ftl", "${db}");
    assertThat(only(() -> templates.render("email/t.ftl", Map.of(), "x")).message()).contains("db");
  }

  @Test
  void aSyntaxErrorNamesItsTemplateAndLine() {
    files.putTemplate("email/t.ftl", "line one\n<#if>\n");
    Diagnostic d = only(() -> templates.render("email/t.ftl", Map.of(), "x"));
    assertThat(d.location()).startsWith("templates/email/t.ftl:2:");
    assertThat(d.message()).startsWith("template syntax: ");
  }

  @Test
  void aMissingTemplateSaysWhichFileToCreate() {
    Diagnostic d = only(() -> templates.render("email/none.ftl", Map.of(), "content/list/confirm.md"));
    assertThat(d.location()).isEqualTo("templates/email/none.ftl");
    assertThat(d.message()).isEqualTo("template not found (rendering content/list/confirm.md)");
  }

  private interface Render {
    String run() throws ContentException;
  }

  private static Diagnostic only(Render render) {
    ContentException e = catchThrowableOfType(ContentException.class, render::run);
    assertThat(e).as("a ContentException").isNotNull();
    assertThat(e.diagnostics()).hasSize(1);
    return e.diagnostics().get(0);
  }
}
