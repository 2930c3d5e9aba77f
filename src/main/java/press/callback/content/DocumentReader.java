package press.callback.content;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Checks a {@link SourceFile}'s front matter against its content type and turns it into a
 * {@link Document}. Reports every problem of the file at once.
 */
public final class DocumentReader {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  /**
   * Words of letters (with their marks) and digits, joined by spaces or '-': a tag's page is
   * {@code tags/<tag>.html}, so '&', '+', '.', '_' and the like are refused, as the hint says.
   */
  private static final Pattern TAG =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:[ -]+[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String EMAIL = Document.KIND_EMAIL;
  private static final String GREETING = Document.KIND_GREETING;
  private static final Set<String> SNIPPET_KINDS = Set.of(EMAIL, GREETING);
  /** A snippet's {@code order:} at most: room enough, and no overflow to sort by. */
  private static final int MAX_ORDER = 999;
  private static final Set<String> COMMON_KEYS =
      Set.of("title", "date", "type", "status", "tags", "summary");

  /** Settings that come from the site configuration. */
  public record Settings(Set<String> types, boolean sanitizeTags, int playbookSteps) {
    public Settings {
      types = Set.copyOf(types);
    }

    /** The five content types, tags sanitized, five playbook steps. */
    public static Settings defaults() {
      return new Settings(
          Set.of(
              ContentTypes.POST,
              ContentTypes.PAGE,
              ContentTypes.SNIPPET,
              ContentTypes.TIP,
              ContentTypes.ISSUE),
          true,
          5);
    }
  }

  private final Settings settings;

  public DocumentReader(Settings settings) {
    this.settings = settings;
  }

  /**
   * Validates and types one file.
   *
   * @param source the parsed file
   * @param contentPath the file relative to {@code content/}, with {@code /} separators
   * @throws ContentException with every problem found in the file
   */
  public Document read(SourceFile source, String contentPath) throws ContentException {
    return new Check(source, contentPath).run();
  }

  /** yyyy-MM-dd, strictly: the common shape read directly, anything else by the formatter. */
  static LocalDate parseDate(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-'
        && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10)) {
      return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
    }
    return LocalDate.parse(s, DATE);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The checks of one file; collects problems instead of stopping at the first. */
  private final class Check {
    private final SourceFile source;
    private final String contentPath;
    private final List<Diagnostic> problems = new ArrayList<>();

    Check(SourceFile source, String contentPath) {
      this.source = source;
      this.contentPath = contentPath;
    }

    Document run() throws ContentException {
      Map<String, Field> f = source.fields();
      FileNames.problem(source.path(), contentPath).ifPresent(problems::add);
      if (source.header() == SourceFile.Header.NONE) {
        problems.add(
            Diagnostic.error(
                    source.path(),
                    1,
                    1,
                    "file has no front matter",
                    "start the file with a '---' line, 'title: …', and another '---' line")
                .withSourceLine(source.line(1)));
        throw new ContentException(problems);
      }
      String type = type(f);
      String title = requiredText(f, "title", "title: How to get a call back");
      LocalDate date = date(f, type);
      Status status = status(f, date);
      List<String> tags = tags(f);
      String summary = optionalText(f, "summary");
      Map<String, Object> extra = new LinkedHashMap<>();
      Set<String> known = new LinkedHashSet<>(COMMON_KEYS);
      switch (type) {
        case ContentTypes.SNIPPET -> snippet(f, extra, known, status == Status.DRAFT);
        case ContentTypes.ISSUE -> issue(f, extra, known);
        case ContentTypes.PAGE -> {
          known.add("layout");
          putIfSet(extra, "layout", optionalText(f, "layout"));
          known.add("noindex");
          putIfSet(extra, "noindex", flag(f, "noindex"));
        }
        default -> {}
      }
      unknownKeys(f, known, type);
      if (!problems.isEmpty()) {
        problems.sort(Diagnostic.BY_POSITION);
        throw new ContentException(problems);
      }
      String lower = contentPath.toLowerCase(Locale.ROOT);
      boolean markdown = !(lower.endsWith(".html") || lower.endsWith(".htm"));
      return new Document(
          source.path(),
          contentPath,
          type,
          title,
          date,
          status,
          tags,
          summary,
          extra,
          source.body(),
          source.bodyLine(),
          markdown,
          positions(f));
    }

    private Map<String, Position> positions(Map<String, Field> f) {
      Map<String, Position> at = new LinkedHashMap<>();
      f.values().forEach(field -> at.put(field.key(), field.valueAt()));
      return at;
    }

    private String type(Map<String, Field> f) {
      Field field = f.get("type");
      String implied = ContentTypes.forPath(contentPath);
      if (field == null) {
        return implied;
      }
      if (!(field.value() instanceof String s) || s.isBlank()) {
        problem(field.valueAt(), "'type' is empty", "remove the line to use '" + implied + "'");
        return implied;
      }
      String type = s.strip();
      if (!settings.types().contains(type)) {
        problem(
            field.valueAt(),
            "unknown type '" + type + "'",
            "use one of " + quoted(settings.types().stream().sorted().toList())
                + ", or remove the line to use '" + implied + "'");
        return implied;
      }
      return type;
    }

