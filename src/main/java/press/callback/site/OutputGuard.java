package press.callback.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.site.jbake.SiteProject;

/**
 * Refuses output folders that a bake would destroy something with. A bake replaces each output
 * folder whole, so an output must not be, hold or lie inside the project's sources (content,
 * templates, assets, data) or its state ({@code .press/}: ledgers, the list), must not be or hold
 * the project folder, must not overlap another output or lie inside one, and must not be a file or
 * a folder of someone else's: an existing folder that is not
 * empty is replaced only if an earlier bake made it (it holds {@value OutputFolder#MARK}) or it
 * lies in the project's {@code target/}, which holds only what a build makes.
 *
 * <p>Paths are compared as the file system resolves them (symbolic links followed), so a link to
 * {@code content/} is refused like {@code content/} itself.
 */
public final class OutputGuard {
  private OutputGuard() {}

  /**
   * The problems with a bake's output folders (see {@link #check}): the command line checks them
   * first, to refuse as a usage error, and the bake refuses them again.
   */
  public static List<Diagnostic> problems(SiteBaker.Request request, String siteOption, String newsletterOption) {
    SiteProject project;
    try {
      project = SiteProject.load(request.source(), request.output());
    } catch (ContentException e) {
      project = null; // the bake reports why; guard JBake's default folders meanwhile
    }
    return problems(request, project, siteOption, newsletterOption);
  }

  static List<Diagnostic> problems(
      SiteBaker.Request request, SiteProject project, String siteOption, String newsletterOption) {
    Path source = request.source();
    Map<String, Path> sources = new LinkedHashMap<>();
    if (project != null) {
      List<String> names = List.of("content", "templates", "assets", "data");
      List<Path> folders = project.sourceFolders();
      for (int i = 0; i < names.size(); i++) {
        sources.put(names.get(i), folders.get(i));
      }
    } else {
      for (String name : List.of("content", "templates", "assets", "data")) {
        sources.put(name, source.resolve(name));
      }
    }
    sources.put(".press", source.resolve(".press")); // the send ledgers and the list: never replaced
    return check(source, sources,
        List.of(Map.entry(siteOption, request.output()), Map.entry(newsletterOption, request.newsletterOutput())));
  }

  /**
   * The problems with baking {@code source} into {@code outputs}, as usage errors whose path is
   * the option that named the folder.
   *
   * @param sources the project's source folders by name ({@code content}, {@code templates}, …)
   * @param outputs the output folders by the option that names them ({@code --output}, …)
   */
  public static List<Diagnostic> check(Path source, Map<String, Path> sources, List<Map.Entry<String, Path>> outputs) {
    Path root = real(source);
    Path target = real(source.resolve("target"));
    Map<String, Path> folders = new LinkedHashMap<>();
    sources.forEach((name, folder) -> folders.put(name, real(folder)));
    List<Diagnostic> problems = new ArrayList<>();
    List<Map.Entry<String, Path>> seen = new ArrayList<>();
    for (Map.Entry<String, Path> o : outputs) {
      String option = o.getKey();
      Path out = real(o.getValue());
      String shown = o.getValue().toString();
      String problem = sourceProblem(out, root, folders);
      String hint = "choose a folder outside the sources, such as one in the project's target/ (the default)";
      for (Map.Entry<String, Path> other : seen) {
        if (problem == null && overlaps(out, other.getValue())) {
          problem = out.equals(other.getValue())
              ? "is also the folder of " + other.getKey()
              : (out.startsWith(other.getValue()) ? "lies inside " : "holds ") + "the folder of " + other.getKey()
                  + " (" + other.getValue() + ")";
          hint = "give " + other.getKey() + " and " + option + " two folders apart, neither inside the other"
              + " (by default target/site and target/newsletter)";
        }
      }
      if (problem == null) {
        problem = insideAnOutput(out);
      }
      if (problem == null) {
        problem = foreignProblem(out, target);
        hint = "choose a new or empty folder, or empty this one if nothing in it matters"
            + " (press marks the folders it makes with " + OutputFolder.MARK + ")";
      }
      if (problem != null) {
        problems.add(Diagnostic.error(option, 0, 0, shown + " " + problem
                + ": a bake replaces its output folder whole, so it would be lost", hint));
      }
      seen.add(Map.entry(option, out));
    }
    return problems;
  }

  private static String sourceProblem(Path out, Path root, Map<String, Path> folders) {
    if (out.equals(root)) {
      return "is the project folder";
    }
    if (root.startsWith(out)) {
      return "holds the project folder (" + root + ")";
    }
    for (Map.Entry<String, Path> f : folders.entrySet()) {
      Path folder = f.getValue();
      if (out.equals(folder)) {
        return "is the project's " + f.getKey() + " folder";
      }
      if (out.startsWith(folder)) {
        return "lies inside the project's " + f.getKey() + " folder (" + folder + ")";
      }
      if (folder.startsWith(out)) {
        return "holds the project's " + f.getKey() + " folder (" + folder + ")";
      }
    }
    return null;
  }

  private static String foreignProblem(Path out, Path target) {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (!Files.isDirectory(out)) {
      return "is a file, not a folder";
    }
    if (Files.exists(out.resolve(OutputFolder.MARK), LinkOption.NOFOLLOW_LINKS)
        || (out.startsWith(target) && !out.equals(target))) {
      return null;
    }
    try (Stream<Path> children = Files.list(out)) {
      if (children.findAny().isEmpty()) {
        return null;
      }
    } catch (IOException e) {
      return "cannot be read (" + e.getMessage() + ")";
    }
    return "holds files that no bake made (it has no " + OutputFolder.MARK + ")";
  }

  /**
   * A folder inside another bake's output (one that holds the mark) is replaced with it, and
   * published with it: the dev server's drafts must not end up in the site to publish.
   */
  private static String insideAnOutput(Path out) {
    for (Path p = out.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(OutputFolder.MARK), LinkOption.NOFOLLOW_LINKS)) {
        return "lies inside " + p + ", the output folder of another bake (it holds " + OutputFolder.MARK + ")";
      }
    }
    return null;
  }

  private static boolean overlaps(Path a, Path b) {
    return a.startsWith(b) || b.startsWith(a);
  }

  /**
   * The path as the file system resolves it: the real path of its longest existing beginning
   * (symbolic links followed), then the rest of its names.
   */
  static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}
