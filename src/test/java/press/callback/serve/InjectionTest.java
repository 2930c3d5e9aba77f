package press.callback.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import press.callback.http.Json;

class InjectionTest {
  @Test
  void addsTheScriptBeforeTheLastBodyEnd() {
    String html = "<!doctype html><html><body><p>a</p><pre>&lt;/body&gt;</pre></BODY></html>";
    assertThat(Injection.inject(html, null))
        .isEqualTo("<!doctype html><html><body><p>a</p><pre>&lt;/body&gt;</pre>" + Injection.SCRIPT + "</BODY></html>");
  }

  @Test
  void appendsToAFragmentWithoutBody() {
    assertThat(Injection.inject("<p>x</p>", null)).isEqualTo("<p>x</p>" + Injection.SCRIPT);
  }

  @Test
  void marksAPreviewPageWithAnEscapedBanner() {
    String html = "<html><body class=\"post\"><h1>T</h1></body></html>";
    Document page = Jsoup.parse(Injection.inject(html, "Draft <not> published"));
    assertThat(page.body().child(0).id()).isEqualTo("press-preview-mark");
    assertThat(page.body().child(0).text()).isEqualTo("Draft <not> published (preview)");
    assertThat(page.select("h1").text()).isEqualTo("T");
    assertThat(page.select("script[src=/_press/live.js]")).hasSize(1);
  }

  @Test
  void escapesJsonStrings() {
    assertThat(Json.write("a \"b\"\\\n\u2028\u0001</script>")).isEqualTo("\"a \\\"b\\\"\\\\\\n\\u2028\\u0001\\u003c/script\\u003e\"");
    assertThat(Json.write(java.util.Map.of("build", 3L))).isEqualTo("{\"build\":3}");
  }
}
