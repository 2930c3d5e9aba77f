package press.callback.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import press.callback.content.Catalog;
import press.callback.content.Entry;
import press.callback.content.Status;
import press.callback.diag.Diagnostic;
import press.callback.diag.Severity;

/**
 * Checks a baked site as its readers will meet it: every internal link and {@code #anchor} leads
 * to a file, a folder with an index page or an id on the target page; every image exists and
 * has {@code alt}; nothing links to a draft or to a page dated later (the bake leaves those out).
 *
 * <p>Each problem is reported where it was written — the Markdown line of the document, or the
 * template's line — once, however many pages show it. Links to {@code site.host} count as
 * internal; other {@code http(s)} addresses are collected for {@link Report#external}.
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

  /**
   * One problem at one occurrence of a link on a page.
   *
   * @param groupKey the kind of problem: occurrences that a template makes on many pages, each
   *     with its own address, are reported once per template and kind
   */
  private record Problem(String page, Page.Link link, Severity severity, String message, String groupKey, String hint) {}

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
  public Report check(Map<String, String> pages, Set<String> files) {
    Map<String, String> sorted = new TreeMap<>(pages);
    Map<String, Page> parsed = new HashMap<>();
    sorted.entrySet().parallelStream()
        .map(p -> Page.read(p.getKey(), p.getValue()))
        .toList()
        .forEach(p -> parsed.put(p.path(), p));
    List<Problem> problems = new ArrayList<>();
    Map<String, List<Problem>> external = new TreeMap<>();
    int links = 0;
    for (String path : sorted.keySet()) {
      for (Page.Link link : parsed.get(path).links()) {
        links++;
        Href href = Href.of(path, link.value(), host);
        if (link.isImage() && !link.hasAlt()) {
          problems.add(new Problem(path, link, Severity.ERROR, "image " + link.value() + " has no alt text", "alt",
              "add alt=\"…\" saying what it shows (alt=\"\" if it is only decoration); in Markdown: ![what it shows](…)"));
        }
        switch (href.kind()) {
          case INTERNAL -> internal(path, link, href, parsed, files, problems);
          case EXTERNAL -> external.computeIfAbsent(href.url(), u -> new ArrayList<>())
              .add(new Problem(path, link, Severity.ERROR, "", "", ""));
          case SKIPPED -> { }
        }
      }
    }
    Report report = new Report(this, sorted, parsed.size(), links, external);
    report.diagnostics.addAll(report.diagnose(problems));
    return report;
  }

  private void internal(
      String page, Page.Link link, Href href, Map<String, Page> parsed, Set<String> files, List<Problem> out) {
    String value = link.value();
    String resolved = href.path() + (href.fragment().isEmpty() ? "" : "#" + href.fragment());
    String shown = value + (value.equals(resolved) || value.startsWith("#") ? "" : " (" + resolved + ")");
    String file = file(href.path(), files);
    if (file == null) {
      Entry target = hiddenAt(href.path());
      if (target != null && target.doc().status() == Status.DRAFT) {
        out.add(new Problem(page, link, Severity.ERROR, link.noun() + " " + shown + " leads to a draft (" + target.path() + ")",
            "draft", "publish " + target.path() + " or remove the link"));
      } else if (target != null) {
        out.add(new Problem(page, link, Severity.ERROR,
            link.noun() + " " + shown + " leads to a page published only on " + target.date() + " (" + target.path() + ")",
            "future", "link to it once it is out, or bake with --today " + target.date() + " to preview"));
      } else if (link.isImage()) {
        out.add(new Problem(page, link, Severity.ERROR, "image " + shown + " does not exist", "image",
            "fix the address, or add the file as " + href.path().substring(1) + " under assets/ or content/ (both are copied as they are)"));
      } else if (link.noun().equals("link")) {
        out.add(new Problem(page, link, Severity.ERROR, "link " + shown + " leads to no page", "page",
            "fix the address, or create the page it should lead to"));
      } else {
        out.add(new Problem(page, link, Severity.ERROR, link.noun() + " " + shown + " leads to no file", "file|" + link.noun(),
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
    out.add(new Problem(page, link, Severity.ERROR, link.noun() + " " + shown + ": " + where + " has no element with id '" + fragment + "'",
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

  /** What a check found, and the external addresses it saw (to probe with {@link #external}). */
  public static final class Report {
    private final LinkChecker checker;
    private final Map<String, String> pages;
    private final int pageCount;
    private final int links;
    private final Map<String, List<Problem>> externalLinks;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Origins origins;

    private Report(LinkChecker checker, Map<String, String> pages, int pageCount, int links,
        Map<String, List<Problem>> externalLinks) {
      this.checker = checker;
      this.pages = pages;
      this.pageCount = pageCount;
      this.links = links;
      this.externalLinks = externalLinks;
    }

    /** The problems of internal links, anchors and images, by position. */
    public List<Diagnostic> diagnostics() {
      return List.copyOf(diagnostics);
    }

    /** How many pages were checked. */
    public int pages() {
      return pageCount;
    }

    /** How many addresses the pages hold (links, images, stylesheets, …). */
    public int links() {
      return links;
    }

    /** The distinct external addresses, without fragments, sorted. */
    public Set<String> externalUrls() {
      return new TreeSet<>(externalLinks.keySet());
    }

    /**
     * Diagnostics for the external addresses that failed: 404 and 410 are errors (the page is
     * gone); other statuses and no answer at all are warnings (servers go down, and some refuse
     * robots), so that a flaky server elsewhere does not block a publish.
     */
    public List<Diagnostic> external(Map<String, LinkStatus> statuses) {
      List<Problem> problems = new ArrayList<>();
      externalLinks.forEach((url, seen) -> {
        LinkStatus s = statuses.get(url);
        if (s == null || s.ok()) {
          return;
        }
        for (Problem p : seen) {
          String v = p.link().value();
          if (s.gone()) {
            problems.add(new Problem(p.page(), p.link(), Severity.ERROR, "link " + v + " is gone: HTTP " + s.status(),
                "gone", "update the address or remove the link"));
          } else if (s.failure().isEmpty()) {
            problems.add(new Problem(p.page(), p.link(), Severity.WARNING, "link " + v + " answers HTTP " + s.status(),
                "status" + s.status(), "open it in a browser: the server may be down, or refuse automated requests"));
          } else {
            problems.add(new Problem(p.page(), p.link(), Severity.WARNING, "link " + v + ": " + s.failure(),
                "failure", "open it in a browser; check the address"));
          }
        }
      });
      return diagnose(problems);
    }

    /** Groups occurrences by where they were written: one diagnostic per place and problem. */
    private List<Diagnostic> diagnose(List<Problem> problems) {
      if (problems.isEmpty()) {
        return List.of();
      }
      if (origins == null) {
        Settings s = checker.settings;
        origins = new Origins(s.catalog(), s.templates(), s.templateOfPage(), s.outputLabel());
      }
      Map<List<String>, List<Problem>> perPage = new LinkedHashMap<>();
      for (Problem p : problems) {
        perPage.computeIfAbsent(List.of(p.page(), p.link().value(), p.message()), k -> new ArrayList<>()).add(p);
      }
      Map<String, Group> groups = new LinkedHashMap<>();
      perPage.forEach((key, same) -> {
        Problem p = same.get(0);
        boolean withoutAlt = p.groupKey().equals("alt");
        for (Origins.Share share : origins.of(p.page(), pages.get(p.page()), p.link().value(), same.size(), withoutAlt)) {
          Origins.Origin o = share.origin();
          String groupKey = o.kind() == Origins.Kind.PAGE
              ? "page|" + o.template() + "|" + p.severity() + "|" + p.groupKey()
              : o.path() + ":" + o.line() + ":" + o.column() + "|" + p.message();
          Group g = groups.computeIfAbsent(groupKey, k -> new Group(o, p));
          g.pages.add(p.page());
          g.values.add(p.link().value());
          g.elsewhere |= o.kind() != Origins.Kind.MARKDOWN || o.entry() != origins.entryOf(p.page());
        }
      });
      List<Diagnostic> out = new ArrayList<>();
      for (Group g : groups.values()) {
        out.add(g.diagnostic());
      }
      out.sort(Diagnostic.BY_POSITION);
      return out;
    }
  }

  /** Occurrences of one problem written at one place. */
  private static final class Group {
    final Origins.Origin origin;
    final Problem first;
    final Set<String> pages = new TreeSet<>();
    final Set<String> values = new TreeSet<>();
    boolean elsewhere;

    Group(Origins.Origin origin, Problem first) {
      this.origin = origin;
      this.first = first;
    }

    Diagnostic diagnostic() {
      String on = pages.size() == 1
          ? "on " + pages.iterator().next()
          : "on " + pages.size() + " pages: " + pages.iterator().next() + " and " + (pages.size() - 1) + " more";
      String message = switch (origin.kind()) {
        case MARKDOWN -> elsewhere || pages.size() > 1 ? first.message() + " (" + on + ")" : first.message();
        case TEMPLATE -> first.message() + " (" + on + ")";
        case PAGE -> first.message() + " ("
            + (origin.template().isEmpty() ? "" : "from " + origin.template() + " or a template it includes; ")
            + (values.size() > 1 ? values.size() + " addresses like it " : "") + on + ")";
      };
      return new Diagnostic(origin.path(), origin.line(), origin.column(), first.severity(), message, first.hint(),
          origin.sourceLine());
    }
  }
}
