package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.ReaderSite;

/**
 * Email templates in Chromium: the copy button puts exactly the email a reader sees on the
 * clipboard, the mailto link decodes back to the same subject and text, both from the keyboard,
 * and without JavaScript the link still works while the button is gone.
 */
@ExtendWith(NeedsChromium.class)
class SnippetCopyIT {
  private static Browser browser;
  private static URI base;

  @BeforeAll
  static void start() {
    browser = Browser.start();
    base = ReaderSite.base();
    String origin = base.toString().substring(0, base.toString().length() - 1);
    browser.cdp("Browser.grantPermissions", Map.of(
        "origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Every email template in the library, from its page (greetings are not emails). */
  private static List<String> snippets() {
    List<String> urls = ReaderSite.page("/snippets/").select(".step .card:not(.card--greeting) .card__title a").eachAttr("href");
    assertThat(urls).hasSizeGreaterThanOrEqualTo(10).contains(ReaderSite.CHARACTERS_SNIPPET);
    return urls;
  }

  /** The email as the page shows it: the subject line and the text, as the reader reads them. */
  private static Map<String, String> shown() {
    return browser.js("""
        const subject = document.querySelector('.email__subject').cloneNode(true);
        subject.querySelector('.email__label').remove();
        return {subject: subject.textContent.trim(),
                body: document.querySelector('.email__body').innerText.trim()};""");
  }

  private static String clipboard() {
    return browser.jsAsync("""
        const done = arguments[arguments.length - 1];
        navigator.clipboard.readText().then(done, e => done('clipboard error: ' + e));""");
  }

  private static void emptyClipboard() {
    browser.jsAsync("""
        const done = arguments[arguments.length - 1];
        navigator.clipboard.writeText('(empty)').then(() => done(null), e => done(String(e)));""");
  }

  @Test
  void copyPutsTheSubjectAndTheEmailAsShownOnTheClipboard() {
    for (String url : snippets()) {
      browser.open(base, url);
      emptyClipboard();
      Map<String, String> email = shown();
      WebElement button = browser.driver().findElement(By.cssSelector("button.copy-button"));
      assertThat(button.getText()).as(url).isEqualTo("Copy email");
      button.click();
      browser.waitFor("the copy confirmation on " + url, d -> button.getText().equals("Copied ✓"));
      assertThat(clipboard()).as(url)
          .isEqualTo("Subject: " + email.get("subject") + "\n\n" + email.get("body"))
          .contains("{");
      String status = browser.js("return document.querySelector('.email-actions [role=status]').textContent");
      assertThat(status).as(url).startsWith("Copied the subject and the email.");
    }
  }

  @Test
  void aGreetingIsCopiedAloneWithoutASubjectOrAnEmailLink() {
    List<String> greetings = ReaderSite.page("/snippets/").select(".step .card--greeting .card__title a").eachAttr("href");
    assertThat(greetings).containsExactly("/snippets/voice-mail-greeting/");
    browser.open(base, greetings.get(0));
    emptyClipboard();
    assertThat(browser.driver().findElements(By.cssSelector(".email__subject"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(".email-actions a[href^=\"mailto:\"]"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(".reply-score"))).isEmpty();
    String text = browser.js("return document.querySelector('.email__body').innerText.trim()");
    WebElement button = browser.driver().findElement(By.cssSelector("button.copy-button"));
    assertThat(button.getText()).isEqualTo("Copy greeting");
    button.click();
    browser.waitFor("the copy confirmation", d -> button.getText().equals("Copied ✓"));
    assertThat(clipboard()).startsWith("Hi, you have reached {your_name}").doesNotContain("Subject:")
        .isEqualToIgnoringWhitespace(text);
    String status = browser.js("return document.querySelector('.email-actions [role=status]').textContent");
    assertThat(status).startsWith("Copied the greeting.");
  }

  @Test
  void mailtoLinkDecodesToTheSubjectAndTheEmailAsShown() {
    for (String url : snippets()) {
      browser.open(base, url);
      Map<String, String> email = shown();
      Map<String, String> link = browser.js("""
          const a = document.querySelector('.email-actions a[href^="mailto:"]');
          const query = a.getAttribute('href').slice('mailto:?'.length);
          const fields = {raw: query};
          for (const pair of query.split('&')) {
            const [key, value] = pair.split('=');
            fields[key] = decodeURIComponent(value);
          }
          return fields;""");
      assertThat(link.get("raw")).as(url).matches("subject=[A-Za-z0-9._~%-]*&body=[A-Za-z0-9._~%-]*");
      assertThat(link.get("subject")).as(url).isEqualTo(email.get("subject"));
      assertThat(link.get("body")).as(url).isEqualTo(email.get("body").replace("\n", "\r\n"));
      assertThat(link.get("body")).as(url).doesNotContain("\r\n\r\n\r\n").doesNotMatch("(?s).*[^\r]\n.*");
    }
  }

  @Test
  void theAddedTemplateKeepsEveryCharacterThatNeedsEncoding() {
    browser.open(base, ReaderSite.CHARACTERS_SNIPPET);
    Map<String, String> email = shown();
    assertThat(email.get("subject")).isEqualTo("Q&A #2: 100% sure? {topic} + café = déjà vu");
    assertThat(email.get("body")).isEqualTo("""
        Hi {name},

        Fish & chips? 50% off, a+b=c, #1 on the list; naïve “quotes” — and €5.
        This line follows a single line break.

        The rest is here so the template passes the reply gate of the library: a real email
        template has fifty words or more, and so does this one, even in a test.

        Ask about {topic}?

        {your_name}""");
    String href = browser.js("return document.querySelector('.email-actions a').getAttribute('href')");
    assertThat(href).contains("Q%26A%20%232%3A%20100%25%20sure%3F%20%7Btopic%7D%20%2B%20caf%C3%A9",
        "Fish%20%26%20chips%3F%2050%25%20off%2C%20a%2Bb%3Dc%2C%20%231", "%E2%82%AC5.%0D%0AThis%20line");
  }

  @Test
  void copyButtonAndMailtoLinkWorkFromTheKeyboard() {
    browser.open(base, ReaderSite.CHARACTERS_SNIPPET);
    emptyClipboard();
    Map<String, String> email = shown();
    browser.js("document.activeElement.blur(); document.querySelector('.placeholders').scrollIntoView();");
    Actions keys = new Actions(browser.driver());
    String focused = "";
    for (int i = 0; i < 40 && !focused.equals("copy"); i++) {
      keys.sendKeys(Keys.TAB).perform();
      focused = browser.js("return document.activeElement.classList.contains('copy-button') ? 'copy' : ''");
    }
    assertThat(focused).as("Tab reaches the copy button").isEqualTo("copy");
    keys.sendKeys(Keys.ENTER).perform();
    browser.waitFor("the copy confirmation", d -> "Copied ✓".equals(browser.js("return document.activeElement.textContent")));
    assertThat(clipboard()).isEqualTo("Subject: " + email.get("subject") + "\n\n" + email.get("body"));
    emptyClipboard();
    keys.sendKeys(Keys.SPACE).perform();
    browser.waitFor("the clipboard after Space", d -> !clipboard().equals("(empty)"));
    assertThat(clipboard()).startsWith("Subject: ");
    keys.sendKeys(Keys.TAB).perform();
    String next = browser.js("return document.activeElement.getAttribute('href') || ''");
    assertThat(next).as("the next Tab stop is the mailto link").startsWith("mailto:?subject=");
  }

  @Test
  void withoutJavaScriptTheLinkStaysAndTheButtonGoes() {
    try {
      browser.javascript(false);
      browser.open(base, ReaderSite.CHARACTERS_SNIPPET);
      assertThat(browser.driver().findElement(By.cssSelector("button.copy-button")).isDisplayed()).isFalse();
      WebElement link = browser.driver().findElement(By.cssSelector(".email-actions a"));
      assertThat(link.isDisplayed()).isTrue();
      assertThat(link.getDomAttribute("href")).startsWith("mailto:?subject=Q%26A");
    } finally {
      browser.javascript(true);
    }
    browser.open(base, ReaderSite.CHARACTERS_SNIPPET);
    assertThat(browser.driver().findElement(By.cssSelector("button.copy-button")).isDisplayed()).isTrue();
  }
}
