package press.callback.diag;

import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns FreeMarker's exceptions into diagnostics that point at the template's line and column,
 * show that line, and say which page or email was being rendered: one wording for the site's page
 * templates and the email templates. The template's line is read through the loader the
 * templates are read with.
 */
public final class TemplateDiagnostics {
  private final TemplateLoader loader;
  private final String folder;
  private final String encoding;

  /**
   * @param loader where the templates are read, for the line shown under the message
   * @param folder the templates' folder as the project names it ({@code templates})
   */
  public TemplateDiagnostics(TemplateLoader loader, String folder, String encoding) {
    this.loader = loader;
    this.folder = folder;
    this.encoding = encoding;
  }

  /** A runtime error, such as an undefined variable. */
  public Diagnostic of(TemplateException e, String page) {
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
    Shaped s = shape(e.getMessageWithoutStackTop());
    String hint = s.message().contains("null or missing")
        ? "check the name; if it may be missing, write ${x!''} or wrap it in <#if x??>…</#if>"
        : s.tip().isEmpty() ? "fix the template expression here" : s.tip();
    return at(e.getTemplateSourceName(), line, column, s.message() + rendering(page), hint);
  }

  /** A syntax error in a template. */
  public Diagnostic of(ParseException e, String page) {
    Shaped s = shape(e.getEditorMessage());
    return at(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(),
        "template syntax: " + s.message() + rendering(page),
        s.tip().isEmpty() ? "check the directive's syntax in the FreeMarker manual" : s.tip());
  }

  /** A template that does not exist. */
  public Diagnostic notFound(TemplateNotFoundException e, String page) {
    String path = folder + "/" + e.getTemplateName();
    return Diagnostic.error(path, 0, 0, "template not found" + rendering(page),
        "create " + path + " or correct the template name (jbake.properties: template.<type>.file)");
  }

  /** A template that cannot be read. */
  public Diagnostic unreadable(String name, IOException e, String page) {
    return Diagnostic.error(folder + "/" + name, 0, 0,
        "cannot read template: " + e.getMessage() + rendering(page), "check the file");
  }

  private Diagnostic at(String name, int line, int column, String message, String hint) {
    String path = name == null ? folder + "/" : folder + "/" + name;
    Diagnostic d = Diagnostic.error(path, Math.max(line, 0), Math.max(column, 0), message, hint);
    return name == null ? d : d.withSourceLine(sourceLine(name, line));
  }

  private static String rendering(String page) {
    return page == null || page.isEmpty() ? "" : " (rendering " + page + ")";
  }

  /** Line {@code line} of a template as its loader reads it, or empty. */
  private String sourceLine(String name, int line) {
    if (line < 1) {
      return "";
    }
    try {
      Object source = loader.findTemplateSource(name);
      if (source == null) {
        return "";
      }
      try (BufferedReader in = new BufferedReader(loader.getReader(source, encoding))) {
        return in.lines().skip(line - 1L).findFirst().orElse("");
      } finally {
        loader.closeTemplateSource(source);
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private record Shaped(String message, String tip) {}

  /**
   * FreeMarker's messages span many lines: the problem, the blamed expression, then "----" and
   * tips. Keeps the problem on one line and the first tip as the hint.
   */
  private static Shaped shape(String raw) {
    List<String> problem = new ArrayList<>();
    String tip = "";
    boolean inTips = false;
    for (String line : raw == null ? new String[0] : raw.split("\n")) {
      String l = line.strip();
      if (l.startsWith("----")) {
        inTips = true;
      } else if (inTips) {
        if (tip.isEmpty() && l.startsWith("Tip:")) {
          tip = l.substring(4).strip();
        }
      } else if (!l.isEmpty() && !l.startsWith("FTL stack trace")) {
        problem.add(l.replaceFirst("^==>\\s*", "").replaceAll("\\s*\\[in template .*?]$", ""));
      }
    }
    String message = String.join(" ", problem).replaceAll("\\s+", " ").strip();
    if (tip.length() > 200) {
      int cut = tip.indexOf(". ");
      tip = cut > 0 && cut < 200 ? tip.substring(0, cut + 1) : tip.substring(0, 200) + "…";
    }
    return new Shaped(message.isEmpty() ? "template error" : message, tip);
  }
}
