package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.cli.ExitCodes;
import press.callback.diag.Diagnostic;
import press.callback.testing.Press;
import press.callback.testing.TestSite;

/**
 * Issue 14, items 1, 4, 8 and 13: output folders never overlap the sources, nothing outside the
 * project is published, the site and newsletter are swapped in together or not at all, and the
 * folders a bake makes are readable by others as the umask allows.
 */
class OutputSafetyTest {
  @TempDir Path tmp;
  private boolean froze;

  /** Whatever a test made immutable (wherever the bake moved it), so that the folder can be deleted. */
  @AfterEach
  void thaw() throws Exception {
    if (froze) {
      chattr("-R", "-i", tmp.toString());
    }
  }

  /** Item 1: every way of pointing an output at the sources is refused (exit 2), and nothing is touched. */
  @Test
  void refusesOutputInsideSources() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Files.createDirectories(project.resolve("data"));
    Map<String, String> before = TestSite.tree(project);
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-content"), project.resolve("content"));
    List<List<String>> refused = List.of(
        List.of("--output", "."),
        List.of("--output", "content"),
        List.of("--output", "templates"),
        List.of("--output", "assets"),
        List.of("--output", "data"),
        List.of("--output", "content/site"),
        List.of("--output", "assets/css/site"),
        List.of("--output", ".."),
        List.of("--output", "/"),
        List.of("--output", link.toString()),
        List.of("--output", "jbake.properties"),
        List.of("--newsletter-output", "content"),
        List.of("--newsletter-output", "templates/email"),
        List.of("--output", "target/x", "--newsletter-output", "target/x"),
        List.of("--output", "target/x", "--newsletter-output", "target/x/news"),
        List.of("--output", "target/x/site", "--newsletter-output", "target/x"));
    for (String command : List.of("bake", "check")) {
      for (List<String> options : refused) {
        List<String> args = new ArrayList<>(List.of(command, "--source", project.toString(), "--today", "2026-11-27"));
        options.forEach(o -> args.add(o.startsWith("--") || o.startsWith("/") ? o : project.resolve(o).toString()));
        Press.Run run = Press.run(Map.of(), args.toArray(String[]::new));
        assertThat(run.exit()).as(command + " " + options + "\n" + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as(command + " " + options).contains("error: ").contains("a bake replaces its output folder whole")
            .doesNotContain("Exception");
        assertThat(TestSite.tree(project)).as(command + " " + options).isEqualTo(before);
      }
    }
    // the serve command's one folder holds both outputs
    Press.Run serve = Press.run(Map.of(), "serve", "--source", project.toString(), "--port", "0",
        "--output", project.resolve("content").toString());
    assertThat(serve.exit()).as(serve.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(serve.err()).contains("--output: error: ").contains("lies inside the project's content folder");
    assertThat(TestSite.tree(project)).isEqualTo(before);
  }

  /**
   * Item 1, found under attack: the state folder (.press/: ledgers, the list), a folder inside
   * another bake's output, and serve's site folder reached through a link are refused too.
   */
  @Test
  void refusesStateOtherOutputsAndServesLinkedSiteFolder() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve(".press/ledger/2026-11-30.pickup.log"), "sent\tsam@example.org\n");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
    for (List<String> options : List.of(List.of("--output", ".press"), List.of("--output", ".press/site"),
        List.of("--output", "target/site/preview"), List.of("--newsletter-output", "target/site/news"))) {
      List<String> args = new ArrayList<>(List.of("bake", "--source", project.toString()));
      args.add(options.get(0));
      args.add(project.resolve(options.get(1)).toString());
      Press.Run run = Press.run(Map.of(), args.toArray(String[]::new));
      assertThat(run.exit()).as(options + run.err()).isEqualTo(ExitCodes.USAGE);
    }
    assertThat(TestSite.read(project.resolve(".press/ledger/2026-11-30.pickup.log"))).contains("sam@example.org");

    Path preview = Files.createDirectories(tmp.resolve("preview"));
    Files.createSymbolicLink(preview.resolve("site"), project.resolve("content"));
    Press.Run serve = Press.run(Map.of(), "serve", "--source", project.toString(), "--port", "0",
        "--output", preview.toString());
    assertThat(serve.exit()).as(serve.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(serve.err()).contains("--output: error: " + preview.resolve("site") + " is the project's content folder");
  }

