package press.callback.content;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first draft of a new article, email template, tip or newsletter issue: where it goes in
 * {@code content/} and its text, with the front matter filled in and short hints in the body.
 *
 * <p>Every draft has {@code status: draft}, so it bakes without errors and stays off the site
 * until the author removes that line. Pure: the caller passes today's date and writes the file.
 */
public final class Scaffold {
  /** Slugs longer than this are cut at a word boundary: file names and URLs stay readable. */
  public static final int MAX_SLUG_LENGTH = 60;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02bc]");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  /** Line breaks, tabs and other control characters: a title is one line of text. */
  private static final Pattern BREAKS = Pattern.compile("[\\s\\p{Zl}\\p{Zp}\\p{Cc}]+");
  /** Latin letters that Unicode does not decompose into a base letter and an accent. */
  private static final String[][] LETTERS = {
    {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"đ", "d"}, {"ð", "d"}, {"ħ", "h"},
    {"ı", "i"}, {"ł", "l"}, {"þ", "th"}
  };

  /**
   * A new content file.
   *
   * @param path where it goes, relative to {@code content/}, with {@code /} separators
   * @param text the whole file
   */
  public record Draft(String path, String text) {}

  private Scaffold() {}

  /**
   * Sentences of the scaffolds' guide text, one per kind of piece and part: a published piece that
   * still holds one was published unedited (the lint refuses it). Kept here, beside the text they
   * come from, so an edit of a scaffold cannot leave the lint looking for words no longer written.
   */
  public static final List<String> GUIDE_TEXT = List.of(
      "Open with the reader's problem in two or three sentences.",
      "Keep paragraphs short. Link to other pieces by their address,",
      "One sentence: the moment to send this email.",
      "Write the email as you would send it: every line break here is kept.",
      "Keep it to 50 to 125 plain words: `press coach` on this file shows the figures.",
      "Everything from the first `##` heading on is shown below the email.",
      "One short paragraph: what to do, why it works, and an example the reader can try",
      "The editor's note, in Markdown: 80 to 200 words, after a greeting with the reader's");

  /**
   * A new article in {@code articles/<year>/}, dated {@code today}.
   *
   * @throws IllegalArgumentException if the title has no letter or digit to name the file after
   */
  public static Draft article(String title, LocalDate today) {
    String text = """
        ---
        title: %s
        date: %s        # the day it goes live
        status: draft           # delete this line when it is ready: drafts never reach the site
        tags: []                # a few words, for example [email, follow-up]
        summary: ""             # one or two sentences for lists, the feed and search engines
        ---

        Open with the reader's problem in two or three sentences. While the summary above is
        empty, this first paragraph stands in for it, so keep it under 200 characters.

        ## One heading for each idea

        Keep paragraphs short. Link to other pieces by their address, such as
        `/snippets/<file>/`, and pin a heading's anchor with `## Heading {#anchor}`.
        """.formatted(quoted(title), today);
    return new Draft("articles/" + today.getYear() + "/" + fileName(title), text);
  }

  /**
   * A new email template in {@code snippets/}, dated {@code today}: an email that passes the
   * template checks (placeholders declared and used, short subject and body) once published.
   *
   * @param stepNames the playbook's steps, listed as a reminder above {@code step:}
   * @param step the step it serves, or {@code null}: left empty for the author to choose (a
   *     draft may leave it so; publishing asks for it)
   * @throws IllegalArgumentException if the title has no letter or digit to name the file after
   */
  public static Draft snippet(String title, LocalDate today, List<String> stepNames, Integer step) {
    StringBuilder steps = new StringBuilder("# step: the playbook step it serves");
    for (int i = 0; i < stepNames.size(); i++) {
      steps.append("\n#   ").append(i + 1).append(' ').append(stepNames.get(i));
    }
    String text = """
        ---
        title: %s
        date: %s        # the day it goes live
        status: draft           # delete this line when it is ready: drafts never reach the site
        subject: "Quick question about {topic}"   # 60 characters at most
        use_when: "One sentence: the moment to send this email."
        placeholders: [name, topic, your_name]    # every {placeholder} of the subject and email
        %s
        step: %s
        tags: []                # a few words, for example [email, follow-up]
        ---

        Hi {name},

        Write the email as you would send it: every line break here is kept.
        Say who you are in one sentence, and why you are writing to them in the next.
        Keep it to 50 to 125 plain words: `press coach` on this file shows the figures.
        Then end with one question about {topic}: could they answer it in a word or two?

        Thanks,
        {your_name}

        ## Why it works

        Everything from the first `##` heading on is shown below the email. Say in two or
        three sentences why this email gets a reply.
        """.formatted(quoted(title), today, steps,
            step != null ? step.toString() : " ".repeat(18) + "# which one? a number from the list above");
    return new Draft("snippets/" + fileName(title), text);
  }

  /**
   * A new tip in {@code tips/}, dated {@code today}.
   *
   * @throws IllegalArgumentException if the title has no letter or digit to name the file after
   */
  public static Draft tip(String title, LocalDate today) {
    String text = """
        ---
        title: %s
        date: %s        # the day it goes live
        status: draft           # delete this line when it is ready: drafts never reach the site
        tags: []                # a few words, for example [email, follow-up]
        ---

        One short paragraph: what to do, why it works, and an example the reader can try
        today. Each newsletter issue carries one tip, so four or five sentences are plenty.
        """.formatted(quoted(title), today);
    return new Draft("tips/" + fileName(title), text);
  }

  /**
   * A new newsletter issue in {@code newsletter/}, named after its send date. The tip and the
   * template of the week are left for the issue to pick (the first unused ones) unless named.
   */
  public static Draft issue(LocalDate date) {
    String text = """
        ---
        title: "Issue of %1$s"    # the headline, in the archive and the subject by default
        date: %1$s            # the send date: keep it equal to the file name
        status: draft               # delete this line when it is ready to go out
        subject: ""                 # the email's subject; empty: the title
        preheader: ""               # shown after the subject in inboxes; empty: the note's first sentence
        tip: ""                     # a file name from content/tips/; empty: the first unused tip
        snippet: ""                 # a file name from content/snippets/; empty: the first unused one
        ---

        The editor's note, in Markdown: 80 to 200 words, after a greeting with the reader's
        name. Say what this week's pieces are about and why they matter now, then end with a
        question readers can answer by hitting reply.
        """.formatted(date);
    return new Draft("newsletter/" + date + ".md", text);
  }

  /**
   * The date of the next issue: the first Monday after {@code today}. On a Monday that is a
   * week later, since the issue of the day is written by then.
   */
  public static LocalDate nextIssueDate(LocalDate today) {
    return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  /**
   * The file name a title gives: lower-case ASCII letters and digits, accents dropped, every
   * other run of characters turned into one {@code -}, at most {@link #MAX_SLUG_LENGTH}
   * characters. Empty if the title has no Latin letter or digit.
   */
  public static String slug(String title) {
    String s = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    for (String[] letter : LETTERS) {
      s = s.replace(letter[0], letter[1]);
    }
    // "Don't" is one word: dont, not don-t.
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = trimDashes(NOT_ALPHANUMERIC.matcher(s).replaceAll("-"));
    if (s.length() > MAX_SLUG_LENGTH) {
      int cut = s.lastIndexOf('-', MAX_SLUG_LENGTH);
      // Cut at the last whole word, unless that would throw most of the name away.
      s = trimDashes(s.substring(0, cut >= MAX_SLUG_LENGTH / 2 ? cut : MAX_SLUG_LENGTH));
    }
    return s;
  }

  /** The title as it is written into front matter: one line, no control characters. */
  static String clean(String title) {
    return BREAKS.matcher(title).replaceAll(" ").strip();
  }

  private static String fileName(String title) {
    if (clean(title).isEmpty()) {
      throw new IllegalArgumentException("the title is empty");
    }
    String slug = slug(title);
    if (slug.isEmpty()) {
      throw new IllegalArgumentException(
          "the title '" + clean(title) + "' has no letter a-z or digit to name the file after;"
              + " give a title with some, then change it in the file as you like");
    }
    return slug + ".md";
  }

  /** A YAML double-quoted scalar: only the backslash and the double quote need escaping. */
  private static String quoted(String title) {
    return '"' + clean(title).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String trimDashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
