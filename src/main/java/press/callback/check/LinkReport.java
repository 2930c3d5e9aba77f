package press.callback.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import press.callback.diag.Diagnostic;
import press.callback.diag.Severity;

/**
 * What a {@link LinkChecker} found: its diagnostics, and the external addresses the pages hold,
 * to probe and judge with {@link #external}. Occurrences of one problem are reported once per
 * place they were written (see {@link Origins}).
 */
public final class LinkReport {
  /**
   * One problem at one occurrence of a link on a page.
   *
   * @param groupKey the kind of problem: occurrences that a template makes on many pages, each
   *     with its own address, are reported once per template and kind
   */
  record Problem(String page, Page.Link link, Severity severity, String message, String groupKey, String hint) {}

  /** A link on a page. */
  record Occurrence(String page, Page.Link link) {}

  private final LinkChecker.Settings settings;
  private final Map<String, String> pages;
  private final int pageCount;
  private final int links;
  private final Map<String, List<Occurrence>> externalLinks;
  private final List<Diagnostic> diagnostics;
  private Origins origins;

  LinkReport(LinkChecker.Settings settings, Map<String, String> pages, int pageCount, int links,
      Map<String, List<Occurrence>> externalLinks, List<Problem> problems) {
    this.settings = settings;
    this.pages = pages;
    this.pageCount = pageCount;
    this.links = links;
    this.externalLinks = externalLinks;
    this.diagnostics = diagnose(problems);
  }

  /** The problems of internal links, anchors and images, by position. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
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
      for (Occurrence p : seen) {
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
      LinkChecker.Settings s = settings;
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
    return List.copyOf(out);
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
