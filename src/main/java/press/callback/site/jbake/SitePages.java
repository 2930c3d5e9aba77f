package press.callback.site.jbake;

import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jbake.app.FileUtil;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.model.TemplateModel;
import org.jbake.util.PagingHelper;
import press.callback.site.jbake.PageWriter.Page;

/**
 * Writes the site's pages from the {@link StoreSnapshot}: every document's page, the (paged)
 * index, archive, tags, feed, sitemap, 404 and the extra pages — the same files, names and models
 * as JBake's renderers, without their store queries, existence checks and one-thread loop. Each
 * kind of page can be written alone, so the dev server rewrites only what an edit affects. The
 * pages are rendered and written by {@link PageWriter}.
 *
 * <p>A little over 300 lines: one short method per kind of page JBake writes, kept side by side so
 * the kinds stay alike.
 */
final class SitePages {
  private static final String PUBLISHED = "published";

  private final SiteProject project;
  private final DefaultJBakeConfiguration config;
  private final StoreSnapshot snapshot;
  private final Path destination;
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final PageWriter writer;

  SitePages(SiteProject project, StoreSnapshot snapshot, FreemarkerTemplates templates, Path destination, int threads) {
    this.project = project;
    this.config = project.config();
    this.snapshot = snapshot;
    this.destination = destination;
    this.writer = new PageWriter(templates, destination, Charset.forName(config.getRenderEncoding()), threads, failures);
  }

  /** What failed so far (template errors are also in the templates' diagnostics). */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Every page of the site, on the pool of threads; returns the number of files written. */
  int all() {
    List<Page> all = new ArrayList<>(documentPages(snapshot.allContent()));
    all.addAll(indexPages(page -> true));
    all.addAll(archivePages());
    all.addAll(tagPages(snapshot.allTags()));
    all.addAll(tagsIndexPages());
    all.addAll(feedPages());
    all.addAll(sitemapPages());
    all.addAll(error404Pages());
    all.addAll(extraPagesPages());
    return writer.write(all);
  }

  /**
   * The pages of {@code docs}, on a pool of threads, each with its neighbours set as JBake sets
   * them: {@code nextContent} the nearest newer published document of its type, {@code
   * previousContent} the nearest older one (uri, noExtensionUri and title only).
   */
  int documents(Collection<DocumentModel> docs) {
    return writer.write(documentPages(docs));
  }

  private List<Page> documentPages(Collection<DocumentModel> docs) {
    Map<String, Map<String, Integer>> positions = new HashMap<>();
    List<Page> pages = new ArrayList<>();
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
      pages.add(document(doc, () -> {
        DocumentModel page = new DocumentModel();
        page.putAll(doc);
        page.setNextContent(i == null ? null : nav(typed, i, -1));
        page.setPreviousContent(i == null ? null : nav(typed, i, +1));
        return page;
      }));
    }
    return pages;
  }

  /** The page of {@code doc}, its model made by {@code content} when the page is rendered. */
  private Page document(DocumentModel doc, java.util.function.Supplier<DocumentModel> content) {
    String uri = doc.getUri();
    int dot = uri.lastIndexOf('.');
    String base = dot > uri.lastIndexOf('/') ? uri.substring(0, dot) : uri;
    return new Page(base + config.getOutputExtensionByDocType(doc.getType()), () -> {
      TemplateModel model = new TemplateModel();
      model.setContent(content.get());
      return model;
    }, config.getTemplateByDocType(doc.getType()));
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
    return writer.write(indexPages(which));
  }

  private List<Page> indexPages(java.util.function.IntPredicate which) {
    if (!config.getRenderIndex()) {
      return List.of();
    }
    String file = config.getIndexFileName();
    int total = snapshot.published("post").size();
    if (!config.getPaginateIndex() || total == 0) {
      return List.of(new Page(file, simple("masterindex", ""), config.getTemplateByDocType("masterindex")));
    }
    PagingHelper paging = new PagingHelper(total, config.getPostsPerPage());
    int pages = paging.getNumberOfPages();
    List<Page> out = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      if (!which.test(page)) {
        continue;
      }
      TemplateModel model = new TemplateModel();
      model.setNumberOfPages(pages);
      model.setCurrentPageNuber(page);
      try {
        model.setPreviousFilename(paging.getPreviousFileName(page));
        model.setNextFileName(paging.getNextFileName(page));
        DocumentModel content = content("masterindex", page > 1 ? "../" : "");
        model.setContent(content);
        out.add(new Page(paging.getCurrentFileName(page, file), model, config.getTemplateByDocType("masterindex")));
      } catch (URISyntaxException e) {
        failures.add("index page " + page + ": " + e.getMessage());
      }
    }
    return out;
  }

  int archive() {
    return writer.write(archivePages());
  }

  private List<Page> archivePages() {
    return config.getRenderArchive() ? single(config.getArchiveFileName(), "archive") : List.of();
  }

  int feed() {
    return writer.write(feedPages());
  }

  private List<Page> feedPages() {
    return config.getRenderFeed() ? single(config.getFeedFileName(), "feed") : List.of();
  }

  private List<Page> sitemapPages() {
    return config.getRenderSiteMap() ? single(config.getSiteMapFileName(), "sitemap") : List.of();
  }

  int error404() {
    return writer.write(error404Pages());
  }

  private List<Page> error404Pages() {
    return config.getRenderError404() ? single(config.getError404FileName(), "error404") : List.of();
  }

  /** The pages of {@code tags} (as JBake's renderTags). */
  int tags(Collection<String> tags) {
    return writer.write(tagPages(tags));
  }

  private List<Page> tagPages(Collection<String> tags) {
    if (!config.getRenderTags()) {
      return List.of();
    }
    List<Page> out = new ArrayList<>();
    for (String tag : tags) {
      String file = config.getTagPathName() + "/" + tag + config.getOutputExtension();
      TemplateModel model = simple("tag", rootPath(file));
      model.setTag(tag);
      out.add(new Page(file, model, config.getTemplateByDocType("tag")));
    }
    return out;
  }

  int tagsIndex() {
    return writer.write(tagsIndexPages());
  }

  private List<Page> tagsIndexPages() {
    if (!config.getRenderTags() || !config.getRenderTagsIndex()) {
      return List.of();
    }
    String file = config.getTagPathName() + "/index" + config.getOutputExtension();
    return List.of(new Page(file, simple("tags", rootPath(file)), config.getTemplateByDocType("tagsindex")));
  }

  /** The pages of {@code press.page.<output>=<template>}. */
  int extraPages() {
    return writer.write(extraPagesPages());
  }

  private List<Page> extraPagesPages() {
    List<Page> out = new ArrayList<>();
    for (Map.Entry<String, String> page : project.extraPages().entrySet()) {
      String output = page.getKey();
      TemplateModel model = simple("page", "../".repeat((int) output.chars().filter(c -> c == '/').count()));
      model.getContent().put("url", ExtraPages.url(output, config.getOutputExtension()));
      out.add(new Page(output, model, page.getValue()));
    }
    return out;
  }

  private List<Page> single(String file, String type) {
    return List.of(new Page(file, simple(type, ""), config.getTemplateByDocType(type)));
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
}
