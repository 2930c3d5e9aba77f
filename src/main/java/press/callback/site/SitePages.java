package press.callback.site;

import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jbake.app.FileUtil;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;
import org.jbake.util.PagingHelper;

/**
 * Writes the site's pages from the {@link StoreSnapshot}: every document's page, the (paged)
 * index, archive, tags, feed, sitemap, 404 and the extra pages — the same files, names and models
 * as JBake's renderers, without their store queries, existence checks and one-thread loop. Each
 * kind of page can be written alone, so the dev server rewrites only what an edit affects.
 */
final class SitePages {
  private static final String PUBLISHED = "published";

  private final SiteProject project;
  private final DefaultJBakeConfiguration config;
  private final StoreSnapshot snapshot;
  private final FreemarkerTemplates templates;
  private final Path destination;
  private final int threads;
  private final Charset charset;
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  SitePages(SiteProject project, StoreSnapshot snapshot, FreemarkerTemplates templates, Path destination, int threads) {
    this.project = project;
    this.config = project.config();
    this.snapshot = snapshot;
    this.templates = templates;
    this.destination = destination;
    this.threads = threads;
    this.charset = Charset.forName(config.getRenderEncoding());
  }

  /** What failed so far (template errors are also in the templates' diagnostics). */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Every page of the site; returns the number of files written. */
  int all() {
    int n = documents(allDocuments());
    n += index();
    n += archive();
    n += tags(snapshot.allTags());
    n += tagsIndex();
    n += feed();
    n += sitemap();
    n += error404();
    n += extraPages();
    return n;
  }

  /** Every document but data files. */
  List<DocumentModel> allDocuments() {
    return snapshot.allContent();
  }

