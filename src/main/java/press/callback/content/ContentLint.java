package press.callback.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import press.callback.diag.Diagnostic;

/**
 * Checks the content library for what Markdown accepts silently: email templates whose
 * placeholders, subject or length are off or whose email ends without a question or an ask
 * ({@link SnippetLint}), summaries too long for lists and search results, two
 * items with one title, internal links that lead nowhere (or to a draft), and raw HTML that
 * would run script ({@link ScriptInHtml}).
 *
 * <p>Drafts are not checked (they are work in progress) but links to them are errors.
 */
public final class ContentLint {
  /**
   * The limits and what exists besides documents.
   *
   * @param today the build date
   * @param maxSubjectChars a snippet's subject, at most (60: what inboxes show)
   * @param reply the reply-readiness gate of a snippet's email
   * @param maxSummaryChars an article's summary, at most
   * @param generatedPages URLs the site makes itself ({@code /}, {@code /archive/}, …)
   * @param fileExists whether a root-relative path is a file the site copies (images, CSS)
   */
  public record Settings(
      LocalDate today,
      int maxSubjectChars,
      ReplyGate reply,
      int maxSummaryChars,
      Set<String> generatedPages,
      Predicate<String> fileExists) {
    public Settings {
      generatedPages = Set.copyOf(generatedPages);
    }
  }

  /**
   * The reply-readiness gate of a snippet's email: outside {@code minWords}–{@code maxWords} or
   * above {@code maxGrade} is an error; above {@code aimGrade}, or a subject of more than {@code
   * maxSubjectWords}, a warning.
   */
  public record ReplyGate(int minWords, int maxWords, double maxGrade, double aimGrade, int maxSubjectWords) {
    /** What the studies of replies suggest (see {@link ReplyScore}). */
    public static final ReplyGate DEFAULT = new ReplyGate(ReplyScore.MIN_WORDS, ReplyScore.MAX_WORDS,
        ReplyScore.MAX_GRADE, ReplyScore.AIM_GRADE, ReplyScore.MAX_SUBJECT_WORDS);
  }

  private final Settings settings;
  private final boolean drafts;
  private final SnippetLint snippets;

  public ContentLint(Settings settings) {
    this(settings, false);
  }

  /**
   * @param drafts whether drafts are checked too, as if published ({@code press check --drafts},
   *     and {@code serve --drafts}, which shows their problems as warnings)
   */
  public ContentLint(Settings settings, boolean drafts) {
    this.settings = settings;
    this.drafts = drafts;
    this.snippets = new SnippetLint(settings);
  }

  /** Every problem of the catalog, by file and line. */
  public List<Diagnostic> check(Catalog catalog) {
    return check(catalog, path -> true);
  }

  /**
   * The problems of the documents whose path {@code only} accepts (the dev server checks what
   * was edited), with the whole catalog as what links may lead to.
   */
  public List<Diagnostic> check(Catalog catalog, Predicate<String> only) {
    List<Diagnostic> out = new ArrayList<>();
    List<Entry> checked = catalog.all().stream().filter(e -> drafts || e.doc().status() != Status.DRAFT).toList();
    Map<String, Entry> byUrl = new HashMap<>();
    catalog.all().forEach(e -> byUrl.put(e.url(), e));
    Map<String, Entry> byTitle = new HashMap<>();
    for (Entry e : checked.stream().sorted(Comparator.comparing(Entry::path)).toList()) {
      Entry first = byTitle.putIfAbsent(e.title().toLowerCase(java.util.Locale.ROOT), e);
      if (first != null && (only.test(e.path()) || only.test(first.path()))) {
        out.add(at(e, "title", "title '" + e.title() + "' is also the title of " + first.path(),
            "give each article, template, tip and page its own title"));
      }
      if (!only.test(e.path())) {
        continue;
      }
      guideText(e, out);
      if (e.doc().fields() instanceof Fields.Snippet s) {
        snippets.check(e, s, out);
      }
      if (e.doc().fields() instanceof Fields.Article) {
        summary(e, out);
      }
      Element body = Jsoup.parseBodyFragment(e.body().html()).body(); // parsed once for both
      links(e, body, catalog, byUrl, out);
      out.addAll(ScriptInHtml.check(e, body));
    }
    out.sort(Diagnostic.BY_POSITION);
    return out;
  }

  /** The guide text {@code press new} writes, still there: the piece was never written. */
  private static void guideText(Entry e, List<Diagnostic> out) {
    String body = e.doc().body().replaceAll("\\s+", " ");
    for (String guide : Scaffold.GUIDE_TEXT) {
      if (body.contains(guide)) {
        Position p = locate(e, guide.substring(0, Math.min(guide.length(), 30)));
        out.add(Diagnostic.error(e.path(), p.line() > 0 ? p.line() : e.doc().bodyLine(), p.line() > 0 ? p.column() : 1,
            "this is still press new's guide text: \"" + guide + "\"",
            "write the piece in its place; the guide only says what goes here"));
        break;
      }
    }
    for (Map.Entry<String, Object> field : e.doc().fields().asMap().entrySet()) {
      if (field.getValue() instanceof String text && Scaffold.GUIDE_TEXT.contains(text.strip())) {
        out.add(at(e, field.getKey(), "'" + field.getKey() + "' is still press new's guide text: \"" + text.strip() + "\"",
            "say it for this piece"));
      }
    }
  }

