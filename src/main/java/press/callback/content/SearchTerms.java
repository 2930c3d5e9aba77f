package press.callback.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a text as the site's search index stores them: lower case, accents and
 * apostrophes dropped, common English words left out, each word reduced to a light stem
 * ({@code replies}, {@code replied} → {@code reply}; {@code booking}, {@code booked} → {@code
 * book}), each stem once.
 *
 * <p>{@code assets/js/search.js} applies the same rules to what a reader types, so the two must
 * change together (the browser tests compare them word for word). The stemmer is deliberately
 * small: the search matches stems by prefix as well, which covers most of what it misses.
 */
public final class SearchTerms {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Words too common to help a search; also in search.js. */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
          "been", "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
          "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
          "it", "its", "just", "me", "more", "most", "my", "no", "not", "of", "on", "one", "or",
          "our", "out", "over", "she", "so", "some", "than", "that", "the", "their", "them",
          "then", "there", "these", "they", "this", "those", "to", "too", "up", "us", "very",
          "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you",
          "your");

  private SearchTerms() {}

  /** The distinct stems of {@code text}, in the order they first appear. */
  public static List<String> of(String text) {
    Set<String> seen = new HashSet<>();
    List<String> terms = new ArrayList<>();
    for (String word : words(text)) {
      if (word.length() > 1 && !STOP_WORDS.contains(word)) {
        String stem = stem(word);
        if (seen.add(stem)) {
          terms.add(stem);
        }
      }
    }
    return List.copyOf(terms);
  }

  /**
   * The words of {@code text}: runs of letters and digits ({@code \p{L}}, {@code \p{N}}), lower
   * case, without accents; apostrophes inside are dropped ({@code don’t} → {@code dont}).
   */
  static List<String> words(String text) {
    String plain = text.toLowerCase(Locale.ROOT);
    if (!ascii(plain)) {
      plain = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFKD)).replaceAll("");
    }
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < plain.length(); ) {
      int c = plain.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\'' || c == '\u2019') {
        continue;
      }
      if (letterOrDigit(c)) {
        word.appendCodePoint(c);
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** As the regular expression classes {@code \p{L}} and {@code \p{N}} (and search.js) see it. */
  private static boolean letterOrDigit(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /**
   * The stem of a lower-case word: a plural {@code s} and a verb's {@code ing}, {@code ed} or an
   * adverb's {@code ly} come off, {@code ies}/{@code ied} become {@code y}, a doubled last letter
   * left behind is undoubled, and a final {@code e} is dropped from words of five letters or more.
   */
  public static String stem(String word) {
    String w = word;
    if (w.length() <= 3) {
      return w;
    }
    if (w.endsWith("ies") && w.length() > 4) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("sses")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("ied") && w.length() > 4) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("ing") && w.length() >= 6) {
      w = undouble(w.substring(0, w.length() - 3));
    } else if (w.endsWith("ed") && w.length() >= 5) {
      w = undouble(w.substring(0, w.length() - 2));
    } else if (w.endsWith("ly") && w.length() >= 6) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.endsWith("e") && w.length() >= 5) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** {@code stopp} → {@code stop}; double l, s and z stay ({@code call}, {@code miss}). */
  private static String undouble(String w) {
    int n = w.length();
    if (n >= 4 && w.charAt(n - 1) == w.charAt(n - 2) && "bdfgkmnprt".indexOf(w.charAt(n - 1)) >= 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
