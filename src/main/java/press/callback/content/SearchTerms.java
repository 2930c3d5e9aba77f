package press.callback.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2019]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

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
    Set<String> terms = new LinkedHashSet<>();
    for (String word : words(text)) {
      if (word.length() > 1 && !STOP_WORDS.contains(word)) {
        terms.add(stem(word));
      }
    }
    return List.copyOf(terms);
  }

  /** The words of {@code text}: lower case, without accents or apostrophes. */
  static List<String> words(String text) {
    String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
    plain = APOSTROPHES.matcher(MARKS.matcher(plain).replaceAll("")).replaceAll("");
    List<String> words = new ArrayList<>();
    for (String w : SEPARATORS.split(plain)) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
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
