package press.callback.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The front matter fields a document has because of its type, checked and typed: one record per
 * type, so that code asks {@code doc.fields() instanceof Fields.Snippet s} instead of looking up
 * keys by name.
 *
 * <p>Each record also gives its fields as a map ({@link #asMap()}), in the order and with the
 * values JBake's model and the templates have always seen as {@code content.<key>}.
 */
public sealed interface Fields {

  /** The JBake document type ({@link ContentTypes}): it names the template. */
  String type();

  /**
   * The fields by front matter key, in the order they are checked, only those set: what JBake's
   * model holds besides its own keys. Unmodifiable.
   */
  Map<String, Object> asMap();

  /** An article, from {@code content/articles/**}: the common fields only. */
  record Article() implements Fields {
    @Override
    public String type() {
      return ContentTypes.POST;
    }

    @Override
    public Map<String, Object> asMap() {
      return Map.of();
    }
  }

  /** A tip, from {@code content/tips/}: the common fields only. */
  record Tip() implements Fields {
    @Override
    public String type() {
      return ContentTypes.TIP;
    }

    @Override
    public Map<String, Object> asMap() {
      return Map.of();
    }
  }

  /**
   * A copy-ready email template (or a voice-mail greeting), from {@code content/snippets/}.
   *
   * @param kind an email (the default) or a greeting
   * @param subject the email's subject; {@code null} for a greeting, which has none
   * @param useWhen when to use it ({@code use_when})
   * @param placeholders the names of its {@code {placeholders}}, without braces
   * @param step the playbook step it serves, or {@code null} in a draft that has not chosen one
   * @param order its place within the step, or {@code null} when not set
   */
  record Snippet(Kind kind, String subject, String useWhen, List<String> placeholders, Integer step, Integer order)
      implements Fields {
    /** The front matter keys of a snippet, in the order they are checked. */
    static final List<String> KEYS = List.of("subject", "use_when", "placeholders", "step", "order", "kind");

    public Snippet {
      placeholders = List.copyOf(placeholders);
    }

    /** What a snippet is: {@code kind: email} (the default) or {@code kind: greeting}. */
    public enum Kind {
      /** An email: subject, copy and send. */
      EMAIL("email"),
      /** A recorded voice-mail greeting: no subject, nothing to send. */
      GREETING("greeting");

      private final String word;

      Kind(String word) {
        this.word = word;
      }

      /** The word written after {@code kind:}. */
      public String word() {
        return word;
      }

      /** The kind written as {@code word}, if it is one. */
      static Optional<Kind> named(String word) {
        for (Kind k : values()) {
          if (k.word.equals(word)) {
            return Optional.of(k);
          }
        }
        return Optional.empty();
      }
    }

    /** Whether this is a greeting: words to record, not an email to send. */
    public boolean greeting() {
      return kind == Kind.GREETING;
    }

    @Override
    public String type() {
      return ContentTypes.SNIPPET;
    }

    @Override
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", kind.word());
      putIfSet(m, "subject", subject);
      m.put("use_when", useWhen);
      m.put("placeholders", placeholders);
      putIfSet(m, "step", step);
      putIfSet(m, "order", order);
      return Collections.unmodifiableMap(m);
    }
  }

  /**
   * A newsletter issue, from {@code content/newsletter/}; each field {@code null} when not set.
   *
   * @param subject the email's subject (else the title)
   * @param preheader the line inboxes show after the subject (else the note's first sentence)
   * @param tip the file name of the issue's tip (else the next unused one)
   * @param snippet the file name of the template of the week (else the best fit)
   */
  record Issue(String subject, String preheader, String tip, String snippet) implements Fields {
    /** The front matter keys of an issue, in the order they are checked. */
    static final List<String> KEYS = List.of("subject", "preheader", "tip", "snippet");

    @Override
    public String type() {
      return ContentTypes.ISSUE;
    }

    @Override
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      putIfSet(m, "subject", subject);
      putIfSet(m, "preheader", preheader);
      putIfSet(m, "tip", tip);
      putIfSet(m, "snippet", snippet);
      return Collections.unmodifiableMap(m);
    }
  }

  /**
   * A page: everything outside the typed folders.
   *
   * @param layout the page's layout ({@code layout: subscribe}), or {@code null}
   * @param noindex {@code noindex:} as written, or {@code null} when not written (the model keeps
   *     a written {@code false})
   */
  record Page(String layout, Boolean noindex) implements Fields {
    /** The front matter keys of a page, in the order they are checked. */
    static final List<String> KEYS = List.of("layout", "noindex");

    /**
     * Whether the page asks to stay out of search engines, the sitemap and the site's search: a
     * page readers reach from a link, such as "check your inbox".
     */
    public boolean hidden() {
      return Boolean.TRUE.equals(noindex);
    }

    @Override
    public String type() {
      return ContentTypes.PAGE;
    }

    @Override
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      putIfSet(m, "layout", layout);
      putIfSet(m, "noindex", noindex);
      return Collections.unmodifiableMap(m);
    }
  }

  /**
   * A type the site adds beyond the five ({@code template.<type>.file} in {@code
   * jbake.properties}, then {@code type: <type>}): the common fields only.
   *
   * @param type its name
   */
  record Other(String type) implements Fields {
    @Override
    public Map<String, Object> asMap() {
      return Map.of();
    }
  }

  private static void putIfSet(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