    private LocalDate date(Map<String, Field> f, String type) {
      Field field = f.get("date");
      if (field == null || field.value() == null || field.value().toString().isBlank()) {
        if (ContentTypes.DATED.contains(type)) {
          problem(
              field == null ? Position.line(1) : field.valueAt(),
              field == null ? "front matter has no 'date'" : "'date' is empty",
              "add 'date: yyyy-MM-dd' between the --- lines, for example 'date: 2026-11-30'");
        }
        return null;
      }
      if (!(field.value() instanceof String s)) {
        problem(field.valueAt(), "'date' must be one date", "write 'date: 2026-11-30'");
        return null;
      }
      try {
        return DocumentReader.parseDate(s.strip());
      } catch (java.time.DateTimeException e) {
        problem(
            field.valueAt(),
            "'date' is not a date: " + s.strip(),
            "write the date as yyyy-MM-dd, for example 2026-11-30");
        return null;
      }
    }

    private Status status(Map<String, Field> f, LocalDate date) {
      Field field = f.get("status");
      if (field == null) {
        return Status.PUBLISHED;
      }
      String word = field.value() instanceof String s ? s : String.valueOf(field.value());
      Status status = Status.parse(word).orElse(null);
      if (status == null) {
        problem(
            field.valueAt(),
            "unknown status '" + word + "'",
            "use one of " + quoted(Status.words()) + " (default: published)");
        return Status.DRAFT;
      }
      if (status == Status.PUBLISHED_DATE && date == null && f.get("date") == null) {
        problem(
            field.valueAt(),
            "status 'published-date' needs a 'date'",
            "add 'date: yyyy-MM-dd': the page goes live on that day");
      }
      return status;
    }

    private List<String> tags(Map<String, Field> f) {
      Field field = f.get("tags");
      if (field == null || field.value() == null) {
        return List.of();
      }
      List<Object> raw;
      if (field.value() instanceof List<?> list) {
        raw = new ArrayList<>(list);
      } else if (field.value() instanceof String s) {
        raw = new ArrayList<>(List.of((Object[]) s.split(",")));
      } else {
        problem(field.valueAt(), "'tags' must be a list", "write 'tags: [email, follow-up]'");
        return List.of();
      }
      Set<String> tags = new LinkedHashSet<>();
      for (int i = 0; i < raw.size(); i++) {
        Object item = raw.get(i);
        // One page per tag whatever the case or the Unicode form it is written in: "Email" and
        // "email" were two pages, one file on a case-insensitive disk.
        String tag = item instanceof String s
            ? Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
            : null;
        if (tag == null || tag.isEmpty() || !TAG.matcher(tag).matches()) {
          problem(
              field.itemAt(i),
              "tag " + (item == null ? "(empty)" : "'" + item + "'") + " is not a valid tag",
              "tags are words of letters and digits, joined by spaces or '-', for example"
                  + " 'follow-up'");
          continue;
        }
        if (!settings.sanitizeTags() && tag.indexOf(' ') >= 0) {
          problem(
              field.itemAt(i),
              "tag '" + item + "' has a space, and tag.sanitize=false keeps it in the tag's file name",
              "write it with '-', as in '" + tag.replace(' ', '-') + "'");
          continue;
        }
        tags.add(settings.sanitizeTags() ? tag.replace(' ', '-') : tag);
      }
      return List.copyOf(tags);
    }

    private void snippet(Map<String, Field> f, Map<String, Object> extra, Set<String> known, boolean draft) {
      known.addAll(List.of("subject", "use_when", "placeholders", "step", "order", "kind"));
      String kind = kind(f);
      extra.put("kind", kind);
      if (kind.equals(GREETING)) {
        // A greeting is spoken, not sent: it has no subject to write or to refuse.
        if (f.get("subject") != null) {
          problem(f.get("subject").keyAt(), "a greeting has no 'subject'",
              "delete the 'subject:' line, or drop 'kind: greeting' if this is an email");
        }
      } else {
        extra.put("subject", requiredText(f, "subject", "subject: Quick question about {topic}"));
      }
      extra.put("use_when", requiredText(f, "use_when", "use_when: You have never spoken before."));
      extra.put("placeholders", placeholders(f));
      if (!(draft && (f.get("step") == null || f.get("step").value() == null))) {
        extra.put("step", step(f)); // a draft may leave it empty until it is chosen (press new does)
      }
      putIfSet(extra, "order", order(f));
    }

    /** {@code email} (the default) or {@code greeting}: a recorded voice-mail greeting. */
    private String kind(Map<String, Field> f) {
      Field field = f.get("kind");
      if (field == null || field.value() == null) {
        return EMAIL;
      }
      String word = field.value() instanceof String s ? s.strip() : "";
      if (!SNIPPET_KINDS.contains(word)) {
        problem(field.valueAt(),
            "unknown kind '" + (word.isEmpty() ? field.value() : word) + "'",
            "write 'kind: email' (the default) or 'kind: greeting' for a voice-mail greeting");
        return EMAIL;
      }
      return word;
    }

