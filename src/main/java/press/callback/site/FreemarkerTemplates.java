package press.callback.site;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.core.TemplateClassResolver;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.FreemarkerTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;
import press.callback.content.Catalog;
import press.callback.diag.Diagnostic;

/**
 * Renders {@code .ftl} templates with our own FreeMarker configuration instead of JBake's: errors
 * are rethrown (never printed into the page) and become diagnostics with the template's line and
 * column; templates see JBake's model (content, config, published_posts, tags, …) plus {@code
 * site}, the catalog, and {@code press}, the helpers — but not JBake's {@code db}. Other template
 * languages go to JBake's engines.
 */
final class FreemarkerTemplates extends DelegatingTemplateEngine {
  private final Configuration freemarker;
  private final ContentStore store;
  private final JBakeConfiguration jbake;
  private final Map<String, Object> configMap;
  private final Catalog catalog;
  private final TemplateHelpers helpers;
  private final TemplateErrors errors;
  private final List<Diagnostic> diagnostics = new CopyOnWriteArrayList<>();

  FreemarkerTemplates(
      ContentStore store, SiteProject project, Catalog catalog, TemplateHelpers helpers)
      throws IOException {
    super(store, project.config());
    this.store = store;
    this.jbake = project.config();
    this.configMap = project.templateConfig();
    this.catalog = catalog;
    this.helpers = helpers;
    this.errors =
        new TemplateErrors(project.templateFolder(), jbake.getTemplateFolderName());
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setDirectoryForTemplateLoading(project.templateFolder().toFile());
    c.setDefaultEncoding(jbake.getTemplateEncoding());
    c.setOutputEncoding(jbake.getOutputEncoding());
    c.setLocale(project.locale());
    c.setTimeZone(TimeZone.getTimeZone(project.zone()));
    c.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone(project.zone()));
    c.setNumberFormat("computer");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setAPIBuiltinEnabled(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    this.freemarker = c;
  }

  /** Template errors met so far, in the order met. */
  List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  @Override
  public void renderDocument(TemplateModel model, String templateName, Writer writer)
      throws RenderingException {
    if (!templateName.endsWith(".ftl")) {
      super.renderDocument(model, templateName, writer);
      return;
    }
    model.setVersion(jbake.getVersion());
    model.setConfig(configMap);
    String page = page(model);
    try {
      Template template = freemarker.getTemplate(templateName);
      template.process(new Root(model), writer);
    } catch (TemplateException e) {
      throw fail(errors.of(e, page));
    } catch (TemplateNotFoundException e) {
      throw fail(errors.notFound(e, page));
    } catch (ParseException e) {
      throw fail(errors.of(e, page));
    } catch (IOException e) {
      // FreeMarker caches a failed parse and later throws an IOException caused by it.
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof ParseException p) {
          throw fail(errors.of(p, page));
        }
      }
      throw fail(errors.unreadable(templateName, e, page));
    }
  }

  private RenderingException fail(Diagnostic d) {
    diagnostics.add(d);
    return new RenderingException(d.format());
  }

  /** What is being rendered, for messages: the source file of a document, else its type. */
  private static String page(TemplateModel model) {
    DocumentModel content = model.getContent();
    if (content == null) {
      return "";
    }
    Object source = content.get("source");
    if (source != null) {
      return source.toString();
    }
    if (model.getTag() != null) {
      return "tag '" + model.getTag() + "'";
    }
    Object url = content.get("url");
    return url != null ? url.toString() : String.valueOf(content.getType());
  }

  /** The data model: JBake's lazy model, plus site and press, minus db. */
  private final class Root implements TemplateHashModel {
    private final FreemarkerTemplateEngine.LazyLoadingModel jbakeModel;
    private final ObjectWrapper wrapper = freemarker.getObjectWrapper();

    Root(TemplateModel model) {
      this.jbakeModel =
          new FreemarkerTemplateEngine.LazyLoadingModel(wrapper, model, store, jbake);
    }

    @Override
    public freemarker.template.TemplateModel get(String key) throws TemplateModelException {
      return switch (key) {
        case "site" -> wrapper.wrap(catalog);
        case "press" -> wrapper.wrap(helpers);
        case "db" ->
            throw new TemplateModelException(
                "'db' (JBake's content store) is not available to templates; use 'site'");
        default -> jbakeModel.get(key);
      };
    }

    @Override
    public boolean isEmpty() {
      return false;
    }
  }
}
