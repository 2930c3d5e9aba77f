package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.ReaderSite;

/**
 * Whole-page screenshots for people to review, in {@code target/screenshots/}: the home page, an
 * article and an email template, on a 375-pixel phone and a 1280-pixel desktop, light and dark;
 * and search, as you type in the header and on the search page.
 */
@ExtendWith(NeedsChromium.class)
class ScreenshotIT {
  private static final Path FOLDER = Path.of("target", "screenshots");

  private static Browser browser;
  private static URI base;

  @BeforeAll
  static void start() {
    browser = Browser.start();
    base = ReaderSite.base();
    // overlay scrollbars, as on phones and most laptops: the page gets the screen's full width
    browser.cdp("Emulation.setScrollbarsHidden", Map.of("hidden", true));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void savesHomeArticleAndSnippetAtPhoneAndDesktopWidths() throws IOException {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    pages.put("article", ReaderSite.page("/archive/").select(".archive-list a").first().attr("href"));
    pages.put("snippet", ReaderSite.page("/snippets/").select(".step .card:not(.card--greeting) .card__title a").first().attr("href"));
    for (String scheme : new String[] {"light", "dark"}) {
      browser.colorScheme(scheme);
      for (int width : new int[] {375, 1280}) {
        browser.viewport(width, width < 600 ? 740 : 900, 1);
        for (Map.Entry<String, String> page : pages.entrySet()) {
          browser.open(base, page.getValue());
          Path file = FOLDER.resolve(page.getKey() + "-" + width + (scheme.equals("dark") ? "-dark" : "") + ".png");
          browser.screenshot(file);
          BufferedImage image = ImageIO.read(file.toFile());
          long pageHeight = browser.js("return document.documentElement.scrollHeight");
          assertThat(image.getWidth()).as(file.toString()).isEqualTo(width);
          assertThat(image.getHeight()).as(file + ": the whole page").isEqualTo((int) pageHeight);
        }
      }
    }
    browser.viewport(1280, 900, 1);
    browser.colorScheme("light");
  }

  @Test
  void savesSearchAsYouTypeAndTheSearchPage() throws IOException {
    for (int width : new int[] {375, 1280}) {
      browser.viewport(width, width < 600 ? 740 : 900, 1);
      browser.open(base, "/");
      WebElement box = browser.driver().findElement(By.cssSelector("header input[type=search]"));
      box.click();
      box.sendKeys("follow up");
      browser.waitFor("the results panel", d -> !browser.<Boolean>js("return document.querySelector('.search-suggest').hidden"));
      Path panel = FOLDER.resolve("search-box-" + width + ".png");
      browser.screenshot(panel);
      browser.open(base, "/search/?q=follow%20up");
      browser.waitFor("results", d -> browser.<Long>js("return document.querySelectorAll('#search-results li').length") > 0);
      Path page = FOLDER.resolve("search-page-" + width + ".png");
      browser.screenshot(page);
      for (Path file : new Path[] {panel, page}) {
        assertThat(ImageIO.read(file.toFile()).getWidth()).as(file.toString()).isEqualTo(width);
      }
    }
    browser.viewport(1280, 900, 1);
  }
}
