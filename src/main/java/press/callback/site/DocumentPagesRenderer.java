package press.callback.site;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jbake.template.model.TemplateModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

/**
 * Renders every document's page, in place of JBake's {@code DocumentsRenderer}. JBake reloads
 * every document of a type to find each one's neighbours (quadratic: 107 s for 3,000 posts) and
 * finds a document by whole-map equality (which misses some, leaving them without links). Here
 * the neighbours are computed once per type from the snapshot, keyed by source path, and pages
 * are rendered on a pool of threads: the templates read only the immutable snapshot. Files are
 * written straight into the (empty) staging folder, without JBake's existence checks and
 * deletions: on some disks those metadata calls cost more than the rendering.
 */
final class DocumentPagesRenderer implements RenderingTool {
  private static final String PUBLISHED = "published";

  private final StoreSnapshot snapshot;
  private final FreemarkerTemplates templates;
  private final String dataType;
  private final int threads;

  DocumentPagesRenderer(StoreSnapshot snapshot, FreemarkerTemplates templates, String dataType, int threads) {
    this.snapshot = snapshot;
    this.templates = templates;
    this.dataType = dataType;
    this.threads = threads;
  }

  @Override
  public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
    List<DocumentModel> pages = pages();
    // Where each page goes, as JBake's Renderer names it; folders made once, up front.
    Map<DocumentModel, Path> files = new IdentityHashMap<>();
    Path destination = config.getDestinationFolder().toPath();
    Set<Path> folders = new HashSet<>();
    for (DocumentModel page : pages) {
      String uri = page.getUri();
      int dot = uri.lastIndexOf('.');
      String base = dot > uri.lastIndexOf('/') ? uri.substring(0, dot) : uri;
      Path file = destination.resolve(base + config.getOutputExtensionByDocType(page.getType()));
      files.put(page, file);
      folders.add(file.getParent());
    }
    try {
      for (Path folder : folders) {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new RenderingException("cannot create " + e.getMessage());
    }
    Charset charset = Charset.forName(config.getRenderEncoding());
    List<String> errors = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "press-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<String>> results = new ArrayList<>();
      for (DocumentModel page : pages) {
        results.add(pool.submit(() -> write(page, files.get(page), charset, config)));
      }
      for (Future<String> f : results) {
        String error = f.get();
        if (error != null) {
          errors.add(error);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderingException("rendering was interrupted");
    } catch (ExecutionException e) {
      throw new RenderingException("rendering failed: " + e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (!errors.isEmpty()) {
      throw new RenderingException("Failed to render documents. Cause(s):\n" + String.join("\n", errors));
    }
    return pages.size();
  }

  /** Renders one page into its file (new, in an empty staging folder); returns an error or null. */
  private String write(DocumentModel page, Path file, Charset charset, JBakeConfiguration config) {
    TemplateModel model = new TemplateModel();
    model.setContent(page);
    model.setRenderer(templates);
    try (Writer out = Files.newBufferedWriter(file, charset)) {
      templates.renderDocument(model, config.getTemplateByDocType(page.getType()), out);
      return null;
    } catch (IOException | RenderingException e) {
      return "Failed to render file " + file + ". Cause: " + e.getMessage();
    }
  }

  /**
   * A copy of every document to render, with its neighbours set as JBake's renderer sets them:
   * {@code nextContent} is the nearest newer published document of the same type, {@code
   * previousContent} the nearest older one, each with only uri, noExtensionUri and title.
   */
  private List<DocumentModel> pages() {
    List<DocumentModel> out = new ArrayList<>();
    for (String type : snapshot.types()) {
      if (type.equals(dataType)) {
        continue;
      }
      List<DocumentModel> typed = snapshot.all(type);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < typed.size(); i++) {
        index.put(typed.get(i).getSourceuri(), i);
      }
      for (DocumentModel doc : typed) {
        int i = index.get(doc.getSourceuri());
        DocumentModel page = new DocumentModel();
        page.putAll(doc);
        page.setNextContent(nav(typed, i, -1));
        page.setPreviousContent(nav(typed, i, +1));
        out.add(page);
      }
    }
    return out;
  }

  private static DocumentModel nav(List<DocumentModel> typed, int from, int step) {
    for (int j = from + step; j >= 0 && j < typed.size(); j += step) {
      DocumentModel d = typed.get(j);
      if (PUBLISHED.equals(d.getStatus())) {
        DocumentModel nav = new DocumentModel();
        nav.setNoExtensionUri(d.getNoExtensionUri());
        nav.setUri(d.getUri());
        nav.setTitle(d.getTitle());
        return nav;
      }
    }
    return null;
  }

  @Override
  @Deprecated
  public int render(Renderer renderer, ContentStore db, File destination, File templatesPath, CompositeConfiguration config)
      throws RenderingException {
    throw new UnsupportedOperationException("JBake 2.7 calls render(Renderer, ContentStore, JBakeConfiguration)");
  }
}
