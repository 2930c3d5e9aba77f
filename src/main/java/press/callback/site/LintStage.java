package press.callback.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import press.callback.content.Catalog;
import press.callback.content.ContentLint;
import press.callback.content.Entry;
import press.callback.diag.Diagnostic;
import press.callback.site.jbake.SiteProject;

/**
 * The lint stage of a bake: the content lint ({@code press.lint.*} in jbake.properties) on the
 * catalog, the full bake's on every document, the dev server's on the edited ones. In the dev
 * server's drafts an error in a draft or future piece (a broken link, a scaffold left in) is a
 * warning, since the piece is still being written; the same problem in a published piece stays an
 * error.
 */
final class LintStage {
  private final SiteProject project;
  private final LocalDate today;
  private final boolean preview;
  private final boolean draftsLenient;

  /**
   * @param preview whether drafts and future documents are baked (and so linted)
   * @param draftsLenient with {@code preview}, whether their errors are warnings
   */
  LintStage(SiteProject project, LocalDate today, boolean preview, boolean draftsLenient) {
    this.project = project;
    this.today = today;
    this.preview = preview;
    this.draftsLenient = draftsLenient;
  }

  /** Whether the project asks for the lint ({@code press.lint=true}). */
  boolean enabled() {
    return project.lintEnabled();
  }

  /** The problems of the documents whose path {@code only} accepts, linking into the whole catalog. */
  List<Diagnostic> check(Catalog catalog, Predicate<String> only) {
    return lenient(catalog, new ContentLint(settings(project, today), preview).check(catalog, only));
  }

  /** {@code found} with drafts' errors as warnings, when this bake is lenient with drafts. */
  List<Diagnostic> lenient(Catalog catalog, List<Diagnostic> found) {
    if (!preview || !draftsLenient || found.isEmpty()) {
      return found;
    }
    Set<String> drafts = new HashSet<>();
    for (Entry e : catalog.all()) {
      if (!e.doc().isVisibleOn(today)) {
        drafts.add(e.doc().path());
      }
    }
    List<Diagnostic> out = new ArrayList<>(found.size());
    for (Diagnostic d : found) {
      out.add(d.isError() && drafts.contains(d.path())
          ? Diagnostic.warning(d.path(), d.line(), d.column(), d.message() + " (in a draft: an error once published)", d.hint())
              .withSourceLine(d.sourceLine())
          : d);
    }
    return out;
  }

  /** The content lint's limits ({@code press.lint.*} in jbake.properties). */
  static ContentLint.Settings settings(SiteProject project, LocalDate today) {
    Path assets = project.source().resolve(project.config().getAssetFolderName());
    Path content = project.contentFolder();
    return new ContentLint.Settings(today, project.lintLimit("subject_chars", 60), replyGate(project),
        project.lintLimit("summary_chars", 200), project.generatedUrls(), path -> {
      String relative = path.substring(1);
      return !relative.isEmpty() && !relative.endsWith(".md")
          && (Files.isRegularFile(assets.resolve(relative)) || Files.isRegularFile(content.resolve(relative)));
    });
  }

  /** The reply-readiness gate: {@code press.lint.email_min_words}, {@code email_words}, {@code grade_max}, … */
  private static ContentLint.ReplyGate replyGate(SiteProject project) {
    ContentLint.ReplyGate d = ContentLint.ReplyGate.DEFAULT;
    return new ContentLint.ReplyGate(project.lintLimit("email_min_words", d.minWords()),
        project.lintLimit("email_words", d.maxWords()), project.lintLimit("grade_max", (int) d.maxGrade()),
        project.lintLimit("grade_aim", (int) d.aimGrade()), project.lintLimit("subject_words", d.maxSubjectWords()));
  }
}
