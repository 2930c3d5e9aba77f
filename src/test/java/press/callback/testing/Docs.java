package press.callback.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Document;
import press.callback.content.DocumentReader;
import press.callback.content.FrontMatterParser;
import press.callback.content.UriScheme;
import press.callback.diag.ContentException;

/** Builds catalogs from in-memory files, for tests of the pure stages (no JBake, no disk). */
public final class Docs {
  private final List<Document> docs = new ArrayList<>();

  /** Adds {@code content/<contentPath>} with the given front matter lines and body. */
  public Docs add(String contentPath, String frontMatter, String body) {
    try {
      String path = "content/" + contentPath;
      var source = new FrontMatterParser().parse(path, "---\n" + frontMatter + "---\n" + body);
      docs.add(new DocumentReader(DocumentReader.Settings.defaults()).read(source, contentPath));
      return this;
    } catch (ContentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public Docs article(String slug, String date, String tags) {
    return add("articles/2026/" + slug + ".md",
        "title: " + slug + "\ndate: " + date + "\ntags: [" + tags + "]\n", "Text of " + slug + ".\n");
  }

  public Docs tip(String slug, String date) {
    return add("tips/" + slug + ".md", "title: Tip " + slug + "\ndate: " + date + "\n", "Do " + slug + ".\n");
  }

  /** A snippet's body that passes the reply gate, with {name} and {topic}. */
  public static final String EMAIL =
      "Hi {name},\n\nI read your note about {topic} last week and it made me think of a project we ran"
          + " this spring. We cut the time a new client waits for an answer from three days to one. I would"
          + " like to hear how your team handles it now, and share what worked for us.\n\n"
          + "Can we talk about {topic} for ten minutes this week?\n\nThanks\n\n## Why it works\n\nShort.\n";

  public Docs snippet(String slug, String date, int step) {
    return add("snippets/" + slug + ".md",
        "title: Snippet " + slug + "\ndate: " + date + "\nsubject: About {topic}\nuse_when: Always.\n"
            + "placeholders: [name, topic]\nstep: " + step + "\n",
        EMAIL);
  }

  public Docs issue(String date, String extraFrontMatter, String note) {
    return add("newsletter/" + date + ".md", "title: Issue " + date + "\ndate: " + date + "\n" + extraFrontMatter, note);
  }

  public Catalog catalog(LocalDate today) throws ContentException {
    return new CatalogBuilder(
            new CatalogBuilder.Settings(
                UriScheme.pretty(), List.of("One", "Two", "Three", "Four", "Five"), "tags", Set.of()))
        .build(docs, today);
  }
}
