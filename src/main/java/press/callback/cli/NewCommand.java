package press.callback.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.content.ContentTypes;
import press.callback.content.Scaffold;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.site.jbake.SiteProject;

/**
 * {@code press new}: starts an article, email template, tip or newsletter issue as a draft in
 * the right folder, and prints its path.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the first draft of a piece into content/, with its front matter filled in"
          + " (status: draft, today's date, a file name made from the title) and hints in"
          + " the body, then prints the file's path. Never overwrites a file."
    })
final class NewCommand implements Runnable {
  private static final String TITLED = "edit that file, or start the new piece under another title";

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  /** The project folder, as {@code bake} takes it. */
  static final class Project {
    @Option(
        names = "--source",
        paramLabel = "DIR",
        description = "The project folder (with jbake.properties and content/). Default: .")
    Path source = Path.of(".");
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "say what to start: press new article|snippet|tip|issue");
  }

  @Command(
      name = "article",
      mixinStandardHelpOptions = true,
      description = "Starts an article in content/articles/<year>/, dated today.")
  int article(
      @Parameters(paramLabel = "TITLE", description = "The title; the file is named after it.") String title,
      @Mixin Project project) {
    return write("article", ContentTypes.POST, project, TITLED, steps -> Scaffold.article(title, today()));
  }

  @Command(
      name = "snippet",
      mixinStandardHelpOptions = true,
      description = "Starts an email template in content/snippets/, dated today.")
  int snippet(
      @Parameters(paramLabel = "TITLE", description = "The title; the file is named after it.") String title,
      @Option(names = "--step", paramLabel = "N",
          description = "The playbook step it serves (1 to the number of steps). Default: left empty, to choose"
              + " before publishing; the file lists the steps.") Integer step,
      @Mixin Project project) {
    return write("snippet", ContentTypes.SNIPPET, project, TITLED, steps -> {
      if (step != null && (step < 1 || step > steps.size())) {
        throw new IllegalArgumentException("--step must be a number from 1 to " + steps.size() + ", the playbook's steps");
      }
      return Scaffold.snippet(title, today(), steps, step);
    });
  }

  @Command(
      name = "tip",
      mixinStandardHelpOptions = true,
      description = "Starts a tip in content/tips/, dated today.")
  int tip(
      @Parameters(paramLabel = "TITLE", description = "The title; the file is named after it.") String title,
      @Mixin Project project) {
    return write("tip", ContentTypes.TIP, project, TITLED, steps -> Scaffold.tip(title, today()));
  }

  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = "Starts a newsletter issue in content/newsletter/<date>.md.")
  int issue(
      @Parameters(
              paramLabel = "yyyy-MM-dd",
              arity = "0..1",
              converter = DateConverter.class,
              description = "The send date. Default: the next Monday after today (a week on, if"
                  + " today is a Monday).")
          LocalDate date,
      @Mixin Project project) {
    LocalDate day = date != null ? date : Scaffold.nextIssueDate(today());
    String another = "edit that issue, or give another date: press new issue " + Scaffold.nextIssueDate(day);
    return write("issue", ContentTypes.ISSUE, project, another, steps -> Scaffold.issue(day));
  }

  private LocalDate today() {
    return LocalDate.now(main.clock());
  }

  /**
   * Writes the draft {@code maker} makes from the project's playbook steps (snippets list them).
   *
   * @param existsHint what to do when the file is already there
   */
  private int write(
      String kind, String type, Project project, String existsHint, Function<List<String>, Scaffold.Draft> maker) {
    Logging.configure(false);
    Path source = project.source;
    SiteProject site;
    try {
      site = SiteProject.load(source, source.resolve("target").resolve("site"));
    } catch (ContentException e) {
      e.diagnostics().forEach(d -> main.err().println(d.format()));
      return ExitCodes.CONTENT;
    }
    if (!site.types().contains(type)) {
      main.err().println(Diagnostic.error("jbake.properties", 0, 0,
          "this project has no '" + type + "' content type, so it has nowhere to put a new " + kind,
          "add 'template." + type + ".file=" + type + ".ftl' to jbake.properties, and that template to templates/").format());
      return ExitCodes.CONTENT;
    }
    Scaffold.Draft draft;
    try {
      draft = maker.apply(site.stepNames());
    } catch (IllegalArgumentException e) {
      CommandLine sub = spec.commandLine().getSubcommands().get(kind);
      throw new ParameterException(sub != null ? sub : spec.commandLine(), e.getMessage());
    }
    Path file = site.contentFolder().resolve(draft.path());
    String shown = site.source().relativize(file).toString().replace('\\', '/');
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      main.err().println(Diagnostic.error(shown, 0, 0, "cannot create its folder: " + reason(e),
          "check that every folder on the way is a folder, and writable").format());
      return ExitCodes.CONTENT;
    }
    try {
      create(file, draft.text());
    } catch (FileAlreadyExistsException e) {
      main.err().println(Diagnostic.error(shown, 0, 0,
          "already exists; press new never overwrites a file", existsHint).format());
      return ExitCodes.CONTENT;
    } catch (IOException e) {
      main.err().println(Diagnostic.error(shown, 0, 0, "cannot write the file: " + reason(e),
          "check that the folder is writable").format());
      return ExitCodes.CONTENT;
    }
    main.out().println(source.resolve(shown).normalize());
    return ExitCodes.OK;
  }

  /** What went wrong, without the exception's class name: "Permission denied", "Not a directory". */
  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " is a file, not a folder";
    }
    if (e instanceof FileSystemException f) {
      return f.getReason() != null ? f.getReason()
          : e instanceof AccessDeniedException ? "permission denied" : "failed on " + f.getFile();
    }
    return String.valueOf(e.getMessage());
  }

  /** Writes a file that must not exist yet; leaves nothing half-written behind on failure. */
  private static void create(Path file, String text) throws IOException {
    // CREATE_NEW checks and creates in one step: no window in which another file could appear.
    // Only once it has succeeded is the file ours to delete if writing fails.
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
    try (out) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
