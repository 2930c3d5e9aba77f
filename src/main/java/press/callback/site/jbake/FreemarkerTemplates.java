package press.callback.site.jbake;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;
import press.callback.content.Catalog;
import press.callback.diag.Diagnostic;
import press.callback.diag.TemplateDiagnostics;
import press.callback.newsletter.Newsletter;

/**
 * Renders {@code .ftl} templates with our own FreeMarker configuration instead of JBake's: errors
 * are rethrown (never printed into the page) and become diagnostics with the template's line and
 * column; templates see JBake's model (content, config, published_posts, tags, …) plus {@code
 * site}, the catalog, and {@code press}, the helpers — but not JBake's {@code db}. Other template
 * languages go to JBake's engines.
 */
public final class FreemarkerTemplates extends DelegatingTemplateEngine {
  private final Configuration freemarker;
  private final JBakeConfiguration jbake;
  private final Map<String, Object> configMap;
  private final Catalog catalog;
  private final TemplateHelpers helpers;
  private final Newsletter newsletter;
  private final TemplateDiagnostics errors;
  private final List<Diagnostic> diagnostics = new CopyOnWriteArrayList<>();
  private final StoreSnapshot snapshot;
  private final Map<String, java.util.function.Function<SnapshotModel, Object>> lists;
  private final int postsPerPage;
  private final SiteProject project;

  FreemarkerTemplates(
      StoreSnapshot snapshot,
      SiteProject project,
      Catalog catalog,
      Newsletter newsletter,
      TemplateHelpers helpers)
      throws IOException {
    this(snapshot, project, catalog, newsletter, helpers, null, null);
  }

  private FreemarkerTemplates(
      StoreSnapshot snapshot,
      SiteProject project,
      Catalog catalog,
      Newsletter newsletter,
      TemplateHelpers helpers,
      Configuration warm,
      TemplateDiagnostics errors)
      throws IOException {
    super(null, project.config()); // no store: templates of other engines see JBake's model without one
    this.project = project;
    this.snapshot = snapshot;
    this.lists = SnapshotModel.lists(snapshot, project.config().getTagPathName(), project.config().getOutputExtension());
    this.postsPerPage = project.config().getPaginateIndex() ? project.config().getPostsPerPage() : 0;
    this.jbake = project.config();
    this.configMap = project.templateConfig();
    this.catalog = catalog;
    this.helpers = helpers;
    this.newsletter = newsletter;
    this.freemarker = warm != null ? warm : configuration(project);
    this.errors = errors != null ? errors
        : new TemplateDiagnostics(new freemarker.cache.FileTemplateLoader(project.templateFolder().toFile()),
            jbake.getTemplateFolderName(), jbake.getTemplateEncoding());
  }

  /**
   * The same templates (already parsed, so the dev server's edits render at once) over new
   * content.
   */
  FreemarkerTemplates with(StoreSnapshot snapshot, Catalog catalog, Newsletter newsletter, TemplateHelpers helpers) {
    try {
      return new FreemarkerTemplates(snapshot, project, catalog, newsletter, helpers, freemarker, errors);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // not thrown: the folder was read before
    }
  }

  private static Configuration configuration(SiteProject project) throws IOException {
    JBakeConfiguration jbake = project.config();
    return press.callback.newsletter.EmailTemplates.configuration(
        new freemarker.cache.FileTemplateLoader(project.templateFolder().toFile()), jbake.getTemplateEncoding(),
        jbake.getOutputEncoding(), project.locale(), project.zone());
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
    Diagnostic d = process(templateName,
        new Root(new SnapshotModel(model, freemarker.getObjectWrapper(), snapshot, lists, postsPerPage)),
        writer, page(model));
    if (d != null) {
      throw new RenderingException(d.format());
    }
  }

  /** Renders; returns the diagnostic of a failure (also kept), or {@code null}. */
  private Diagnostic process(String templateName, Root root, Writer writer, String page) {
    try {
      Template template = freemarker.getTemplate(templateName);
      template.process(root, writer);
      return null;
    } catch (TemplateException e) {
      return fail(errors.of(e, page));
    } catch (TemplateNotFoundException e) {
      return fail(errors.notFound(e, page));
    } catch (ParseException e) {
      return fail(errors.of(e, page));
    } catch (IOException e) {
      // FreeMarker caches a failed parse and later throws an IOException caused by it.
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof ParseException p) {
          return fail(errors.of(p, page));
        }
      }
      return fail(errors.unreadable(templateName, e, page));
    }
  }

  private Diagnostic fail(Diagnostic d) {
    diagnostics.add(d);
    return d;
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

  /** The data model: JBake's lazy model (or a plain one), plus site, press and newsletter, minus db. */
  private final class Root implements TemplateHashModel {
    private final TemplateHashModel base;
    private final ObjectWrapper wrapper = freemarker.getObjectWrapper();

    Root(TemplateHashModel base) {
      this.base = base;
    }

    @Override
    public freemarker.template.TemplateModel get(String key) throws TemplateModelException {
      return switch (key) {
        case "site" -> wrapper.wrap(catalog);
        case "press" -> wrapper.wrap(helpers);
        case "newsletter" -> wrapper.wrap(newsletter);
        case "db" ->
            throw new TemplateModelException(
                "'db' (JBake's content store) is not available to templates; use 'site'");
        default -> base.get(key);
      };
    }

    @Override
    public boolean isEmpty() {
      return false;
    }
  }
}
