package press.callback.newsletter;

import java.util.Map;
import press.callback.diag.ContentException;

/** Renders a named template with a data model; the caller owns the template files. */
@FunctionalInterface
public interface TemplateRenderer {
  /**
   * @throws ContentException with the template's file, line and column if rendering fails
   */
  String render(String template, Map<String, Object> model) throws ContentException;
}
