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
 * {@link Document}: the keys every type has here, the type's own in {@link FieldsReader}. Reports
 * every problem of the file at once.
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
  /** In a fixed order: the "did you mean" hint picks the first of equally close keys. */
  private static final List<String> COMMON_KEYS = List.of("title", "date", "type", "status", "tags", "summary");

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
    private final FrontMatterCheck check;

    Check(SourceFile source, String contentPath) {
      this.source = source;
      this.contentPath = contentPath;
      this.check = new FrontMatterCheck(source);
    }

    Document run() throws ContentException {
      Map<String, Field> f = source.fields();
      List<Diagnostic> problems = check.problems();
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
      String title = check.requiredText("title", "title: How to get a call back");
      LocalDate date = date(f, type);
      Status status = status(f, date);
      List<String> tags = tags(f);
      String summary = check.optionalText("summary");
      Set<String> known = new LinkedHashSet<>(COMMON_KEYS);
      Fields fields = new FieldsReader(check, settings.playbookSteps()).read(type, status == Status.DRAFT, known);
      check.unknownKeys(known, type);
      if (!problems.isEmpty()) {
        problems.sort(Diagnostic.BY_POSITION);
        throw new ContentException(problems);
      }
      String lower = contentPath.toLowerCase(Locale.ROOT);
      boolean markdown = !(lower.endsWith(".html") || lower.endsWith(".htm"));
      return new Document(
          source.path(),
          contentPath,
          fields,
          title,
          date,
          status,
          tags,
          summary,
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

    private void problem(Position at, String message, String hint) {
      check.problem(at, message, hint);
    }
  }

  private static String quoted(List<String> words) {
    return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
  }
}
