package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How ready an email is to get a reply, by the measures studies of replies point to: a body of
 * 50–125 words, a subject of 3–6 words, plain words in short sentences (Flesch–Kincaid grade 6 or
 * lower), one to three questions, and a last sentence the reader can answer.
 *
 * <p>The same rules run in the browser ({@code assets/js/reply-score.js}); the shared vectors in
 * {@code src/test/resources/coach/vectors.json} keep the two equal. The rules, exactly:
 *
 * <ul>
 *   <li><b>Words</b>: whitespace-separated tokens holding a letter or a digit; a placeholder such
 *       as {@code {name}} is one token, so one word.
 *   <li><b>Sentences</b>: the text is cut into paragraphs at blank lines, a paragraph's lines are
 *       joined, and a sentence ends at {@code .}, {@code !} or {@code ?} (and any closing quotes or
 *       brackets) followed by a space — but not after {@code a.m.}, {@code p.m.}, {@code e.g.},
 *       {@code i.e.}, {@code Mr.}, {@code Mrs.}, {@code Ms.}, {@code Dr.} or {@code vs.} A
 *       paragraph without an ending (a greeting, a sign-off) is one sentence. Pieces without
 *       words are not sentences.
 *   <li><b>Syllables</b> of a word: a placeholder or a token without letters has one. Otherwise,
 *       in its lower-case letters, the groups of consecutive vowels ({@code aeiouy} and accented
 *       vowels), less one for a silent ending — a final {@code e} after a consonant (but not
 *       {@code le} after a consonant: "make" 1, "table" 2, "canoe" 2), or a final {@code ed}
 *       after a consonant other than {@code t} or {@code d} ("asked" 1, "wanted" 2, "agreed" 2)
 *       — and never fewer than one. Like every such rule it is wrong for some words; it is
 *       the same in both languages, and a grade is an estimate anyway.
 *   <li><b>Grade</b> (Flesch–Kincaid): 0.39 × words per sentence + 11.8 × syllables per word −
 *       15.59, rounded to one decimal (0 for no words).
 *   <li><b>Questions</b>: sentences ending with {@code ?}.
 *   <li><b>Ends with an ask</b>: see {@link EmailAsk}.
 * </ul>
 *
 * @param words the body's words
 * @param sentences the body's sentences
 * @param syllables the body's syllables
 * @param grade the Flesch–Kincaid grade
 * @param questions the body's questions
 * @param subjectWords the subject's words
 * @param endsWithAsk whether the last sentence before the sign-off is a question or an ask
 * @param suggestions what to change, most useful first (empty when the email is ready)
 */
