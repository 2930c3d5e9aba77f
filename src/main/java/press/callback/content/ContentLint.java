package press.callback.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import press.callback.diag.Diagnostic;

/**
 * Checks the content library for what Markdown accepts silently: email templates whose
 * placeholders, subject or length are off or whose email ends without a question or an ask
 * ({@link EmailAsk}), summaries too long for lists and search results, two
 * items with one title, internal links that lead nowhere (or to a draft), and raw HTML that
 * would run script ({@link ScriptInHtml}).
 *
 * <p>Drafts are not checked (they are work in progress) but links to them are errors.
 */
public final class ContentLint {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
  private static final Pattern WORD = Pattern.compile("\\S+");

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
      if (ContentTypes.SNIPPET.equals(e.type())) {
        if (e.doc().extra().get("step") == null) { // a draft may leave it empty; checked as published, not
          out.add(Diagnostic.error(e.path(), 1, 1, "front matter has no 'step'",
              "write 'step: N' with N the playbook step it serves (the file lists them)"));
        }
        snippet(e, out);
      }
      if (ContentTypes.POST.equals(e.type())) {
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
    for (Map.Entry<String, Object> field : e.doc().extra().entrySet()) {
      if (field.getValue() instanceof String text && Scaffold.GUIDE_TEXT.contains(text.strip())) {
        out.add(at(e, field.getKey(), "'" + field.getKey() + "' is still press new's guide text: \"" + text.strip() + "\"",
            "say it for this piece"));
      }
    }
  }

  private void snippet(Entry e, List<Diagnostic> out) {
    String subject = e.doc().text("subject").orElse("");
    if (subject.length() > settings.maxSubjectChars()) {
      out.add(at(e, "subject", "subject is " + subject.length() + " characters; at most "
          + settings.maxSubjectChars() + " show in an inbox", "shorten it to a few plain words"));
    }
    if (e.body().email() == null) {
      return;
    }
    String email = e.body().email().text();
    if (!e.doc().isGreeting()) { // a greeting is heard, not answered: no reply gate, no ask
      replyReadiness(e, subject, email, out);
      EmailAsk.missingAsk(email).ifPresent(last -> out.add(sentenceError(e, last,
          "the email ends without a question or an ask: \"" + last + "\"",
          "end with a question (…?) or a clear request (please …, could you …, let me know …):"
              + " readers answer what they are asked")));
    }
    @SuppressWarnings("unchecked")
    List<String> declared = (List<String>) e.doc().extra().getOrDefault("placeholders", List.of());
    Set<String> used = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(subject + "\n" + email);
    while (m.find()) {
      used.add(m.group(1));
    }
    for (String name : used) {
      if (!declared.contains(name)) {
        String token = "{" + name + "}";
        Position p = locate(e, token);
        out.add(p.line() > 0
            ? Diagnostic.error(e.path(), p.line(), p.column(), "placeholder " + token + " is not declared", "add '" + name + "' to 'placeholders:'")
            : at(e, "subject", "placeholder " + token + " is not declared", "add '" + name + "' to 'placeholders:'"));
      }
    }
    for (String name : declared) {
      if (!used.contains(name)) {
        out.add(at(e, "placeholders", "placeholder {" + name + "} is declared but not used",
            "use {" + name + "} in the subject or the email, or remove it from 'placeholders:'"));
      }
    }
  }

  /** The reply-readiness gate ({@link ReplyScore}): length and grade, subject words. */
  private void replyReadiness(Entry e, String subject, String email, List<Diagnostic> out) {
    ReplyGate gate = settings.reply();
    ReplyScore score = ReplyScore.of(subject, email);
    String range = gate.minWords() + "–" + gate.maxWords();
    if (score.words() > gate.maxWords()) {
      out.add(bodyError(e, 0, "the email is " + score.words() + " words; emails of " + range + " words get the most replies",
          "cut " + (score.words() - gate.maxWords()) + " words: one point, one question"));
    } else if (score.words() < gate.minWords()) {
      out.add(bodyError(e, 0, "the email is " + score.words() + " words; emails of " + range + " words get the most replies",
          "add about " + (gate.minWords() - score.words()) + " words: who you are, why them, one question"));
    }
    String grade = ReplyScore.format(score.grade());
    String hint = "use shorter sentences and plainer words; `press coach " + e.path() + "` shows the figures";
    if (score.grade() > gate.maxGrade()) {
      out.add(bodyError(e, 0, "the email reads at grade " + grade + " (Flesch–Kincaid); at most "
          + ReplyScore.format(gate.maxGrade()), hint));
    } else if (score.grade() > gate.aimGrade()) {
      Diagnostic at = bodyError(e, 0, "", "");
      out.add(Diagnostic.warning(e.path(), at.line(), at.column(), "the email reads at grade " + grade
          + " (Flesch–Kincaid); aim for " + ReplyScore.format(gate.aimGrade()) + " or lower", hint));
    }
    if (score.subjectWords() > gate.maxSubjectWords()) {
      Position p = e.doc().at("subject");
      out.add(Diagnostic.warning(e.path(), p.line(), p.column(), "subject is " + score.subjectWords()
          + " words; subjects of 3–" + gate.maxSubjectWords() + " words get the most replies",
          "keep the words that say what the email is about"));
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
  private static Position locate(Entry e, String text) {
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
  private static Diagnostic sentenceError(Entry e, String sentence, String message, String hint) {
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

  private static Diagnostic at(Entry e, String key, String message, String hint) {
    Position p = e.doc().at(key);
    return Diagnostic.error(e.path(), p.line(), p.column(), message, hint);
  }

  /** An error about the body as a whole: at its first non-blank line. */
  private static Diagnostic bodyError(Entry e, int unused, String message, String hint) {
    String[] lines = e.doc().body().split("\n", -1);
    int i = 0;
    while (i < lines.length - 1 && lines[i].isBlank()) {
      i++;
    }
    return Diagnostic.error(e.path(), e.doc().bodyLine() + i, 1, message, hint);
  }
}