  /**
   * The pages of {@code docs}, on a pool of threads, each with its neighbours set as JBake sets
   * them: {@code nextContent} the nearest newer published document of its type, {@code
   * previousContent} the nearest older one (uri, noExtensionUri and title only).
   */
  int documents(Collection<DocumentModel> docs) {
    Map<String, Map<String, Integer>> positions = new HashMap<>();
    List<DocumentModel> pages = new ArrayList<>();
    for (DocumentModel doc : docs) {
      List<DocumentModel> typed = snapshot.all(doc.getType());
      Map<String, Integer> index = positions.computeIfAbsent(doc.getType(), t -> {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < typed.size(); i++) {
          m.put(typed.get(i).getSourceuri(), i);
        }
        return m;
      });
      Integer i = index.get(doc.getSourceuri());
      DocumentModel page = new DocumentModel();
      page.putAll(doc);
      page.setNextContent(i == null ? null : nav(typed, i, -1));
      page.setPreviousContent(i == null ? null : nav(typed, i, +1));
      pages.add(page);
    }
    if (pages.size() < 8 || threads < 2) {
      pages.forEach(this::document);
      return pages.size();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "press-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (DocumentModel page : pages) {
        done.add(pool.submit(() -> document(page)));
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

  private void document(DocumentModel page) {
    String uri = page.getUri();
    int dot = uri.lastIndexOf('.');
    String base = dot > uri.lastIndexOf('/') ? uri.substring(0, dot) : uri;
    TemplateModel model = new TemplateModel();
    model.setContent(page);
    write(base + config.getOutputExtensionByDocType(page.getType()), model, config.getTemplateByDocType(page.getType()));
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

  /**
   * {@code docs} with the documents whose pages name one of them as previous or next (the nearest
   * published document of the same type on either side).
   */
  List<DocumentModel> withNeighbours(Collection<DocumentModel> docs) {
    Map<String, DocumentModel> out = new java.util.LinkedHashMap<>();
    for (DocumentModel doc : docs) {
      out.put(doc.getSourceuri(), doc);
      List<DocumentModel> typed = snapshot.all(doc.getType());
      for (int i = 0; i < typed.size(); i++) {
        if (typed.get(i).getSourceuri().equals(doc.getSourceuri())) {
          for (int step : new int[] {-1, 1}) {
            for (int j = i + step; j >= 0 && j < typed.size(); j += step) {
              if (PUBLISHED.equals(typed.get(j).getStatus())) {
                out.putIfAbsent(typed.get(j).getSourceuri(), typed.get(j));
                break;
              }
            }
          }
          break;
        }
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The pages of the paged index that list one of {@code docs}, and the first page (the home page
   * may show more than the posts).
   */
  int indexPagesListing(Collection<DocumentModel> docs) {
    if (!config.getPaginateIndex()) {
      return index();
    }
    List<DocumentModel> posts = snapshot.published("post");
    Set<Integer> pages = new java.util.TreeSet<>(Set.of(1));
    for (DocumentModel doc : docs) {
      for (int i = 0; i < posts.size(); i++) {
        if (posts.get(i).getSourceuri().equals(doc.getSourceuri())) {
          pages.add(i / config.getPostsPerPage() + 1);
        }
      }
    }
    return index(pages::contains);
  }

  /** The home page, or every page of the paged index (as JBake's renderIndexPaging). */
  int index() {
    return index(page -> true);
  }

  private int index(java.util.function.IntPredicate which) {
    if (!config.getRenderIndex()) {
      return 0;
    }
    String file = config.getIndexFileName();
    int total = snapshot.published("post").size();
    if (!config.getPaginateIndex() || total == 0) {
      write(file, simple("masterindex", ""), config.getTemplateByDocType("masterindex"));
      return 1;
    }
    PagingHelper paging = new PagingHelper(total, config.getPostsPerPage());
    int pages = paging.getNumberOfPages();
    int written = 0;
    for (int page = 1; page <= pages; page++) {
      if (!which.test(page)) {
        continue;
      }
      written++;
      TemplateModel model = new TemplateModel();
      model.setNumberOfPages(pages);
      model.setCurrentPageNuber(page);
      try {
        model.setPreviousFilename(paging.getPreviousFileName(page));
        model.setNextFileName(paging.getNextFileName(page));
        DocumentModel content = content("masterindex", page > 1 ? "../" : "");
        model.setContent(content);
        write(paging.getCurrentFileName(page, file), model, config.getTemplateByDocType("masterindex"));
      } catch (URISyntaxException e) {
        failures.add("index page " + page + ": " + e.getMessage());
      }
    }
    return written;
  }

  int archive() {
    return config.getRenderArchive() ? single(config.getArchiveFileName(), "archive") : 0;
  }

  int feed() {
    return config.getRenderFeed() ? single(config.getFeedFileName(), "feed") : 0;
  }

  int sitemap() {
    return config.getRenderSiteMap() ? single(config.getSiteMapFileName(), "sitemap") : 0;
  }

  int error404() {
    return config.getRenderError404() ? single(config.getError404FileName(), "error404") : 0;
  }

  /** The pages of {@code tags} (as JBake's renderTags). */
  int tags(Collection<String> tags) {
    if (!config.getRenderTags()) {
      return 0;
    }
    for (String tag : tags) {
      String file = config.getTagPathName() + "/" + tag + config.getOutputExtension();
      TemplateModel model = simple("tag", rootPath(file));
      model.setTag(tag);
      write(file, model, config.getTemplateByDocType("tag"));
    }
    return tags.size();
  }

  int tagsIndex() {
    if (!config.getRenderTags() || !config.getRenderTagsIndex()) {
      return 0;
    }
    String file = config.getTagPathName() + "/index" + config.getOutputExtension();
    write(file, simple("tags", rootPath(file)), config.getTemplateByDocType("tagsindex"));
    return 1;
  }

  /** The pages of {@code press.page.<output>=<template>}. */
  int extraPages() {
    for (Map.Entry<String, String> page : project.extraPages().entrySet()) {
      String output = page.getKey();
      TemplateModel model = simple("page", "../".repeat((int) output.chars().filter(c -> c == '/').count()));
      model.getContent().put("url", ExtraPages.url(output, config.getOutputExtension()));
      write(output, model, page.getValue());
    }
    return project.extraPages().size();
  }

  private int single(String file, String type) {
    write(file, simple(type, ""), config.getTemplateByDocType(type));
    return 1;
  }

  private String rootPath(String file) {
    return FileUtil.getUriPathToDestinationRoot(config, destination.resolve(file).toFile());
  }

  private DocumentModel content(String type, String rootPath) {
    DocumentModel content = new DocumentModel();
    content.setType(type);
    content.setRootPath(rootPath);
    return content;
  }

  /** A model as JBake's DefaultRenderingConfig builds it. */
  private TemplateModel simple(String type, String rootPath) {
    TemplateModel model = new TemplateModel();
    model.setContent(content(type, rootPath));
    if (config.getPaginateIndex()) {
      model.setNumberOfPages(0);
      model.setCurrentPageNuber(0);
      model.setPreviousFilename("");
      model.setNextFileName("");
    }
    return model;
  }

  private void write(String relative, TemplateModel model, String template) {
    Path file = destination.resolve(relative);
    model.setRenderer(templates);
    try {
      Path folder = file.getParent();
      // Remembered only once it exists: another thread may be writing into the same folder.
      if (!folders.contains(folder)) {
        Files.createDirectories(folder);
        folders.add(folder);
      }
      try (Writer out = Files.newBufferedWriter(file, charset)) {
        templates.renderDocument(model, template, out);
      }
    } catch (IOException | RenderingException e) {
      failures.add("Failed to render " + relative + ". Cause: " + e.getMessage());
    }
  }
}
