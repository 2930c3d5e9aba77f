package press.callback.content;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * How long one large content file takes to read and render, by shape of Markdown and size: the
 * benchmark of {@code bench/markdown.sh}. Not a test (a timed test fails on a busy machine); the
 * script prints what this measures, so a quadratic path shows as a tenfold size taking a hundred
 * times longer.
 *
 * <p>Usage: {@code MarkdownBench [MB ...]} (default 2 20).
 */
public final class MarkdownBench {
  private MarkdownBench() {}

  /** The shapes of Markdown measured: name and a generator of about {@code n} characters. */
  private record Shape(String name, IntFunction<String> make) {}

  private static final Shape[] SHAPES = {
    new Shape("mixed", MarkdownBench::mixed),
    new Shape("one-paragraph", n -> repeat("Words of one long paragraph, line after line,\n", n)),
    new Shape("one-line", n -> repeat("words on one line with a www.example.org link ", n)),
    new Shape("links", n -> repeat("See https://example.org/a, [b](https://example.org/b) and a@b.example.\n\n", n)),
    new Shape("headings", n -> repeat("## A heading {#id} with words\n\n", n)),
    new Shape("placeholders", n -> repeat("Dear {name}, about {topic_1} and {not closed\n", n)),
  };

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {2, 20} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    FrontMatterParser parser = new FrontMatterParser();
    DocumentReader reader = new DocumentReader(DocumentReader.Settings.defaults());
    BodyRenderer renderer = new BodyRenderer();
    // Warm the JIT on a small file of each shape first, as a bake's first files do.
    for (Shape shape : SHAPES) {
      time(parser, reader, renderer, shape.make().apply(200_000));
    }
    for (int mb : sizes) {
      for (Shape shape : SHAPES) {
        if (!shape.name().matches(System.getProperty("shape", ".*"))) {
          continue;
        }
        String body = shape.make().apply(mb * 1024 * 1024);
        double seconds = time(parser, reader, renderer, body);
        System.out.printf(Locale.ROOT, "markdown shape=%s size_mb=%d seconds=%.2f%n", shape.name(), mb, seconds);
      }
    }
  }

  private static double time(FrontMatterParser parser, DocumentReader reader, BodyRenderer renderer, String body) {
    String text = "---\ntitle: Big\ndate: 2026-01-01\n---\n" + body;
    long start = System.nanoTime();
    try {
      Document doc = reader.read(parser.parse("content/articles/2026/big.md", text), "articles/2026/big.md");
      Body rendered = renderer.render(doc);
      if (rendered.html().isEmpty()) {
        throw new IllegalStateException("nothing rendered");
      }
    } catch (press.callback.diag.ContentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static String repeat(String unit, int n) {
    return unit.repeat(Math.max(1, n / unit.length()));
  }

  /** Articles as they are written: headings, paragraphs with emphasis, code and links, lists. */
  private static String mixed(int n) {
    StringBuilder sb = new StringBuilder(n + 1024);
    for (int i = 0; sb.length() < n; i++) {
      sb.append("## Section ").append(i).append("\n\n")
          .append("A paragraph with *emphasis*, **strong** words, `code`, a [link](/articles/2026/x/)\n")
          .append("and \"quotes\" -- that wrap onto a second line... and end here.\n\n")
          .append("- one item\n- another item with https://example.org/page\n- a third\n\n")
          .append("> A quote of a reply.\n\n")
          .append("```\ncode block line\n```\n\n");
    }
    return sb.toString();
  }
}
