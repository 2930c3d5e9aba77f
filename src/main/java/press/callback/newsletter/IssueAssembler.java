package press.callback.newsletter;

import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import press.callback.content.Catalog;
import press.callback.content.ContentTypes;
import press.callback.content.Entry;
import press.callback.content.Fields;
import press.callback.content.Position;
import press.callback.content.Status;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Puts each newsletter issue together from the catalog: the note, the articles since the
 * previous issue, a tip and a template of the week.
 *
 * <p>Issues are taken in date order so that "the first tip not used by an earlier issue" is
 * well defined. Drafts are left out; issues dated after the build date are assembled too (they
 * are previewed and sent on their day).
 */
public final class IssueAssembler {
  /** The first issue covers this many days up to its date. */
  static final int FIRST_ISSUE_DAYS = 7;

  private static final Pattern DATE_NAME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparing(Entry::date, Comparator.reverseOrder()).thenComparing(Entry::path);
  private static final Comparator<Entry> BY_FILE_NAME =
      Comparator.comparing((Entry e) -> e.doc().slug()).thenComparing(Entry::path);

  private IssueAssembler() {}

  /**
   * Assembles every issue that is not a draft, oldest first.
   *
   * @throws ContentException for an unknown or unusable tip or snippet, an issue with nothing in
   *     it, two issues on one date, or a file name that contradicts the date
   */
  public static List<Issue> assemble(Catalog catalog) throws ContentException {
    return assemble(catalog, false);
  }

