package dev.lodestone.search.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.Eventually;
import dev.lodestone.search.SearchService;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestKafka;
import dev.lodestone.search.alert.AlertService;
import dev.lodestone.search.alert.TestBroker;
import dev.lodestone.search.TestIndex;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.ArticleSearcher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser: Debian's chromium driven through chromedriver, headless. Skipped,
 * saying why, where either is not installed. Each step leaves a screenshot in
 * {@code target/screenshots/} for a reviewer to look at.
 */
class SearchPageInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String HOSTILE_TITLE =
            "<script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\"> Antimony smuggling claim";
    private static final TaggedArticle HOSTILE = StoryArticles.tagged("https://rumours.example/antimony-smuggling",
            "rumours.example", HOSTILE_TITLE, "Antimony smuggling <b>claims</b> were denied by officials in Quetta.",
            Instant.parse("2025-10-07T08:00:00Z"), List.of("pasni"));

    @TempDir
    static Path dir;
    @TempDir
    static Path browserProfile;

    private static ArticleIndex index;
    private static SearchApi api;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void serveTheStory() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no browser to test the page in: install chromium (" + CHROMIUM + ")");
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "no driver for the browser: install chromium-driver (" + CHROMEDRIVER + ")");
        index = TestIndex.of(dir, List.of(StoryArticles.MOU_SIGNED, StoryArticles.FIRST_SHIPMENT,
                StoryArticles.copy(StoryArticles.FIRST_SHIPMENT, "tribune.com.pk", 45), StoryArticles.PTI_OBJECTS, HOSTILE));
        api = new SearchApi(index, null, ArticleSearcher.DEFAULT_BUDGET);
        api.start("127.0.0.1", 0);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (api != null) {
            api.close();
            index.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + browserProfile.resolve("profile-" + System.nanoTime()), "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAnalystSearchesFiltersByAFacetReadsTheTimelineAndOpensAnArticle() throws IOException {
        browser.get(page("/"));
        waitForHits(4);
        screenshot("01-every-story");

        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys("antimony", Keys.ENTER);
        waitForStatus("4 articles");
        assertEquals(3, hits().size(), "the two copies of the shipment story show as one hit");
        assertTrue(browser.findElement(By.cssSelector(".hit mark")).getText().equalsIgnoreCase("antimony"));
        screenshot("02-search");

        browser.findElement(By.cssSelector("[data-facet=entities] .facet-value")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".active-filter")));
        assertTrue(browser.findElement(By.cssSelector(".active-filter")).getText().contains("us-strategic-metals"));
        assertTrue(browser.getCurrentUrl().contains("entity=us-strategic-metals"));
        screenshot("03-facet");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline svg .bar")));
        assertTrue(browser.findElements(By.cssSelector("#timeline svg .bar")).size() >= 2);
        assertTrue(browser.findElements(By.cssSelector("#timeline svg .series polyline")).size() >= 1);
        screenshot("04-timeline");

        WebElement mou = hits().stream()
                .filter(hit -> hit.getText().contains("FWO signs")).findFirst().orElseThrow();
        mou.findElement(By.cssSelector(".title-link")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#article-body mark.mention"), 3));
        List<String> marked = browser.findElements(By.cssSelector("#article-body mark.mention")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Frontier Works Organisation", "US Strategic Metals", "Stacy W. Hastie"), marked);
        assertEquals("a first step for secure supply chains",
                browser.findElement(By.cssSelector("#article-quotes q")).getText());
        screenshot("05-article");
    }

    @Test
    void aDayClickedOnTheTimelineKeepsOnlyThatDayChartedByTheHour() throws IOException {
        browser.get(page("/?q=antimony"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline svg .bar[data-day='2025-10-05']")));

        browser.findElement(By.cssSelector("#timeline svg .bar[data-day='2025-10-05']")).click();

        waitForStatus("2 articles");
        assertTrue(browser.getCurrentUrl().contains("from=2025-10-05&to=2025-10-05"), browser.getCurrentUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline svg .bar.hour[data-bucket='2025-10-05T09:00Z']")));
        screenshot("06-one-day");
    }

    @Test
    void aStoryRunByTwoOutletsListsThem() throws IOException {
        browser.get(page("/?q=neodymium"));
        waitForHits(1);

        browser.findElement(By.cssSelector(".hit .outlets")).click();

        wait.until(ExpectedConditions.textToBe(By.id("story-title"), "2 outlets ran this story"));
        assertEquals(2, browser.findElements(By.cssSelector("#story-articles li")).size());
        screenshot("07-story");
    }

    @Test
    void aNewlyIndexedArticleAppearsInTheLivePanel() throws IOException {
        browser.get(page("/"));
        waitForHits(4);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> api.liveListeners() > 0);

        api.announce(StoryArticles.PTI_OBJECTS);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live-list .live-item")));
        assertEquals("PTI demands details of secret minerals deal",
                browser.findElement(By.cssSelector("#live-list .title-link")).getText());
        screenshot("08-live");
    }

    @Test
    void aTitleWithMarkupFromTheWebIsShownAsTextAndNeverRun() throws IOException {
        browser.get(page("/?q=smuggling"));
        waitForHits(1);

        assertEquals(HOSTILE_TITLE, browser.findElement(By.cssSelector(".hit .title-link")).getText());
        assertTrue(browser.findElements(By.cssSelector("#results script, #results img, #results b")).isEmpty());
        browser.findElement(By.cssSelector(".hit .title-link")).click();
        wait.until(ExpectedConditions.textToBe(By.id("article-title"), HOSTILE_TITLE));
        assertTrue(browser.findElements(By.cssSelector("#article-view script, #article-view img")).isEmpty());
        assertNull(((JavascriptExecutor) browser).executeScript("return window.injected;"));
        screenshot("09-hostile-title");
    }

    @Test
    void thePageFitsAPhone() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(page("/?q=minerals"));
        waitForHits(2);

        Number scrollWidth = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
        Number clientWidth = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth;");
        assertEquals(clientWidth.longValue(), scrollWidth.longValue(), "nothing sticks out sideways");
        screenshot("10-phone");
    }

    @Test
    void anAlertMadeFromASearchShowsTheNextMatchingStoryInTheLivePanel() throws Exception {
        try (TestBroker broker = TestBroker.start(dir.resolve("alerts-kafka"));
                SearchService service = new SearchService(dir.resolve("alerts-index"), broker.bootstrapServers(),
                        "127.0.0.1", 0, null, "browser-test", AlertService.Settings.defaults())) {
            service.start();
            TestKafka.publish(broker.bootstrapServers(), List.of(StoryArticles.FIRST_SHIPMENT));
            Eventually.await("the article is indexed", Duration.ofSeconds(30), () -> service.indexedCount() == 1);
            String base = "http://127.0.0.1:" + service.port();
            browser.get(base + "/?q=neodymium");
            waitForHits(1);

            browser.findElement(By.id("alert-me")).click();
            wait.until(ExpectedConditions.textMatches(By.id("alert-preview"), Pattern.compile("last 7 days")));
            assertEquals("neodymium", browser.findElement(By.id("alert-query")).getText());
            screenshot("11-alert-preview");
            browser.findElement(By.id("alert-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-list"), "neodymium"));

            TaggedArticle next = StoryArticles.tagged("https://www.dawn.com/news/1960001", "dawn.com",
                    "Second neodymium cargo leaves Karachi", "A second cargo of neodymium left Karachi for the US.",
                    Instant.now(), List.of("pakistan"));
            TestKafka.publish(broker.bootstrapServers(), List.of(next, StoryArticles.copy(next, "tribune.com.pk", 5)));

            // The shipped rules alert on the same story: this rule's alert is the one labelled with its name.
            By ruleAlert = By.xpath("//ol[@id='live-list']/li[contains(@class, 'alert')]"
                    + "[p[@class='alert-label' and contains(., 'neodymium')]]");
            WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(30));
            slow.until(ExpectedConditions.textToBePresentInElementLocated(ruleAlert, "also in: tribune.com.pk"));
            WebElement alert = browser.findElement(ruleAlert);
            assertEquals("Second neodymium cargo leaves Karachi", alert.findElement(By.cssSelector(".title-link")).getText());
            assertTrue(alert.findElement(By.cssSelector(".why")).getText().contains("neodymium"),
                    alert.findElement(By.cssSelector(".why")).getText());
            screenshot("12-alert-live");
        }
    }

    private List<WebElement> hits() {
        return browser.findElements(By.cssSelector("#results .hit"));
    }

    private void waitForHits(int atLeast) {
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results .hit"), atLeast - 1));
    }

    private void waitForStatus(String text) {
        wait.until(ExpectedConditions.textToBe(By.id("status"), text));
    }

    private static String page(String path) {
        return "http://127.0.0.1:" + api.port() + path;
    }

    private void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