  /** Item 1, found under attack: an output that is a link is baked where it leads, the link kept. */
  @Test
  void outputThatIsALinkIsBakedWhereItLeads() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Path www = Files.createDirectories(tmp.resolve("www"));
    Path link = Files.createSymbolicLink(tmp.resolve("site-link"), www);
    Press.Run run = Press.run(Map.of(), "bake", "--source", project.toString(), "--output", link.toString(),
        "--newsletter-output", tmp.resolve("news").toString(), "--today", "2026-11-27");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(www.resolve("index.html")).exists();
  }

  /** Item 1, the same mechanism: a folder of the user's that no bake made is never replaced. */
  @Test
  void refusesToReplaceAFolderNoBakeMade() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Path documents = tmp.resolve("documents");
    TestSite.write(documents.resolve("letter.txt"), "Dear Sam,\n");
    Path notes = tmp.resolve("notes.txt");
    TestSite.write(notes, "mine\n");

    Press.Run run = Press.run(Map.of(), "bake", "--source", project.toString(), "--output", documents.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("holds files that no bake made");
    run = Press.run(Map.of(), "bake", "--source", project.toString(), "--output", notes.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("is a file, not a folder");
    assertThat(TestSite.read(documents.resolve("letter.txt"))).isEqualTo("Dear Sam,\n");
    assertThat(TestSite.read(notes)).isEqualTo("mine\n");

    // an empty folder, a new one, and a folder an earlier bake made are fine
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path site = tmp.resolve("www/site");
    for (Path out : List.of(empty, site, site)) {
      run = Press.run(Map.of(), "bake", "--source", project.toString(), "--output", out.toString(), "--today", "2026-11-27");
      assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    }
    assertThat(site.resolve(OutputFolder.MARK)).exists();
    assertThat(site.resolveSibling("newsletter").resolve(OutputFolder.MARK)).exists();
  }

  /**
   * Item 4: a link in content/ or assets/ to a place outside the project, to a folder of the
   * project that is not a source (.press/ holds the ledgers' addresses), or back to a folder that
   * holds it (a copy that never ends) fails the bake and publishes nothing.
   */
  @Test
  void symlinksOutOfTheProjectAreNotPublished() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Path secrets = Files.createDirectories(tmp.resolve("secrets"));
    TestSite.write(secrets.resolve("shadow"), "root:$6$secret\n");
    TestSite.write(secrets.resolve("page.md"), "---\ntitle: Secret\n---\n\nroot:$6$secret\n");
    TestSite.write(project.resolve(".press/ledger/2026-11-30.pickup.log"), "sent\tsam@example.org\n");
    Files.createSymbolicLink(project.resolve("assets/etc"), secrets);
    Files.createSymbolicLink(project.resolve("assets/hostname"), secrets.resolve("shadow"));
    Files.createSymbolicLink(project.resolve("content/secret.md"), secrets.resolve("page.md"));
    Files.createSymbolicLink(project.resolve("assets/state"), project.resolve(".press"));
    Files.createSymbolicLink(project.resolve("assets/loop"), project.resolve("assets"));
    Files.createSymbolicLink(project.resolve("assets/up"), project);
    Files.createSymbolicLink(project.resolve("content/up"), Path.of(".."));
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("assets/etc", "symbolic link to " + secrets.toRealPath() + ", outside the project: it would be published"),
            tuple("assets/hostname", "symbolic link to " + secrets.resolve("shadow").toRealPath()
                + ", outside the project: it would be published"),
            tuple("content/secret.md", "symbolic link to " + secrets.resolve("page.md").toRealPath()
                + ", outside the project: it would be published"),
            tuple("assets/state", "symbolic link to " + project.resolve(".press").toRealPath()
                + ", outside the project's content, templates, assets and data: it would be published"),
            tuple("assets/loop", "symbolic link to " + project.resolve("assets").toRealPath()
                + ", a folder that holds the link: copying it would never end"),
            tuple("assets/up", "symbolic link to " + project.toRealPath()
                + ", a folder that holds the link: copying it would never end"),
            tuple("content/up", "symbolic link to " + project.toRealPath()
                + ", a folder that holds the link: copying it would never end"));
    assertThat(site.getParent()).as("no staging folder left").doesNotExist();

    // links from one source folder into another are followed as before
    for (String name : List.of("assets/etc", "assets/hostname", "content/secret.md", "assets/state", "assets/loop",
        "assets/up", "content/up")) {
      Files.delete(project.resolve(name));
    }
    TestSite.write(project.resolve("assets/shared/note.txt"), "shared\n");
    Files.createSymbolicLink(project.resolve("content/shared"), project.resolve("assets/shared"));
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    assertThat(TestSite.read(site.resolve("shared/note.txt"))).isEqualTo("shared\n");
  }

  /**
   * The README's promise that drafts never reach the site: an editor's backup of a draft
   * ({@code post.md~}) held its whole text and was copied into the site as a file of content/.
   */
  @Test
  void editorsLeftoversAreNeverPublished() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    String draft = "---\ntitle: Secret plan\ndate: 2026-11-01\nstatus: draft\n---\n\nThe secret plan.\n";
    Path articles = project.resolve("content/articles/2026");
    for (String name : List.of("plan.md", "plan.md~", "#plan.md#", ".plan.md.swp", "plan.md.bak", "plan.md.orig",
        ".#plan.md", "4913", ".DS_Store", "plan.md.save", "~$plan.docx")) {
      TestSite.write(articles.resolve(name), draft);
    }
    TestSite.write(project.resolve("assets/css/site.css~"), "old css");
    TestSite.write(articles.resolve("chart.csv"), "month,replies\n"); // a file of content/: published
    TestSite.write(project.resolve("content/.well-known/security.txt"), "Contact: mailto:me@example.org\n");
    Path site = tmp.resolve("out/site");

    assertThat(TestSite.bake(project, site).ok()).isTrue();

    try (Stream<Path> files = Files.walk(site)) {
      assertThat(files.filter(Files::isRegularFile).map(TestSite::read))
          .noneMatch(text -> text.contains("secret plan")).noneMatch(text -> text.equals("old css"));
    }
    assertThat(site.resolve("articles/2026/chart.csv")).hasContent("month,replies");
    assertThat(site.resolve(".well-known/security.txt")).exists();
    assertThat(site.resolve("css/site.css")).exists();
  }

  /**
   * Drafts never reach the site, whatever the markup: JBake's own engines read .adoc and .yml
   * documents past press's checks (a draft .adoc was published, or failed a template with a
   * misleading error), so such files are refused at their path.
   */
  @Test
  void documentsPressDoesNotReadAreRefused() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/articles/2026/plan.adoc"),
        "= Secret plan\n:jbake-type: post\n:jbake-status: draft\n:jbake-date: 2026-11-01\n\nThe secret plan.\n");
    TestSite.write(project.resolve("content/notes.yml"), "title: Notes\nstatus: draft\ntype: page\n");
    TestSite.write(project.resolve("content/articles/2026/plan.MD"), "---\ntitle: Plan\nstatus: draft\n---\n\nThe secret plan.\n");
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).extracting(Diagnostic::path, Diagnostic::message).containsExactly(
        tuple("content/articles/2026/plan.MD", "the extension .MD is not in lower case: JBake would publish the file"
            + " as it is, front matter and all, drafts too"),
        tuple("content/articles/2026/plan.adoc", "press reads documents written in Markdown (.md, .markdown) or HTML"
            + " (.html, .htm), not .adoc: JBake would render this file past press's checks (drafts and dates included)"),
        tuple("content/notes.yml", "press reads documents written in Markdown (.md, .markdown) or HTML"
            + " (.html, .htm), not .yml: JBake would render this file past press's checks (drafts and dates included)"));
    assertThat(site).doesNotExist();
  }

  /** Item 8: when the newsletter cannot be replaced, the site is not replaced either, and the message is true. */
  @Test
  void siteAndNewsletterAreSwappedTogetherOrNotAtAll() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("out/site");
    Path newsletter = tmp.resolve("out/newsletter");
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    Map<String, String> siteBefore = TestSite.tree(site);
    Map<String, String> mailBefore = TestSite.tree(newsletter);
    TestSite.write(project.resolve("content/about.md"), "---\ntitle: About us\nsummary: Who.\n---\n\nChanged.\n");
    makeImmutable(newsletter); // cannot be renamed, even by root

    Press.Run run = Press.run(Map.of(), "bake", "--source", project.toString(), "--output", site.toString(),
        "--today", "2026-11-27");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.CONTENT);
    assertThat(run.err()).contains("cannot put the new site and newsletter in place")
        .contains(site + " and " + newsletter + " were left as they were");
    assertThat(TestSite.tree(site)).isEqualTo(siteBefore);
    assertThat(TestSite.tree(newsletter)).isEqualTo(mailBefore);
    assertThat(names(site.getParent())).containsExactly(".press-output.lock", "newsletter", "site");
  }

  /** Item 8: a previous site that cannot be deleted (an immutable folder in it) does not undo a good bake. */
  @Test
  void undeletablePreviousSiteIsAWarningNotAFailure() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("out/site");
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    makeImmutable(site.resolve("tips"));
    TestSite.write(project.resolve("content/about.md"), "---\ntitle: About us\nsummary: Who.\n---\n\nChanged.\n");

    Press.Run run = Press.run(Map.of(), "bake", "--source", project.toString(), "--output", site.toString(),
        "--today", "2026-11-27");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(TestSite.read(site.resolve("about/index.html"))).contains("Changed.");
    assertThat(run.err()).contains("warning: the new site and newsletter are in place, but this copy of the previous"
        + " one could not be deleted");
    String leftover = names(site.getParent()).stream().filter(n -> n.startsWith(".press-old-")).findFirst().orElseThrow();
    assertThat(run.err()).contains(site.resolveSibling(leftover).toString());
  }

  /**
   * Item 8: what killed or interrupted bakes leave beside the outputs (staging folders, previous
   * outputs moved aside) is deleted by the next bake, but a staging folder a running bake holds.
   */
  @Test
  void leftoversOfStoppedBakesAreDeletedButNotAFolderInUse() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("out/site");
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    Path out = site.getParent();
    TestSite.write(out.resolve(".press-baking-0a1b2c/" + OutputFolder.MARK), "mark\n"); // its bake was killed
    TestSite.write(out.resolve(".press-baking-0a1b2c/index.html"), "half a site");
    TestSite.write(out.resolve(".press-old-0a1b2c/index.html"), "the site before");
    TestSite.write(out.resolve(".site.baking-12345/index.html"), "left by the version before");
    Files.setLastModifiedTime(out.resolve(".site.baking-12345"), java.nio.file.attribute.FileTime.fromMillis(0));
    TestSite.write(out.resolve(".press-baking-beef/" + OutputFolder.MARK), "mark\n");
    TestSite.write(out.resolve("notes.txt"), "mine\n");
    try (var held = java.nio.channels.FileChannel.open(out.resolve(".press-baking-beef/" + OutputFolder.MARK),
        java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
        var lock = held.lock()) { // a bake at work
      assertThat(TestSite.bake(project, site).ok()).isTrue();
      assertThat(names(out)).containsExactly(".press-baking-beef", ".press-output.lock", "newsletter", "notes.txt", "site");
    }
  }

  /** Item 13: the site and newsletter folders get the umask's permissions, not a temporary folder's 0700. */
  @Test
  void outputFoldersHonourTheUmask() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("out/site");
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    // what this process's umask gives a new folder (022 gives rwxr-xr-x)
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe")));
    assertThat(expected).as("the umask lets others read").contains(PosixFilePermission.OTHERS_READ);
    for (Path folder : List.of(site, site.resolveSibling("newsletter"), site.resolve("tips"))) {
      assertThat(Files.getPosixFilePermissions(folder)).as(folder.toString()).isEqualTo(expected);
    }
    // a copied asset too, whatever the source's own mode (found under attack: a 0600 asset stayed 0600)
    Files.setPosixFilePermissions(project.resolve("assets/css/site.css"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe.txt")));
    assertThat(Files.getPosixFilePermissions(site.resolve("css/site.css"))).isEqualTo(file);
  }

  private void makeImmutable(Path folder) throws Exception {
    froze = true;
    assumeTrue(chattr("+i", folder.toString()) == 0, "chattr +i is not allowed here (needs root and ext4)");
  }

  private static int chattr(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("chattr"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
