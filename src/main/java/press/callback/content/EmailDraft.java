package press.callback.content;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * An email draft as the author writes it, for {@code press coach}: a subject and a body in plain
 * text. The subject comes from a {@code subject:} in YAML front matter (a snippet file), or from a
 * first line {@code Subject: …}; a Markdown body ({@code .md}) is read as a snippet's email is
 * (up to its first {@code ##} heading, line breaks kept).
 *
 * @param subject the subject, or empty
 * @param body the body as plain text
 */
public record EmailDraft(String subject, String body) {
  private static final Pattern SUBJECT_LINE = Pattern.compile("^[ \\t]*subject:[ \\t]*(.*)$", Pattern.CASE_INSENSITIVE);

  /** Reads a draft from its file's name (for the extension) and text. */
  public static EmailDraft parse(String fileName, String text) {
    String rest = text.replace("\r\n", "\n").replace('\r', '\n');
    if (rest.startsWith("\uFEFF")) {
      rest = rest.substring(1);
    }
    String subject = "";
    if (rest.startsWith("---\n")) {
      int end = rest.indexOf("\n---", 3);
      if (end > 0) {
        subject = frontMatterSubject(rest.substring(4, end));
        int next = rest.indexOf('\n', end + 4);
        rest = next < 0 ? "" : rest.substring(next + 1);
      }
    } else {
      String[] lines = rest.split("\n", -1);
      int first = 0;
      while (first < lines.length && lines[first].isBlank()) {
        first++;
      }
      Matcher m = first < lines.length ? SUBJECT_LINE.matcher(lines[first]) : null;
      if (m != null && m.matches()) {
        subject = m.group(1).strip();
        rest = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
      }
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    String body = name.endsWith(".md") || name.endsWith(".markdown")
        ? new BodyRenderer().emailTextOf(rest)
        : rest.strip();
    return new EmailDraft(subject, body);
  }

  private static String frontMatterSubject(String yaml) {
    try {
      Object doc = new Load(LoadSettings.builder().build()).loadFromString(yaml);
      if (doc instanceof Map<?, ?> map && map.get("subject") != null) {
        return map.get("subject").toString().strip();
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // not YAML (or YAML nested thousands deep, which the loader recurses into): no subject
    }
    return "";
  }
}