  /**
   * As {@link #assemble(Catalog)}; with {@code withDraftIssues}, draft issues are assembled too
   * (to preview them), still from articles, tips and snippets that are not drafts.
   */
  public static List<Issue> assemble(Catalog catalog, boolean withDraftIssues) throws ContentException {
    List<Entry> issues = (withDraftIssues ? dated(catalog, ContentTypes.ISSUE) : notDraft(catalog, ContentTypes.ISSUE)).stream()
        .sorted(Comparator.comparing(Entry::date).thenComparing(Entry::path))
        .toList();
    List<Entry> posts = notDraft(catalog, ContentTypes.POST);
    List<Entry> tips = notDraft(catalog, ContentTypes.TIP).stream().sorted(BY_FILE_NAME).toList();
    // A greeting is recorded, not sent: never the template of the week.
    List<Entry> snippets = notDraft(catalog, ContentTypes.SNIPPET).stream()
        .filter(e -> !e.doc().isGreeting())
        .sorted(BY_FILE_NAME)
        .toList();

    Set<String> greetings = new HashSet<>();
    notDraft(catalog, ContentTypes.SNIPPET).stream()
        .filter(e -> e.doc().isGreeting())
        .forEach(e -> greetings.add(e.doc().slug()));

    List<Diagnostic> problems = new ArrayList<>();
    List<Issue> out = new ArrayList<>();
    Map<LocalDate, Entry> byDate = new HashMap<>();
    Set<Entry> usedTips = new HashSet<>();
    Set<Entry> usedSnippets = new HashSet<>();
    LocalDate previous = null;
    for (Entry issue : issues) {
      int before = problems.size();
      checkDate(issue, byDate, problems);
      LocalDate date = issue.date();
      LocalDate since = previous != null ? previous : date.minusDays(FIRST_ISSUE_DAYS);
      List<Entry> articles = posts.stream()
          .filter(p -> p.date().isAfter(since) && !p.date().isAfter(date))
          .sorted(NEWEST_FIRST)
          .toList();
      Entry tip = pick(issue, "tip", tips, usedTips, problems);
      Entry snippet = namesAGreeting(issue, greetings, problems)
          ? null
          : pick(issue, "snippet", byTagsShared(snippets, articles), usedSnippets, problems);
      String note = issue.body().firstParagraph();
      if (articles.isEmpty() && tip == null && snippet == null && issue.body().words() == 0) {
        problems.add(error(issue, Position.line(1),
            "issue has nothing in it: no note, no articles since " + since + ", no tip, no snippet",
            "write an editor's note below the front matter, or name a 'tip:' or 'snippet:'"));
      }
      if (problems.size() == before) {
        String subject = issue.doc().text("subject").orElse(issue.title());
        String preheader = issue.doc().text("preheader").orElse(firstSentence(note, subject));
        out.add(new Issue(issue, subject, preheader, since, articles, tip, snippet));
      }
      previous = date;
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return List.copyOf(out);
  }

  private static List<Entry> dated(Catalog catalog, String type) {
    return catalog.all().stream().filter(e -> e.type().equals(type) && e.date() != null).toList();
  }

  private static List<Entry> notDraft(Catalog catalog, String type) {
    return catalog.all().stream()
        .filter(e -> e.type().equals(type) && e.doc().status() != Status.DRAFT && e.date() != null)
        .toList();
  }

  private static void checkDate(Entry issue, Map<LocalDate, Entry> byDate, List<Diagnostic> problems) {
    Entry other = byDate.putIfAbsent(issue.date(), issue);
    if (other != null) {
      problems.add(error(issue, issue.doc().at("date"),
          "two issues on " + issue.date() + ": this one and " + other.path(),
          "one issue a day: change the date of one of them"));
    }
    String name = issue.doc().slug();
    if (DATE_NAME.matcher(name).matches() && !name.equals(issue.date().toString())) {
      problems.add(error(issue, issue.doc().at("date"),
          "file name says " + name + " but 'date' is " + issue.date(),
          "rename the file to " + issue.date() + ".md or correct the date"));
    }
  }

  private static boolean namesAGreeting(Entry issue, Set<String> greetings, List<Diagnostic> problems) {
    String name = issue.doc().text("snippet").orElse("").replaceFirst("\\.md$", "");
    if (!greetings.contains(name)) {
      return false;
    }
    problems.add(error(issue, issue.doc().at("snippet"),
        "snippet '" + name + "' is a voice-mail greeting (kind: greeting), not an email to send",
        "name an email template as the template of the week, or leave 'snippet:' out"));
    return true;
  }

  /**
   * The snippets in the order the automatic pick tries them: those sharing the most tags with the
   * issue's articles first, equals in playbook order (step, then {@code order:}, then title); those
   * sharing none after them as they came (by file name).
   */
  static List<Entry> byTagsShared(List<Entry> snippets, List<Entry> articles) {
    Set<String> tags = new HashSet<>();
    articles.forEach(a -> tags.addAll(a.tags()));
    Comparator<Entry> shared = Comparator.comparingLong(
        (Entry s) -> s.tags().stream().filter(tags::contains).count()).reversed();
    Comparator<Entry> inPlaybook = Comparator.comparingInt(IssueAssembler::step).thenComparing(Catalog.IN_STEP);
    List<Entry> sharing = snippets.stream()
        .filter(s -> s.tags().stream().anyMatch(tags::contains))
        .sorted(shared.thenComparing(inPlaybook))
        .toList();
    List<Entry> out = new ArrayList<>(sharing);
    snippets.stream().filter(s -> !sharing.contains(s)).forEach(out::add);
    return out;
  }

  private static int step(Entry snippet) {
    return snippet.doc().fields() instanceof Fields.Snippet s && s.step() != null ? s.step() : Integer.MAX_VALUE;
  }

  /** The named tip or snippet, or else the first unused one dated on or before the issue. */
  private static Entry pick(
      Entry issue, String key, List<Entry> pool, Set<Entry> used, List<Diagnostic> problems) {
    String name = issue.doc().text(key).orElse(null);
    if (name == null) {
      Entry first = pool.stream()
          .filter(e -> !used.contains(e) && !e.date().isAfter(issue.date()))
          .findFirst()
          .orElse(null);
      if (first != null) {
        used.add(first);
      }
      return first;
    }
    String slug = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    Entry named = pool.stream().filter(e -> e.doc().slug().equals(slug)).findFirst().orElse(null);
    String folder = key.equals("tip") ? "content/tips/" : "content/snippets/";
    if (named == null) {
      List<String> names = pool.stream().map(e -> e.doc().slug()).limit(12).toList();
      problems.add(error(issue, issue.doc().at(key),
          "unknown " + key + " '" + name + "'",
          "name a file in " + folder + " without '.md'"
              + (names.isEmpty() ? " (there are none yet)" : ": " + String.join(", ", names))));
      return null;
    }
    if (named.date().isAfter(issue.date())) {
      problems.add(error(issue, issue.doc().at(key),
          key + " '" + name + "' is dated " + named.date() + ", after this issue",
          "pick another " + key + " or change the date of " + named.path()));
      return null;
    }
    used.add(named);
    return named;
  }

  /** The first sentence of {@code text}, or {@code fallback} if there is no text. */
  static String firstSentence(String text, String fallback) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return fallback;
    }
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(t);
    int end = sentences.next();
    return t.substring(0, end == BreakIterator.DONE ? t.length() : end).strip();
  }

  private static Diagnostic error(Entry issue, Position at, String message, String hint) {
    return Diagnostic.error(issue.path(), at.line(), at.column(), message, hint);
  }
}
