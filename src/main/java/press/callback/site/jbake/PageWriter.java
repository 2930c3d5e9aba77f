package press.callback.site.jbake;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.io.output.StringBuilderWriter;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Renders the pages {@link SitePages} lists with the templates and writes them into the site, on
 * a pool of threads; what fails is added to the failures it was given.
 */
final class PageWriter {
  /**
   * A file to write: its path in the site, its model (made when the page is rendered: a site's
   * documents' models, each a copy with its neighbours, would otherwise all be held at once —
   * 100,000 posts, hundreds of MB) and template. Rendering it touches nothing but its own file, so
   * pages can be written in any order, on any thread.
   */
  record Page(String relative, java.util.function.Supplier<TemplateModel> model, String template) {
    Page(String relative, TemplateModel model, String template) {
      this(relative, () -> model, template);
    }
  }

  private final FreemarkerTemplates templates;
  private final Path destination;
  private final Charset charset;
  private final int threads;
  private final List<String> failures;
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();

  /** Pages rendered with {@code templates} into {@code destination}, failures added to {@code failures}. */
  PageWriter(FreemarkerTemplates templates, Path destination, Charset charset, int threads, List<String> failures) {
    this.templates = templates;
    this.destination = destination;
    this.charset = charset;
    this.threads = threads;
    this.failures = failures;
  }

  /**
   * Writes {@code pages} on the pool of threads, taking the folders in turn: creating a file
   * locks its folder, so two threads writing into one folder mostly wait for each other (on
   * ext4, the wait spins a core), while two folders fill side by side.
   */
  int write(List<Page> pages) {
    if (pages.size() < 8 || threads < 2) {
      pages.forEach(this::write);
      return pages.size();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "press-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Page page : byFolderInTurn(pages)) {
        done.add(pool.submit(() -> write(page)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("rendering was interrupted");
    } catch (ExecutionException e) {
      failures.add("rendering failed: " + e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return pages.size();
  }

  /**
   * {@code pages} reordered so that consecutive pages lie in different folders where they can:
   * the first page of each folder, then the second of each, and so on (folders in the order they
   * first appear, pages in their order within a folder).
   */
  static List<Page> byFolderInTurn(List<Page> pages) {
    Map<String, java.util.ArrayDeque<Page>> byFolder = new java.util.LinkedHashMap<>();
    for (Page page : pages) {
      int slash = page.relative().lastIndexOf('/');
      String folder = slash < 0 ? "" : page.relative().substring(0, slash);
      byFolder.computeIfAbsent(folder, f -> new java.util.ArrayDeque<>()).add(page);
    }
    List<Page> out = new ArrayList<>(pages.size());
    List<java.util.ArrayDeque<Page>> queues = new ArrayList<>(byFolder.values());
    while (!queues.isEmpty()) { // a drained folder leaves the round: 10,000 one-page folders cost one round
      List<java.util.ArrayDeque<Page>> left = new ArrayList<>(queues.size());
      for (java.util.ArrayDeque<Page> queue : queues) {
        out.add(queue.poll());
        if (!queue.isEmpty()) {
          left.add(queue);
        }
      }
      queues = left;
    }
    return out;
  }

  private void write(Page page) {
    String relative = page.relative();
    TemplateModel model = page.model().get();
    String template = page.template();
    Path file = destination.resolve(relative);
    model.setRenderer(templates);
    try {
      Path folder = file.getParent();
      if (!folders.contains(folder)) {
        Files.createDirectories(folder); // safe when two threads create one folder
        folders.add(folder);
      }
      // Rendered into memory, then written at once: no half-written page on a template error,
      // and an ASCII page goes from the builder to the file without a round trip through chars.
      StringBuilderWriter out = new StringBuilderWriter(16 * 1024);
      templates.renderDocument(model, template, out);
      Files.write(file, out.toString().getBytes(charset));
    } catch (IOException | RenderingException e) {
      failures.add("Failed to render " + relative + ". Cause: " + e.getMessage());
    }
  }
}