public record ReplyScore(
    int words,
    int sentences,
    int syllables,
    double grade,
    int questions,
    int subjectWords,
    boolean endsWithAsk,
    List<String> suggestions) {

  /** Fewest and most body words of the emails answered most. */
  public static final int MIN_WORDS = 50;
  public static final int MAX_WORDS = 125;
  /** Highest grade suggested, and the highest a published template may have. */
  public static final double AIM_GRADE = 6;
  public static final double MAX_GRADE = 8;
  public static final int MIN_SUBJECT_WORDS = 3;
  public static final int MAX_SUBJECT_WORDS = 6;
  public static final int MAX_QUESTIONS = 3;
  /** Words short of {@link #MIN_WORDS} that count as near it: then a high grade is named first. */
  public static final int NEAR_MINIMUM = 5;

  /** Every space but the line break: made a plain space first, so both languages agree on spaces. */
  private static final Pattern SPACES = Pattern.compile(
      "[\\t\\f\\u000B\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]");
  private static final Pattern PLACEHOLDER = Pattern.compile("^\\{[^{} ]+}\\W*$");
  private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");
  private static final Pattern SENTENCE = Pattern.compile(
      "(?<!\\b(?:a\\.m|p\\.m|e\\.g|i\\.e|mr|mrs|ms|dr|vs))[.!?]+[\"”’')\\]]*(?= |$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOSERS = Pattern.compile("[\"”’')\\]*_]+$");
  private static final Pattern VOWELS = Pattern.compile("[aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüý]+");
  private static final String VOWEL_LETTERS = "aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüý";

  public ReplyScore {
    suggestions = List.copyOf(suggestions);
  }

  /** Scores an email: its subject and its body as plain text (paragraphs apart by blank lines). */
  public static ReplyScore of(String subject, String body) {
    String text = normalize(body);
    List<String> sentences = sentences(text);
    List<String> tokens = words(text);
    int syllables = 0;
    for (String token : tokens) {
      syllables += syllables(token);
    }
    int words = tokens.size();
    double grade = words == 0 ? 0
        : round1(0.39 * ((double) words / sentences.size()) + 11.8 * ((double) syllables / words) - 15.59);
    int questions = 0;
    for (String s : sentences) {
      if (CLOSERS.matcher(s).replaceAll("").endsWith("?")) {
        questions++;
      }
    }
    int subjectWords = words(normalize(subject)).size();
    boolean ask = !words(text).isEmpty() && EmailAsk.missingAsk(text).isEmpty();
    return new ReplyScore(words, sentences.size(), syllables, grade, questions, subjectWords, ask,
        suggestions(words, grade, questions, subjectWords, ask));
  }

  /** Whether a published template meets the gate: 50–125 words and grade 8 or lower. */
  public boolean passesGate() {
    return words >= MIN_WORDS && words <= MAX_WORDS && grade <= MAX_GRADE;
  }

  private static List<String> suggestions(int words, double grade, int questions, int subjectWords, boolean ask) {
    List<String> out = new ArrayList<>();
    if (words == 0) {
      out.add("Write the email: " + MIN_WORDS + "–" + MAX_WORDS + " words get the most replies.");
      return out;
    }
    String plainer = grade > AIM_GRADE
        ? "Use shorter sentences and plainer words: grade " + format(grade) + "; aim for "
            + format(AIM_GRADE) + " or lower."
        : null;
    // A long-winded email a few words short needs plainer words first: more of the same words
    // would only make it harder to read.
    boolean nearMinimum = words < MIN_WORDS && MIN_WORDS - words <= NEAR_MINIMUM;
    if (plainer != null && nearMinimum) {
      out.add(plainer);
      plainer = null;
    }
    if (words > MAX_WORDS) {
      out.add("Cut " + (words - MAX_WORDS) + " words: emails of " + MIN_WORDS + "–" + MAX_WORDS
          + " words get the most replies.");
    } else if (words < MIN_WORDS) {
      out.add("Add about " + (MIN_WORDS - words) + " words: say who you are and why you write to them.");
    }
    if (plainer != null) {
      out.add(plainer);
    }
    if (questions == 0) {
      out.add("Ask one question.");
    } else if (questions > MAX_QUESTIONS) {
      out.add("Ask at most " + MAX_QUESTIONS + " questions (" + questions + " now).");
    }
    if (!ask) {
      out.add("End with a question or a request for a time.");
    }
    if (subjectWords == 0) {
      out.add("Write a subject of " + MIN_SUBJECT_WORDS + "–" + MAX_SUBJECT_WORDS + " words.");
    } else if (subjectWords > MAX_SUBJECT_WORDS) {
      out.add("Shorten the subject to " + MIN_SUBJECT_WORDS + "–" + MAX_SUBJECT_WORDS + " words ("
          + subjectWords + " now).");
    } else if (subjectWords < MIN_SUBJECT_WORDS) {
      out.add("Lengthen the subject to " + MIN_SUBJECT_WORDS + "–" + MAX_SUBJECT_WORDS + " words ("
          + subjectWords + " now).");
    }
    return out;
  }

  /**
   * A grade in words, for readers to whom "grade 1.1" means little: the bands of Flesch's own
   * table (grade 5 and under "very easy", 6 "easy", 7 "fairly easy", 8–9 "plain English", 10–12
   * "fairly hard", college "hard", beyond "very hard"), so that {@link #AIM_GRADE} is the last
   * "easy". reply-score.js has the same table ({@code ReplyScore.level}).
   */
  public static String level(double grade) {
    if (grade <= 5) {
      return "very easy to read";
    } else if (grade <= 6) {
      return "easy to read";
    } else if (grade <= 7) {
      return "fairly easy to read";
    } else if (grade <= 9) {
      return "plain English";
    } else if (grade <= 12) {
      return "fairly hard to read";
    } else if (grade <= 16) {
      return "hard to read";
    }
    return "very hard to read";
  }

  /** A grade as shown: one decimal, a point, no trailing {@code .0}. */
  public static String format(double grade) {
    return grade == Math.rint(grade) ? String.valueOf((long) grade) : String.format(Locale.ROOT, "%.1f", grade);
  }

  /** Line breaks as {@code \n}, every other space as a plain space. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    return SPACES.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll(" ");
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String token : text.split("[ \\n]+")) {
      if (HAS_WORD.matcher(token).find()) {
        out.add(token);
      }
    }
    return out;
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\\n *\\n")) {
      String joined = trim(String.join(" ", paragraph.split(" *\\n *")));
      Matcher m = SENTENCE.matcher(joined);
      int start = 0;
      while (m.find()) {
        add(joined.substring(start, m.end()), out);
        start = m.end();
      }
      add(joined.substring(start), out);
    }
    return out;
  }

  private static String trim(String text) {
    return text.replaceAll("^[ \\n]+|[ \\n]+$", "");
  }

  private static void add(String sentence, List<String> out) {
    String s = trim(sentence);
    if (HAS_WORD.matcher(s).find()) {
      out.add(s);
    }
  }

  static int syllables(String token) {
    if (PLACEHOLDER.matcher(token).matches()) {
      return 1;
    }
    String word = token.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    if (word.isEmpty()) {
      return 1;
    }
    int count = 0;
    Matcher m = VOWELS.matcher(word);
    while (m.find()) {
      count++;
    }
    int n = word.length();
    if (count > 1) {
      char before = n > 1 ? word.charAt(n - 2) : ' ';
      char beforeEd = n > 2 ? word.charAt(n - 3) : ' ';
      if (word.endsWith("e") && !isVowel(before) && !(before == 'l' && n > 2 && !isVowel(beforeEd))) {
        count--; // make, whale; not table, canoe
      } else if (word.endsWith("ed") && n > 2 && !isVowel(beforeEd) && beforeEd != 't' && beforeEd != 'd') {
        count--; // asked; not wanted, agreed
      }
    }
    return Math.max(1, count);
  }

  private static boolean isVowel(char c) {
    return VOWEL_LETTERS.indexOf(c) >= 0;
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }
}
