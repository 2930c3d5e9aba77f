package press.callback.site.jbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateHelpersTest {
  private final TemplateHelpers press =
      new TemplateHelpers("https://callback.press", Locale.US, ZoneOffset.UTC, LocalDate.of(2026, 11, 27));

  @Test
  void mailtoPercentEncodesEverythingButUnreservedCharacters() {
    assertThat(press.mailto("Quick call on {day_1}?", "Hi {name},\nQ&A: 50% off, a+b=c #1\n\nThanks"))
        .isEqualTo("mailto:?subject=Quick%20call%20on%20%7Bday_1%7D%3F"
            + "&body=Hi%20%7Bname%7D%2C%0D%0AQ%26A%3A%2050%25%20off%2C%20a%2Bb%3Dc%20%231%0D%0A%0D%0AThanks");
  }

  @Test
  void mailtoEncodesNonAsciiAsUtf8AndEveryLineBreakAsCrLf() {
    String link = press.mailto("Café – “offer”", "a\r\nb\rc\nd");
    assertThat(link).isEqualTo("mailto:?subject=Caf%C3%A9%20%E2%80%93%20%E2%80%9Coffer%E2%80%9D&body=a%0D%0Ab%0D%0Ac%0D%0Ad");
    assertThat(link).matches("[\\x21-\\x7e]+");
  }

  @Test
  void mailtoDecodesBackToSubjectAndBody() {
    String subject = "Re: 2 times? 100% sure & ready → {day}";
    String body = "Hi {name},\n\nLine one + two; üñí code.\n{your_name}";
    String link = press.mailto(subject, body);
    String query = link.substring("mailto:?".length());
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertThat(fields).containsExactly(
        Map.entry("subject", subject), Map.entry("body", body.replace("\n", "\r\n")));
  }

  @Test
  void jsonWritesObjectsArraysAndScalarsAndSkipsNulls() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@type", "Article");
    data.put("count", new BigDecimal("3"));
    data.put("ratio", 0.5);
    data.put("ok", true);
    data.put("missing", null);
    data.put("tags", List.of("email", "q&a"));
    data.put("list", Arrays.asList("a", null));
    assertThat(press.json(data))
        .isEqualTo("{\"@type\":\"Article\",\"count\":3,\"ratio\":0.5,\"ok\":true,"
            + "\"tags\":[\"email\",\"q\\u0026a\"],\"list\":[\"a\",null]}");
  }

  @Test
  void jsonCannotCloseTheScriptElementItSitsIn() {
    String json = press.json(Map.of("t", "</script><!-- \"x\" \\ \n\u2028"));
    assertThat(json).isEqualTo("{\"t\":\"\\u003c/script\\u003e\\u003c!-- \\\"x\\\" \\\\ \\n\\u2028\"}");
    assertThat(json).doesNotContain("<", ">");
  }
}
