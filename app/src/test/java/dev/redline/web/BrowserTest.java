package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * End-to-end in a real headless Chromium (Debian's, through its chromedriver): a reader's path
 * from the home page to an article, a diff, the view toggle and the Atom feed, with screenshots in
 * {@code app/target/screenshots/}. Skipped only when Chromium is absent and {@code CI} is unset.
 */
class BrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;

    static WebFixture web;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(CHROMIUM.canExecute() || System.getenv("CI") != null,
                "Skipping browser tests: /usr/bin/chromium is not installed (apt-get install chromium chromium-driver)");
        web = WebFixture.seeded(dir.resolve("store"), WebServer.Options.defaults());
        Files.createDirectories(dir.resolve("profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void readerGoesFromHomeToArticleToDiffTogglesTheViewAndFollowsTheFeed() throws IOException {
        browser.get(web.base() + "/");
        assertThat(browser.getTitle()).contains("Latest changes");
        assertThat(browser.findElement(By.cssSelector("p.summary")).getText())
                .contains("Currently monitoring 3 articles with 7 versions");
        screenshot("home");

        browser.findElement(By.linkText("Council approves harbour bridge")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/diff/1/2");
        browser.findElement(By.cssSelector("p.crumbs a")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/articles/" + web.bridge.id());
        assertThat(browser.findElement(By.cssSelector("p.summary")).getText()).contains("changed 2 times");
        assertThat(browser.findElements(By.cssSelector("table.versions tbody tr"))).hasSize(3);
        screenshot("article");

        browser.findElement(By.cssSelector("table.versions tbody tr:nth-child(2) a[href$='/diff/0/1']")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/articles/" + web.bridge.id() + "/diff/0/1");
        assertThat(browser.findElements(By.cssSelector("table.side-by-side"))).hasSize(1);
        List<WebElement> inserted = browser.findElements(By.cssSelector("td.new ins"));
        assertThat(inserted).isNotEmpty();
        assertThat(inserted.getFirst().isDisplayed()).isTrue();
        screenshot("diff-side-by-side");

        browser.findElement(By.linkText("Inline")).click();
        assertThat(browser.getCurrentUrl()).endsWith("?view=inline");
        assertThat(browser.findElements(By.cssSelector("table.side-by-side"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".inline-diff p.op"))).isNotEmpty();
        screenshot("diff-inline");

        browser.findElement(By.linkText("Next change →")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/diff/1/2?view=inline");
        assertThat(browser.findElements(By.cssSelector(".op.moved-away"))).isNotEmpty();
        browser.findElement(By.linkText("Side by side")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/diff/1/2");
        screenshot("diff-moved");

        String feedHref = browser.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
                .getDomAttribute("href");
        assertThat(feedHref).isEqualTo("/articles/" + web.bridge.id() + "/changes.atom");
        browser.findElement(By.linkText("All versions of this article")).click();
        browser.findElement(By.linkText("Atom feed of its changes")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(web.base() + feedHref);
        assertThat(browser.getPageSource()).contains("/articles/" + web.bridge.id() + "/diff/1/2");
    }

    @Test
    void hostileHeadlineAndBodyAreShownAsTextNotRun() throws IOException {
        browser.get(web.base() + "/articles/" + web.hostile.id() + "/diff/0/1");
        // Had the script run, the title would read just "owned"; shown as text, it is part of the title.
        assertThat(browser.getTitle()).isNotEqualTo("owned").startsWith("Changes to Mayor <script>");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main b"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("h1.diff-title")).getText())
                .contains("<script>document.title='owned'</script>").contains("<b>resigns</b>");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("<img src=x onerror=alert(1)>");
        screenshot("hostile");
    }

    @Test
    void diffPageFitsAPhoneScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(web.base() + "/articles/" + web.bridge.id() + "/diff/0/1");
            Long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).isLessThanOrEqualTo(390L);
            screenshot("diff-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void aVersionPageReadsOnItsOwn() throws IOException {
        browser.get(web.base() + "/articles/" + web.bridge.id() + "/versions/2");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Council approves harbour bridge");
        assertThat(browser.findElements(By.cssSelector("article.version-text p"))).hasSize(5);
        screenshot("version-page");
        browser.findElement(By.linkText("← Version 1")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/articles/" + web.bridge.id() + "/versions/1");
    }

    /** A feed entry's HTML content as a feed reader shows it: no site style sheet, only its inline styles. */
    @Test
    void aFeedEntryShowsItsDiffWithoutTheSiteStyleSheet() throws Exception {
        String atom = web.get("/articles/" + web.bridge.id() + "/changes.atom").body();
        com.rometools.rome.feed.synd.SyndFeed feed = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(atom));
        String html = feed.getEntries().getLast().getContents().getFirst().getValue();
        Path page = dir.resolve("entry.html");
        Files.writeString(page, "<!DOCTYPE html><meta charset=utf-8><body style=\"font-family:serif;max-width:40em;margin:1em\"><h2>"
                + feed.getEntries().getLast().getTitle().replace("<", "&lt;") + "</h2>" + html);
        browser.get(page.toUri().toString());
        WebElement ins = browser.findElement(By.tagName("ins"));
        assertThat(ins.getCssValue("background-color")).isEqualTo("rgba(230, 244, 234, 1)");
        assertThat(browser.findElement(By.tagName("del")).getCssValue("text-decoration-line")).isEqualTo("line-through");
        screenshot("feed-entry");
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