  private void summary(Entry e, List<Diagnostic> out) {
    String summary = e.summary();
    if (summary.length() > settings.maxSummaryChars()) {
      if (e.doc().summary() != null) {
        out.add(at(e, "summary", "summary is " + summary.length() + " characters; at most " + settings.maxSummaryChars(),
            "shorten it: lists, feeds and search results show about two lines"));
      } else {
        out.add(bodyError(e, 0, "the first paragraph, used as the summary, is " + summary.length()
            + " characters; at most " + settings.maxSummaryChars(), "add 'summary: …' (one or two sentences) to the front matter"));
      }
    }
  }

  private void links(Entry e, Element body, Catalog catalog, Map<String, Entry> byUrl, List<Diagnostic> out) {
    LocalDate reference = e.date() != null && e.date().isAfter(settings.today()) ? e.date() : settings.today();
    for (Element a : body.select("a[href^=/], img[src^=/]")) {
      String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
      if (href.startsWith("//")) {
        continue;
      }
      int hash = href.indexOf('#');
      String path = hash < 0 ? href : href.substring(0, hash);
      String fragment = hash < 0 ? "" : href.substring(hash + 1);
      String problem = null;
      String hint = "";
      Entry target = byUrl.get(path);
      if (target == null && !path.endsWith("/") && byUrl.containsKey(path + "/")) {
        problem = "link " + href + " lacks the trailing slash";
        hint = "write " + path + "/";
      } else if (target != null) {
        if (target.doc().status() == Status.DRAFT) {
          problem = "link " + href + " leads to a draft (" + target.path() + ")";
          hint = "publish " + target.path() + " or remove the link";
        } else if (target.date() != null && target.date().isAfter(reference)) {
          problem = "link " + href + " leads to a page published only on " + target.date();
          hint = "link to it once it is out, or date this page after it";
        } else if (!fragment.isEmpty() && !fragment.equals("main")
            && Jsoup.parseBodyFragment(target.body().html()).getElementById(fragment) == null) {
          problem = "link " + href + ": " + target.path() + " has no heading with id '" + fragment + "'";
          hint = "link to an existing heading, or give one an id: ## Heading {#" + fragment + "}";
        }
      } else if (!settings.generatedPages().contains(path) && catalog.tags().stream().noneMatch(t -> t.url().equals(path))
          && !settings.fileExists().test(path)) {
        problem = "link " + href + " leads to no page";
        hint = "check the address; pages are /articles/2026/<file>/, /snippets/<file>/, /tips/<file>/";
      }
      if (problem != null) {
        Position p = locate(e, href);
        out.add(p.line() > 0 ? Diagnostic.error(e.path(), p.line(), p.column(), problem, hint) : bodyError(e, 0, problem, hint));
      }
    }
  }

  /** Where {@code text} first appears in the body (file line and column), or unknown. */
  static Position locate(Entry e, String text) {
    String[] lines = e.doc().body().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int col = lines[i].indexOf(text);
      if (col >= 0) {
        return new Position(e.doc().bodyLine() + i, col + 1);
      }
    }
    return Position.UNKNOWN;
  }

  /**
   * An error about a sentence of a snippet's email: at the last line of the email's Markdown that
   * holds the sentence's first words, or else at the body's start.
   */
  static Diagnostic sentenceError(Entry e, String sentence, String message, String hint) {
    String start = String.join(" ", java.util.Arrays.stream(sentence.split("\\s+")).limit(3).toList());
    String[] lines = BodyRenderer.splitEmail(e.doc().body())[0].split("\n", -1);
    for (int i = lines.length - 1; i >= 0; i--) {
      int col = lines[i].lastIndexOf(start);
      if (col >= 0) {
        return Diagnostic.error(e.path(), e.doc().bodyLine() + i, col + 1, message, hint);
      }
    }
    return bodyError(e, 0, message, hint);
  }

  static Diagnostic at(Entry e, String key, String message, String hint) {
    Position p = e.doc().at(key);
    return Diagnostic.error(e.path(), p.line(), p.column(), message, hint);
  }

  /** An error about the body as a whole: at its first non-blank line. */
  static Diagnostic bodyError(Entry e, int unused, String message, String hint) {
    String[] lines = e.doc().body().split("\n", -1);
    int i = 0;
    while (i < lines.length - 1 && lines[i].isBlank()) {
      i++;
    }
    return Diagnostic.error(e.path(), e.doc().bodyLine() + i, 1, message, hint);
  }
}
