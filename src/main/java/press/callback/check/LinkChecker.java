package press.callback.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import press.callback.content.Catalog;
import press.callback.content.Entry;
import press.callback.content.Status;
import press.callback.diag.Severity;

/**
 * Checks a baked site as its readers will meet it: every internal link and {@code #anchor} leads
 * to a file, a folder with an index page or an id on the target page; every image exists and
 * has {@code alt}; nothing links to a draft or to a page dated later (the bake leaves those out).
 *
 * <p>Each problem is reported where it was written — the Markdown line of the document, or the
 * template's line — once, however many pages show it. Links to {@code site.host} count as
 * internal; other {@code http(s)} addresses are collected for {@link LinkReport#external}.
 */
public final class LinkChecker {
  /**
   * What the check knows besides the pages.
   *
   * @param host {@code site.host}: absolute links to it are internal
   * @param catalog the content of the bake: which page is which document, drafts, future ones
   * @param indexFile the file a folder URL serves ({@code index.html})
   * @param outputLabel how diagnostics name the site folder ({@code target/site/})
   * @param templates every template, path relative to the project → text
   * @param templateOfPage output page → the template that renders it (relative to the project)
   */
  public record Settings(
      String host,
      Catalog catalog,
      String indexFile,
      String outputLabel,
      Map<String, String> templates,
      Map<String, String> templateOfPage) {
    public Settings {
      templates = Map.copyOf(templates);
      templateOfPage = Map.copyOf(templateOfPage);
    }
  }

  private final Settings settings;
  private final Href.Host host;
  private final Map<String, Entry> hidden = new HashMap<>();

  public LinkChecker(Settings settings) {
    this.settings = settings;
    this.host = Href.Host.of(settings.host());
    for (Entry e : settings.catalog().all()) {
      if (!e.visible()) {
        hidden.put(e.url(), e);
        hidden.put("/" + e.uri(), e);
      }
    }
  }

  /**
   * Checks every page.
   *
   * @param pages the HTML pages, path relative to the site root → text
   * @param files every file of the site (pages, assets, feeds), relative to the site root
   */
  public LinkReport check(Map<String, String> pages, Set<String> files) {
    Map<String, String> sorted = new TreeMap<>(pages);
    Map<String, Page> parsed = new HashMap<>();
    sorted.entrySet().parallelStream()
        .map(p -> Page.read(p.getKey(), p.getValue()))
        .toList()
        .forEach(p -> parsed.put(p.path(), p));
    List<LinkReport.Problem> problems = new ArrayList<>();
    Map<String, List<LinkReport.Occurrence>> external = new TreeMap<>();
    int links = 0;
    for (String path : sorted.keySet()) {
      for (Page.Link link : parsed.get(path).links()) {
        links++;
        Href href = Href.of(path, link.value(), host);
        if (link.isImage() && !link.hasAlt()) {
          problems.add(new LinkReport.Problem(path, link, Severity.ERROR, "image " + link.value() + " has no alt text", "alt",
              "add alt=\"…\" saying what it shows (alt=\"\" if it is only decoration); in Markdown: ![what it shows](…)"));
        }
        switch (href.kind()) {
          case INTERNAL -> internal(path, link, href, parsed, files, problems);
          case EXTERNAL -> external.computeIfAbsent(href.url(), u -> new ArrayList<>()).add(new LinkReport.Occurrence(path, link));
          case SKIPPED -> { }
        }
      }
    }
    return new LinkReport(settings, sorted, parsed.size(), links, external, problems);
  }

  private void internal(
      String page, Page.Link link, Href href, Map<String, Page> parsed, Set<String> files, List<LinkReport.Problem> out) {
    String value = link.value();
    String resolved = href.path() + (href.fragment().isEmpty() ? "" : "#" + href.fragment());
    String shown = value + (value.equals(resolved) || value.startsWith("#") ? "" : " (" + resolved + ")");
    String file = file(href.path(), files);
    if (file == null) {
      Entry target = hiddenAt(href.path());
      if (target != null && target.doc().status() == Status.DRAFT) {
        out.add(new LinkReport.Problem(page, link, Severity.ERROR, link.noun() + " " + shown + " leads to a draft (" + target.path() + ")",
            "draft", "publish " + target.path() + " or remove the link"));
      } else if (target != null) {
        out.add(new LinkReport.Problem(page, link, Severity.ERROR,
            link.noun() + " " + shown + " leads to a page published only on " + target.date() + " (" + target.path() + ")",
            "future", "link to it once it is out, or bake with --today " + target.date() + " to preview"));
      } else if (link.isImage()) {
        out.add(new LinkReport.Problem(page, link, Severity.ERROR, "image " + shown + " does not exist", "image",
            "fix the address, or add the file as " + href.path().substring(1) + " under assets/ or content/ (both are copied as they are)"));
      } else if (link.noun().equals("link")) {
        out.add(new LinkReport.Problem(page, link, Severity.ERROR, "link " + shown + " leads to no page", "page",
            "fix the address, or create the page it should lead to"));
      } else {
        out.add(new LinkReport.Problem(page, link, Severity.ERROR, link.noun() + " " + shown + " leads to no file", "file|" + link.noun(),
            "fix the address, or add the file under assets/"));
      }
      return;
    }
    String fragment = href.fragment();
    Page target = parsed.get(file);
    if (fragment.isEmpty() || fragment.equals("top") || target == null || target.ids().contains(fragment)) {
      return;
    }
    String where = file.equals(page) ? "this page" : href.path();
    out.add(new LinkReport.Problem(page, link, Severity.ERROR, link.noun() + " " + shown + ": " + where + " has no element with id '" + fragment + "'",
        "anchor#" + fragment,
        "link to an id the page has, or give the heading that id: ## Heading {#" + fragment + "}"));
  }

  /** The file a root-relative path serves, or {@code null}. */
  private String file(String path, Set<String> files) {
    String relative = path.substring(1);
    if (relative.isEmpty() || relative.endsWith("/")) {
      String index = relative + settings.indexFile();
      return files.contains(index) ? index : null;
    }
    if (files.contains(relative)) {
      return relative;
    }
    String folder = relative + "/" + settings.indexFile();
    return files.contains(folder) ? folder : null;
  }

  /** A draft or future document at this path, or {@code null}. */
  private Entry hiddenAt(String path) {
    Entry e = hidden.get(path);
    if (e == null && !path.endsWith("/")) {
      e = hidden.get(path + "/");
    }
    return e;
  }
}
