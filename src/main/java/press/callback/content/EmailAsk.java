package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an email ends with something the reader can answer: its last paragraph before the
 * sign-off holds a question, or a concrete ask.
 *
 * <p>The sign-off is the run of short lines at the end (at most four words each, not ending in a
 * full stop, question mark or colon): {@code Thanks,} and {@code {your_name}}. A sentence of the
 * last paragraph before it is an ask when it
 *
 * <ul>
 *   <li>ends with {@code ?} (closing quotes and brackets aside), or
 *   <li>says {@code please} or {@code let me know}, or asks with {@code could you}, {@code would
 *       you}, {@code can you}, {@code will you}, {@code could we}, {@code can we} or {@code are
 *       you free}, or
 *   <li>starts with a request: {@code Reply}, {@code Write}, {@code Send}, {@code Call}, {@code
 *       Pick}, {@code Choose}, {@code Book}, {@code Tell} or {@code Forward}.
 * </ul>
 *
 * So "Would Tuesday work? I am free after 2 p.m." ends with an ask; a closing paragraph of
 * statements ("I will call you on Tuesday.") leaves the reader nothing to do, and is what this
 * rule catches. Sentences end at {@code .}, {@code ?} or {@code !} and a space, but not after
 * {@code a.m.}, {@code p.m.}, {@code e.g.}, {@code i.e.}, {@code Mr.}, {@code Mrs.}, {@code Ms.},
 * {@code Dr.} or {@code vs.}
 */
final class EmailAsk {
  private static final Pattern SENTENCE_END = Pattern.compile(
      "(?<=[.?!][\"”’')\\]]?)(?<!\\b(?:a\\.m|p\\.m|e\\.g|i\\.e|mr|mrs|ms|dr|vs)\\.)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern ASKS = Pattern.compile(
      "\\b(please|let me know|could you|would you|can you|will you|could we|can we|are you free)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REQUEST = Pattern.compile(
      "^(reply|write|send|call|pick|choose|book|tell|forward)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("\\S+");
  /** Closing quotes, brackets and emphasis after a sentence's last word. */
  private static final Pattern CLOSERS = Pattern.compile("[\"”’')\\]*_]+$");

  private EmailAsk() {}

  /**
   * The email's last sentence if it is neither a question nor an ask; empty if the email ends
   * well (or has no text at all).
   *
   * @param text the email as plain text, paragraphs apart by blank lines
   */
  static Optional<String> missingAsk(String text) {
    String[] sentences = lastParagraphSentences(text);
    if (sentences.length == 0) {
      return Optional.empty();
    }
    for (String sentence : sentences) {
      if (isAsk(sentence)) {
        return Optional.empty();
      }
    }
    return Optional.of(sentences[sentences.length - 1].strip());
  }

  static boolean isAsk(String sentence) {
    String s = CLOSERS.matcher(sentence.strip()).replaceAll("");
    return s.endsWith("?") || ASKS.matcher(s).find() || REQUEST.matcher(s.replaceFirst("^[\"“‘(]+", "")).find();
  }

  /** The last sentence before the sign-off, on one line. */
  static String lastSentence(String text) {
    String[] sentences = lastParagraphSentences(text);
    return sentences.length == 0 ? "" : sentences[sentences.length - 1].strip();
  }

  /** The sentences of the last paragraph before the sign-off. */
  private static String[] lastParagraphSentences(String text) {
    List<String> lines = new ArrayList<>(text.strip().lines().toList());
    while (!lines.isEmpty() && (lines.get(lines.size() - 1).isBlank() || isSignOff(lines.get(lines.size() - 1)))) {
      lines.remove(lines.size() - 1);
    }
    List<String> paragraph = new ArrayList<>();
    for (int i = lines.size() - 1; i >= 0 && !lines.get(i).isBlank(); i--) {
      paragraph.add(0, lines.get(i).strip());
    }
    String joined = String.join(" ", paragraph).strip();
    return joined.isEmpty() ? new String[0] : SENTENCE_END.split(joined);
  }

  private static boolean isSignOff(String line) {
    String s = CLOSERS.matcher(line.strip()).replaceAll("");
    return WORD.matcher(s).results().count() <= 4 && !s.endsWith(".") && !s.endsWith("?") && !s.endsWith(":");
  }
}