    /** Where the template comes within its step: a whole number, lower first; null when not set. */
    private Integer order(Map<String, Field> f) {
      Field field = f.get("order");
      if (field == null || field.value() == null) {
        return null;
      }
      String text = field.value().toString().strip();
      try {
        int order = Integer.parseInt(text);
        if (order >= 0 && order <= MAX_ORDER) {
          return order;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(field.valueAt(), "'order' must be a whole number from 0 to " + MAX_ORDER + ", not " + text,
          "write 'order: 1' for the template used first in its step, 2 for the next, and so on");
      return null;
    }

    private List<String> placeholders(Map<String, Field> f) {
      Field field = f.get("placeholders");
      if (field == null || field.value() == null) {
        return List.of();
      }
      if (!(field.value() instanceof List<?> list)) {
        problem(
            field.valueAt(),
            "'placeholders' must be a list",
            "write 'placeholders: [name, topic]' for {name} and {topic}");
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        String name = item instanceof String s ? s.strip().replaceAll("^\\{|}$", "") : "";
        if (!PLACEHOLDER.matcher(name).matches()) {
          problem(
              field.itemAt(i),
              "placeholder '" + item + "' is not a valid name",
              "use lower-case letters, digits and '_', as in {your_name}");
          continue;
        }
        names.add(name);
      }
      return List.copyOf(names);
    }

    private Integer step(Map<String, Field> f) {
      int max = settings.playbookSteps();
      String hint = "write 'step: N' with N from 1 to " + max + ", the playbook step it serves";
      Field field = f.get("step");
      if (field == null || field.value() == null) {
        problem(Position.line(1), "front matter has no 'step'", hint);
        return null;
      }
      String text = field.value().toString().strip();
      try {
        int step = Integer.parseInt(text);
        if (step >= 1 && step <= max) {
          return step;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(field.valueAt(), "'step' must be a number from 1 to " + max + ", not " + text, hint);
      return null;
    }

    private void issue(Map<String, Field> f, Map<String, Object> extra, Set<String> known) {
      for (String key : List.of("subject", "preheader", "tip", "snippet")) {
        known.add(key);
        putIfSet(extra, key, optionalText(f, key));
      }
    }

    private void unknownKeys(Map<String, Field> f, Set<String> known, String type) {
      for (Field field : f.values()) {
        if (known.contains(field.key())) {
          continue;
        }
        String near = Spelling.closest(field.key(), known);
        problem(
            field.keyAt(),
            "unknown key '" + field.key() + "' for a " + type,
            (near != null ? "did you mean '" + near + "'? " : "")
                + "valid keys: " + String.join(", ", known.stream().sorted().toList()));
      }
    }

    private String requiredText(Map<String, Field> f, String key, String example) {
      Field field = f.get(key);
      if (field == null) {
        problem(
            Position.line(1),
            "front matter has no '" + key + "'",
            "add '" + example + "' between the --- lines");
        return "";
      }
      String text = field.value() instanceof String s ? s.strip() : null;
      if (text == null || text.isEmpty()) {
        problem(
            field.value() == null ? field.keyAt() : field.valueAt(),
            field.value() == null || "".equals(text) ? "'" + key + "' is empty" : "'" + key + "' must be text",
            "write '" + example + "'");
        return "";
      }
      return text;
    }

    private String optionalText(Map<String, Field> f, String key) {
      Field field = f.get(key);
      if (field == null || field.value() == null) {
        return null;
      }
      if (!(field.value() instanceof String s)) {
        problem(field.valueAt(), "'" + key + "' must be text", "write '" + key + ": …' on one line");
        return null;
      }
      return s.strip().isEmpty() ? null : s.strip();
    }

    /** {@code true} or {@code false}, or null when not set. */
    private Boolean flag(Map<String, Field> f, String key) {
      Field field = f.get(key);
      if (field == null || field.value() == null) {
        return null;
      }
      String word = field.value() instanceof String s ? s.strip() : "";
      if (!word.equals("true") && !word.equals("false")) {
        problem(field.valueAt(), "'" + key + "' is true or false, not " + (word.isEmpty() ? "a list or map" : word),
            "write '" + key + ": true' to keep the page out of search engines, the sitemap and the site's search");
        return null;
      }
      return Boolean.valueOf(word);
    }

    private void putIfSet(Map<String, Object> extra, String key, Object value) {
      if (value != null) {
        extra.put(key, value);
      }
    }

    private void problem(Position at, String message, String hint) {
      problems.add(
          Diagnostic.error(source.path(), at.line(), at.column(), message, hint)
              .withSourceLine(source.line(at.line())));
    }
  }

  private static String quoted(List<String> words) {
    return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
  }
}
