package press.callback.site.jbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.junit.jupiter.api.Test;

class PropertiesFileTest {
  private static final String TRICKY = String.join("\n",
      "# comment \\",
      "a=1",
      "  ! bang comment",
      "b = two \\",
      "    continued \\",
      "",
      "# a comment inside a continuation",
      "    still b",
      "c:3",
      "d\t4",
      "e\\=f=5",
      "g\\u0041h = 6",
      "\tindented.key=7",
      "double\\\\=8",
      "x\\",
      "   y=9",
      "k=v \\\\",
      "l=10",
      "m");

  /** The keys as JBake's reader (commons-configuration) finds them. */
  private static List<String> jbakeKeys(String text) throws IOException {
    List<String> keys = new ArrayList<>();
    try (PropertiesConfiguration.PropertiesReader reader = new PropertiesConfiguration.PropertiesReader(new StringReader(text))) {
      while (reader.nextProperty()) {
        keys.add(reader.getPropertyName());
      }
    }
    return keys;
  }

  @Test
  void findsTheKeysJbakeReadsAtTheirLines() throws IOException {
    List<PropertiesFile.Entry> entries = PropertiesFile.entries(TRICKY);

    assertThat(entries).extracting(PropertiesFile.Entry::key).containsExactlyElementsOf(jbakeKeys(TRICKY));
    assertThat(entries).extracting(PropertiesFile.Entry::key, PropertiesFile.Entry::line, PropertiesFile.Entry::keyColumn,
        PropertiesFile.Entry::valueColumn).containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 2, 1, 3),
            org.assertj.core.groups.Tuple.tuple("b", 4, 1, 5),
            org.assertj.core.groups.Tuple.tuple("c", 9, 1, 3),
            org.assertj.core.groups.Tuple.tuple("d", 10, 1, 3),
            org.assertj.core.groups.Tuple.tuple("e=f", 11, 1, 6),
            org.assertj.core.groups.Tuple.tuple("gAh", 12, 1, 12),
            org.assertj.core.groups.Tuple.tuple("indented.key", 13, 2, 15),
            org.assertj.core.groups.Tuple.tuple("double\\", 14, 1, 10),
            org.assertj.core.groups.Tuple.tuple("xy", 15, 1, 3),
            org.assertj.core.groups.Tuple.tuple("k", 17, 1, 3),
            org.assertj.core.groups.Tuple.tuple("l", 18, 1, 3),
            org.assertj.core.groups.Tuple.tuple("m", 19, 1, 2));
  }

  @Test
  void readsAFileThatEndsInTheMiddleOfALine() throws IOException {
    for (String text : List.of("a=1\nlast\\", "a=1\nb=2\\\n# comment\n", "a=\\\n\n\nb\\")) {
      assertThat(PropertiesFile.entries(text)).extracting(PropertiesFile.Entry::key).as(text)
          .containsExactlyElementsOf(jbakeKeys(text));
    }
  }

  @Test
  void readsWindowsAndOldMacLineEnds() throws IOException {
    String text = "a=1\r\nb=2\\\r\n  more\rc=3\r";

    assertThat(PropertiesFile.entries(text)).extracting(PropertiesFile.Entry::key, PropertiesFile.Entry::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("b", 2),
            org.assertj.core.groups.Tuple.tuple("c", 4));
    assertThat(PropertiesFile.entries(text)).extracting(PropertiesFile.Entry::key).containsExactlyElementsOf(jbakeKeys(text));
  }
}
