package press.callback.newsletter;

import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.TemplateDiagnostics;

/**
 * The email templates ({@code email/issue.ftl}, {@code email/list.ftl} and their partials) with a
 * FreeMarker configuration of their own, set as the site's is (errors rethrown and turned into
 * diagnostics at the template's line, computer number format, the site's locale and zone, no
 * {@code ?api} or {@code ?new}). Templates see what the caller puts in the model ({@code issue} or
 * {@code list}, {@code email} and {@code site}, the catalog) plus {@code config}, the site's
 * settings as its templates see them ({@code config.site_title}), and {@code press}, the {@link
 * EmailHelpers}. No JBake model, no store ({@code db}): an email is rendered from values.
 */
public final class EmailTemplates {
  private final Configuration freemarker;
  private final TemplateDiagnostics errors;
  private final Map<String, Object> shared;

  /**
   * How the templates are read and what they see besides each email's model.
   *
   * @param folder the templates' folder as the project names it ({@code templates}), for messages
   * @param encoding the templates' encoding
   * @param outputEncoding the output's encoding, as FreeMarker's {@code output_encoding}
   * @param locale the site's locale: dates and numbers
   * @param zone the site's zone
   * @param host the site's https address, without a trailing slash ({@code press.abs})
   * @param config the settings as templates see them: keys with {@code _} for {@code .}
   */
  public record Settings(
      String folder, String encoding, String outputEncoding, Locale locale, ZoneId zone, String host,
      Map<String, Object> config) {
    public Settings {
      config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
  }

  /**
   * FreeMarker as press runs it, for the email templates and the site's page templates alike:
   * templates read once per bake, errors thrown (never printed into the output), numbers as
   * written, no access to Java classes from a template.
   */
  public static Configuration configuration(
      TemplateLoader loader, String encoding, String outputEncoding, java.util.Locale locale, java.time.ZoneId zone) {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setTemplateLoader(loader);
    c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE); // a template edit means a new bake
    c.setDefaultEncoding(encoding);
    c.setOutputEncoding(outputEncoding);
    c.setLocale(locale);
    c.setTimeZone(TimeZone.getTimeZone(zone));
    c.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone(zone));
    c.setNumberFormat("computer");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setAPIBuiltinEnabled(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    return c;
  }

  /** @param loader reads the templates folder (the project's {@code templates/}) */
  public EmailTemplates(TemplateLoader loader, Settings settings) {
    this.freemarker = configuration(loader, settings.encoding(), settings.outputEncoding(), settings.locale(),
        settings.zone());
    this.errors = new TemplateDiagnostics(loader, settings.folder(), settings.encoding());
    this.shared = Map.of("config", settings.config(), "press", new EmailHelpers(settings.host(), settings.locale()));
  }

  /**
   * Renders {@code template} (relative to the templates folder) with {@code model} and the shared
   * values.
   *
   * @param page what is being rendered, for messages ({@code content/newsletter/2026-11-30.md})
   * @throws ContentException with the template's file, line and column if rendering fails
   */
  public String render(String template, Map<String, Object> model, String page) throws ContentException {
    Map<String, Object> all = new LinkedHashMap<>(model);
    all.putAll(shared);
    StringWriter out = new StringWriter();
    try {
      Template t = freemarker.getTemplate(template);
      t.process(new SimpleHash(all, freemarker.getObjectWrapper()), out);
      return out.toString();
    } catch (TemplateException e) {
      throw new ContentException(errors.of(e, page));
    } catch (TemplateNotFoundException e) {
      throw new ContentException(errors.notFound(e, page));
    } catch (ParseException e) {
      throw new ContentException(errors.of(e, page));
    } catch (IOException e) {
      throw new ContentException(parseErrorIn(e, template, page));
    }
  }

  /** FreeMarker caches a failed parse and later throws an IOException caused by it. */
  private Diagnostic parseErrorIn(IOException e, String template, String page) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ParseException p) {
        return errors.of(p, page);
      }
    }
    return errors.unreadable(template, e, page);
  }
}
