package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Checks a list email's file ({@code content/list/<name>.md}) and turns it into a {@link
 * ListEmail}: its front matter ({@code title}, {@code subject}, {@code preheader}) and its
 * placeholders, each problem at its line and column.
 *
 * <p>The placeholders are the list service's contract: the confirmation must carry {@code
 * {{confirm_url}}}, the other two {@code {{manage_url}}}. {@code {{name}}} is refused in the
 * confirmation: what a stranger types in the form's name field would reach any address they
 * enter, which is how spam rides on signup forms.
 */
public final class ListEmailReader {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Set<String> KEYS = Set.of("title", "subject", "preheader");

  private final MarkdownRenderer markdown = MarkdownRenderer.standard();

  /**
   * Reads one list email.
   *
   * @param source the parsed file
   * @param name the file's name without {@code .md}
   * @throws ContentException with every problem of the file
   */
  public ListEmail read(SourceFile source, String name) throws ContentException {
    List<Diagnostic> problems = new ArrayList<>();
    ListEmail.Kind kind = ListEmail.Kind.named(name).orElse(null);
    if (kind == null) {
      throw new ContentException(Diagnostic.error(source.path(), 0, 0,
          "not a list email: content/" + ListEmail.FOLDER + "/ holds " + String.join(".md, ", ListEmail.NAMES) + ".md",
          "rename the file to one of those, or move it out of content/" + ListEmail.FOLDER + "/ (it is never a page)"));
    }
    if (source.header() == SourceFile.Header.NONE) {
      throw new ContentException(Diagnostic.error(source.path(), 1, 1, "file has no front matter",
          "start the file with '---', 'title: …', 'subject: …', 'preheader: …' and another '---' line")
          .withSourceLine(source.line(1)));
    }
    Map<String, Field> f = source.fields();
    for (Field field : f.values()) {
      if (!KEYS.contains(field.key())) {
        String near = Spelling.closest(field.key(), KEYS);
        problems.add(at(source, field.keyAt(), "unknown key '" + field.key() + "' for a list email",
            (near != null ? "did you mean '" + near + "'? " : "") + "valid keys: preheader, subject, title"));
      }
    }
    String title = text(source, f, "title", "title: Please confirm your subscription", problems);
    String subject = text(source, f, "subject", "subject: Confirm your subscription to Callback Press", problems);
    String preheader = text(source, f, "preheader", "preheader: One click and you are on the list.", problems);
    placeholders(source, kind, problems);
    if (!problems.isEmpty()) {
      problems.sort(Diagnostic.BY_POSITION);
      throw new ContentException(problems);
    }
    String html;
    try {
      html = markdown.render(source.body());
    } catch (MarkdownRenderer.TooDeep e) {
      throw new ContentException(Diagnostic.error(source.path(), source.bodyLine() + e.line() - 1, 1,
          "Markdown nested " + e.levels() + " levels deep", "nest lists and quotes at most " + MarkdownRenderer.MAX_DEPTH + " levels"));
    }
    return new ListEmail(kind, source.path(), title, subject, preheader, html);
  }

  /**
   * Every {@code {{…}}} of the file, front matter and body: each must be one the list service
   * fills in this email (none in the subject, a header the same for everyone), and the email's
   * required link must be in its body.
   */
  private static void placeholders(SourceFile source, ListEmail.Kind kind, List<Diagnostic> problems) {
    List<String> allowed = kind.allowed();
    String required = kind.required();
    String name = kind.word();
    List<String> lines = FrontMatterParser.splitLines(source.text());
    boolean found = false;
    Field subject = source.fields().get("subject");
    int subjectLine = subject == null ? -1 : subject.valueAt().line();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = PLACEHOLDER.matcher(lines.get(i));
      int line = i + 1;
      boolean body = line >= source.bodyLine();
      while (m.find()) {
        String written = m.group();
        String canonical = "{{" + m.group(1).toLowerCase(Locale.ROOT) + "}}";
        Position at = new Position(line, m.start() + 1);
        if (kind == ListEmail.Kind.CONFIRM && canonical.equals(ListEmail.NAME)) {
          problems.add(at(source, at, "{{name}} in the confirmation email",
              "remove it: the name is what a stranger typed into the form, and a confirmation goes to any address"
                  + " they enter (spammers put their ads in the name field); greet the reader in welcome.md instead"));
        } else if (line == subjectLine) {
          problems.add(at(source, at, written + " in the subject",
              "the subject is the same for everyone: write the placeholder in the body"));
        } else if (!written.equals(canonical) || !allowed.contains(canonical)) {
          problems.add(at(source, at, "unknown placeholder " + written + " in " + name + ".md",
              "the list service fills " + String.join(" and ", allowed) + " here (lower case, no spaces)"));
        } else if (body && canonical.equals(required)) {
          found = true;
        }
      }
    }
    if (!found) {
      problems.add(Diagnostic.error(source.path(), source.bodyLine(), 1,
          name + ".md has no " + required + " in its text",
          "add a link the list service fills for each reader, for example " + kind.example())
          .withSourceLine(source.line(source.bodyLine())));
    }
  }

  private static String text(SourceFile source, Map<String, Field> f, String key, String example, List<Diagnostic> problems) {
    Field field = f.get(key);
    if (field == null) {
      problems.add(at(source, Position.line(1), "front matter has no '" + key + "'", "add '" + example + "' between the --- lines"));
      return "";
    }
    if (!(field.value() instanceof String s) || s.isBlank()) {
      problems.add(at(source, field.value() == null ? field.keyAt() : field.valueAt(),
          "'" + key + "' " + (field.value() instanceof String || field.value() == null ? "is empty" : "must be text"),
          "write '" + example + "'"));
      return "";
    }
    return s.strip();
  }

  private static Diagnostic at(SourceFile source, Position at, String message, String hint) {
    return Diagnostic.error(source.path(), at.line(), at.column(), message, hint).withSourceLine(source.line(at.line()));
  }
}
