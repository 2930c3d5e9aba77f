package press.callback.content;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a document is published: JBake's three status values. */
public enum Status {
  /** Public now (if its date is not in the future). */
  PUBLISHED("published"),
  /** Never public; kept out of the site. */
  DRAFT("draft"),
  /** Public from its date on (JBake's scheduled posts). */
  PUBLISHED_DATE("published-date");

  private final String word;

  Status(String word) {
    this.word = word;
  }

  /** The word written in front matter. */
  public String word() {
    return word;
  }

  /** Parses a front matter value, ignoring case. */
  public static Optional<Status> parse(String s) {
    String w = s.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.word.equals(w)).findFirst();
  }

  /** The accepted words, for hints. */
  public static List<String> words() {
    return Arrays.stream(values()).map(Status::word).toList();
  }
}
