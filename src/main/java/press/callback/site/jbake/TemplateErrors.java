package press.callback.site.jbake;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import press.callback.diag.Diagnostic;

/**
 * Turns FreeMarker's exceptions into diagnostics that point at the template's line and column and
 * say which page was being rendered.
 */
final class TemplateErrors {
  private final Path templateFolder;
  private final String templateFolderName;

  TemplateErrors(Path templateFolder, String templateFolderName) {
    this.templateFolder = templateFolder;
    this.templateFolderName = templateFolderName;
  }

  /** A runtime error, such as an undefined variable. */
  Diagnostic of(TemplateException e, String page) {
    String name = e.getTemplateSourceName();
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
    Shaped s = shape(e.getMessageWithoutStackTop());
    String hint;
    if (s.message().contains("null or missing")) {
      hint = "check the name; if it may be missing, write ${x!''} or wrap it in <#if x??>…</#if>";
    } else {
      hint = s.tip().isEmpty() ? "fix the template expression here" : s.tip();
    }
    return at(name, line, column, s.message() + rendering(page), hint);
  }

  /** A syntax error in a template. */
  Diagnostic of(ParseException e, String page) {
    Shaped s = shape(e.getEditorMessage());
    return at(
        e.getTemplateName(),
        e.getLineNumber(),
        e.getColumnNumber(),
        "template syntax: " + s.message() + rendering(page),
        s.tip().isEmpty() ? "check the directive's syntax in the FreeMarker manual" : s.tip());
  }

  /** A template that does not exist. */
  Diagnostic notFound(TemplateNotFoundException e, String page) {
    String name = e.getTemplateName();
    return Diagnostic.error(
        templateFolderName + "/" + name,
        0,
        0,
        "template not found" + rendering(page),
        "create " + templateFolderName + "/" + name
            + " or correct the template name (jbake.properties: template.<type>.file)");
  }

  /** A template that cannot be read. */
  Diagnostic unreadable(String name, IOException e, String page) {
    return Diagnostic.error(
        templateFolderName + "/" + name, 0, 0,
        "cannot read template: " + e.getMessage() + rendering(page), "check the file");
  }

  private Diagnostic at(String name, int line, int column, String message, String hint) {
    String path = name == null ? templateFolderName + "/" : templateFolderName + "/" + name;
    Diagnostic d = Diagnostic.error(path, Math.max(line, 0), Math.max(column, 0), message, hint);
    return name == null ? d : d.withSourceLine(sourceLine(name, line));
  }

  private static String rendering(String page) {
    return page == null || page.isEmpty() ? "" : " (rendering " + page + ")";
  }

  private String sourceLine(String name, int line) {
    try {
      List<String> lines = Files.readAllLines(templateFolder.resolve(name));
      return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
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
        continue;
      }
      if (inTips) {
        if (tip.isEmpty() && l.startsWith("Tip:")) {
          tip = l.substring(4).strip();
        }
        continue;
      }
      if (l.isEmpty() || l.startsWith("FTL stack trace")) {
        continue;
      }
      l = l.replaceFirst("^==>\\s*", "").replaceAll("\\s*\\[in template .*?]$", "");
      problem.add(l);
    }
    String message = String.join(" ", problem).replaceAll("\\s+", " ").strip();
    if (tip.length() > 200) {
      int cut = tip.indexOf(". ");
      tip = cut > 0 && cut < 200 ? tip.substring(0, cut + 1) : tip.substring(0, 200) + "…";
    }
    return new Shaped(message.isEmpty() ? "template error" : message, tip);
  }
}
