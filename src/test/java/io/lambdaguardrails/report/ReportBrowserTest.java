package io.lambdaguardrails.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report in a real browser: Debian's headless Chromium, driven through its chromedriver (Selenium never downloads
 * drivers here). The page's Content-Security-Policy is enforced, so the filter only works if the script's hash is
 * right. Skipped, saying why, where Chromium is not installed. Screenshots go to target/report-browser/.
 */
@Tag("browser")
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target/report-browser").toAbsolutePath();

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,1100");
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    /** Each test reports itself skipped, rather than the class vanishing from the totals. */
    @BeforeEach
    void requireBrowser() {
        assumeTrue(browser != null,
                "Chromium is not installed (apt-get install chromium chromium-driver): the report is not checked in a browser");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String name, ScanResult result) throws IOException {
        Files.createDirectories(OUT);
        Path file = Files.writeString(OUT.resolve(name), HtmlReport.bundled().render(result));
        browser.get(file.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("filters")));
    }

    private static List<String> visibleRowIds() {
        return browser.findElements(By.cssSelector("#findings-table tbody tr")).stream()
                .filter(WebElement::isDisplayed).map(row -> row.getAttribute("data-id")).toList();
    }

    private static void awaitShown(String text, Duration within) {
        new WebDriverWait(browser, within).until(ExpectedConditions.textToBe(By.id("shown"), text));
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void typingIntoTheFilterNarrowsTheRows() throws IOException {
        open("typical.html", SampleResults.typical());
        assertThat(visibleRowIds()).hasSize(6);

        browser.findElement(By.id("f-text")).sendKeys("igw");
        awaitShown("2 of 6 findings shown", Duration.ofSeconds(5));
        assertThat(visibleRowIds()).containsExactly("LG-NET-003-bbbb", "LG-NET-003-cccc");

        new Select(browser.findElement(By.id("f-account"))).selectByValue("222222222222");
        awaitShown("1 of 6 findings shown", Duration.ofSeconds(5));
        assertThat(visibleRowIds()).containsExactly("LG-NET-003-cccc");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('findings').scrollIntoView()");
        screenshot("filtered.png");

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .as("no Content-Security-Policy violation or script error").isEmpty();
    }

    /** Time from a filter change to the narrowed table laid out, measured in the page. */
    private static final String TIME_SEVERITY_FILTER = """
            const done = arguments[arguments.length - 1];
            const shown = document.getElementById('shown');
            const started = performance.now();
            new MutationObserver(() => {
              document.body.offsetHeight;
              done(performance.now() - started);
            }).observe(shown, { childList: true, characterData: true, subtree: true });
            const select = document.getElementById('f-severity');
            select.value = arguments[0];
            select.dispatchEvent(new Event('input', { bubbles: true }));
            """;

    @Test
    void twentyThousandRowsFilter() throws IOException {
        open("many.html", SampleResults.many(20_000));
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("20000 findings");

        browser.findElement(By.id("f-text")).sendKeys("fn-19999");
        awaitShown("1 of 20000 findings shown", Duration.ofSeconds(10));
        assertThat(browser.findElements(By.cssSelector("#findings-table tbody tr:not([hidden])"))).hasSize(1);
        browser.findElement(By.id("f-text")).clear();
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(browser.findElement(By.id("f-text")), " ").perform();
        awaitShown("20000 findings", Duration.ofSeconds(10));

        Number millis = (Number) ((JavascriptExecutor) browser).executeAsyncScript(TIME_SEVERITY_FILTER, "CRITICAL");

        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("4000 of 20000 findings shown");
        // Speed is measured and printed, not asserted: a shared CI machine must not turn a slow moment into a failure.
        System.out.printf("20000 rows: severity filter applied and laid out in %.0f ms%n", millis.doubleValue());
    }

    @Test
    void hostileValuesDoNotRunInTheBrowser() throws IOException {
        open("hostile.html", SampleResults.hostile());

        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("tr[data-id=LG-RUN-002-h0] div.detail")).getText())
                .isEqualTo(SampleResults.SCRIPT);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('findings-table').scrollIntoView()");
        screenshot("hostile.png");
    }
}
