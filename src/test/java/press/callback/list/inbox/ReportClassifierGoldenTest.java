package press.callback.list.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus of bounce mailbox messages (written here, shaped as Postfix, Exim, Exchange, Gmail and
 * Yahoo send them) against the golden table {@code inbox/golden.tsv}: one row per file, its
 * classification. An orphan file or an orphan row fails. {@code -Dgolden.update=true} rewrites the
 * table; the git diff is the review.
 */
class ReportClassifierGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/inbox");
  private static final Path CORPUS = ROOT.resolve("corpus");
  private static final Path GOLDEN = ROOT.resolve("golden.tsv");
  private static final String HEADER = "# file\tkind\tstatus\trecipient\tdetail\ttoken\tverp\toriginal\tkey";

  @Test
  void everyCorpusMessageIsClassifiedAsTheTableSays() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(CORPUS)) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(files::add);
    }
    assertThat(files).as("the corpus").isNotEmpty().allMatch(f -> f.endsWith(".eml"));
    Map<String, String> actual = new LinkedHashMap<>();
    for (String f : files) {
      actual.put(f, row(f, ReportClassifier.classify(Files.readAllBytes(CORPUS.resolve(f)))));
    }
    if (Boolean.getBoolean("golden.update")) {
      StringBuilder out = new StringBuilder(HEADER).append('\n');
      actual.values().forEach(r -> out.append(r).append('\n'));
      Files.writeString(GOLDEN, out, StandardCharsets.UTF_8);
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        expected.put(line.substring(0, line.indexOf('\t')), line);
      }
    }
    TreeSet<String> orphanRows = new TreeSet<>(expected.keySet());
    orphanRows.removeAll(actual.keySet());
    TreeSet<String> orphanFiles = new TreeSet<>(actual.keySet());
    orphanFiles.removeAll(expected.keySet());
    assertThat(orphanRows).as("rows of golden.tsv with no file in corpus/").isEmpty();
    assertThat(orphanFiles).as("files in corpus/ with no row in golden.tsv").isEmpty();
    for (String f : files) {
      assertEquals(expected.get(f), actual.get(f), CORPUS.resolve(f).toString());
    }
  }

  @Test
  void classifyingIsTheSameTheSecondTime() throws IOException {
    byte[] raw = Files.readAllBytes(CORPUS.resolve("gmail-dsn-address-not-found.eml"));
    assertThat(ReportClassifier.classify(raw)).isEqualTo(ReportClassifier.classify(raw));
  }

  static String row(String file, Classification c) {
    String verp = c.sentTo().stream().filter(a -> a.contains("+")).findFirst().orElse(null);
    return String.join("\t", file, c.kind().word(), dash(c.status()), dash(c.recipient()), dash(c.detail()),
        dash(c.token()), dash(verp), dash(c.originalMessageId()), c.key());
  }

  private static String dash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }
}
