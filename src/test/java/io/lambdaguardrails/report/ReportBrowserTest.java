package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.SampleOrganisationRun;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        open(Files.writeString(OUT.resolve(name), HtmlReport.bundled().render(result)));
    }

    private static void open(Path file) {
        browser.get(file.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("filters")));
    }

    /** The finding rows the script has built in the open groups, as far as they are displayed. */
    private static List<String> visibleRowIds() {
        return browser.findElements(By.cssSelector("details.group[open] table.findings-table tbody tr")).stream()
                .filter(WebElement::isDisplayed).map(row -> row.getAttribute("data-id")).toList();
    }

    private static void awaitShown(String text, Duration within) {
        new WebDriverWait(browser, within).until(ExpectedConditions.textToBe(By.id("shown"), text));
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Opens every rule group, so the script builds their rows. */
    private static void openAllGroups() {
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('details.group').forEach((g) => { g.open = true; });");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('details.group')].every((g) => g.querySelector('tbody tr'))"));
    }

    /** index.html of 45 nightly runs of a drifting organisation. */
    private static Path runsIndex() throws IOException {
        Path index = OUT.resolve("runs-index").resolve("index.html");
        Files.writeString(index, HtmlReport.bundled().runsIndex().render(nightlyRuns()));
        return index;
    }

    /** 45 nightly runs of a drifting organisation, with a report file in every run folder the index links to. */
    private static RunHistory nightlyRuns() throws IOException {
        Path root = Files.createDirectories(OUT.resolve("runs-index"));
        Instant start = Instant.parse("2026-10-01T02:00:00Z");
        List<RunEntry> runs = new java.util.ArrayList<>();
        for (int d = 0; d < 45; d++) {
            Instant started = start.plus(Duration.ofDays(d));
            String runId = String.format("2026%02d%02dT020000Z-n%03d", started.atZone(java.time.ZoneOffset.UTC).getMonthValue(),
                    started.atZone(java.time.ZoneOffset.UTC).getDayOfMonth(), d);
            String folder = "runs/" + java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")
                    .withZone(java.time.ZoneOffset.UTC).format(started) + "/" + runId;
            Map<String, String> reports = new java.util.TreeMap<>();
            for (String file : List.of("report.html", "findings.csv", "findings.json")) {
                Path target = root.resolve(folder).resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, "<!DOCTYPE html><title>" + runId + "</title><h1 id=run>" + runId + "</h1>");
                reports.put(file, folder + "/" + file);
            }
            Map<String, Integer> accounts = new java.util.TreeMap<>();
            for (int a = 0; a < 14; a++) {
                int count = Math.max(0, (a % 5) + (d * (a % 3)) / 9 - (a == 4 ? d / 10 : 0));
                if (count > 0) {
                    accounts.put(String.format("1000000000%02d", a), count);
                }
            }
            runs.add(new RunEntry(runId, started, started.plusSeconds(420), 40, 36 + (d % 5),
                    Map.of(Severity.CRITICAL, 3 + d / 9, Severity.HIGH, 20 + d % 7, Severity.MEDIUM, 60 - d / 3,
                            Severity.LOW, 80 + d % 11, Severity.INFO, 5),
                    Map.of(Family.ACCESS, 30, Family.NETWORK, 90), d % 4 == 0 ? 6 : d % 3, d % 5 == 0 ? 9 : 1, null,
                    Map.of(io.lambdaguardrails.risk.RiskTier.HIGH, 4), d % 6 == 0 ? 2 : 0, accounts, reports));
        }
        Map<String, String> names = new java.util.TreeMap<>();
        for (int a = 0; a < 14; a++) {
            names.put(String.format("1000000000%02d", a), a == 2 ? SampleResults.SCRIPT : "payments-prod-" + a);
        }
        return RunHistory.of(runs, names);
    }

    @Test
    void theTrendStripOfAReportFitsADesktopAndAPhone() throws IOException {
        Files.createDirectories(OUT);
        Path page = Files.writeString(OUT.resolve("trend.html"),
                HtmlReport.bundled().withTrend(ReportTrend.of(nightlyRuns())).render(SampleResults.typical()));
        viewport(1280, 1000, false);
        open(page);
        screenshot("report-trend-1280.png");
        assertThat(script("return document.querySelectorAll('#trend svg rect').length")).as("bars of 30 runs, 5 severities")
                .isEqualTo(30 * 5);
        assertThat(script("return Math.round(document.querySelector('#trend svg').getBoundingClientRect().width)"))
                .isBetween(400L, 600L);
        assertThat(browser.findElement(By.id("trend-table")).isDisplayed()).as("the numbers wait behind their summary").isFalse();

        viewport(390, 844, true);
        open(page);
        screenshot("report-trend-390.png");
        assertThat(script("return Math.round(document.querySelector('#trend svg').getBoundingClientRect().width)"))
                .as("the strip takes the phone's width").isBetween(340L, 390L);
        assertThat(script("return document.scrollingElement.scrollWidth")).as("page width").isLessThanOrEqualTo(390);
        assertThat(strings(OUTSIDE_THE_VIEWPORT, "#trend")).as("elements reaching past the right edge").isEmpty();
        assertThat(script("return performance.getEntriesByType('resource').length")).as("requests beyond the page").isZero();
        viewport(1400, 1100, false);
    }

    private static void openIndex(Path index) {
        browser.get(index.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("runs-table")));
    }

    @Test
    void theRunsIndexDrawsItsChartsAndLinksToEveryRunsReport() throws IOException {
        Path index = runsIndex();
        viewport(1280, 1000, false);
        openIndex(index);
        screenshot("runs-index-1280.png");

        for (String chart : List.of("open-trend", "drift-trend", "accounts-trend")) {
            assertThat(script("return document.querySelectorAll('#" + chart + " svg rect').length")).as(chart).isPositive();
            assertThat(script("return Math.round(document.querySelector('#" + chart + " svg').getBoundingClientRect().height)"))
                    .as(chart + " is drawn at a readable size").isGreaterThan(100);
        }
        assertThat(strings("return [...document.querySelectorAll('#growth-table tbody td[data-label=Growth]')].map(td => td.textContent)"))
                .as("the eight accounts that grew over the last 30 runs, most first")
                .containsExactly("+6", "+6", "+6", "+6", "+3", "+3", "+3", "+3");
        assertThat(strings("return [...document.querySelectorAll('#growth-table td:first-child')].map(td => td.textContent)"))
                .as("hostile account names are text").anySatisfy(t -> assertThat(t).contains(SampleResults.SCRIPT));
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(script("return performance.getEntriesByType('resource').length")).as("requests beyond the page").isZero();

        List<String> hrefs = strings("return [...document.querySelectorAll('#runs-table a')].map(a => a.href)");
        assertThat(hrefs).as("the run link and its three files").hasSize(45 * 4);
        for (String href : hrefs) {
            assertThat(Path.of(java.net.URI.create(href))).as(href).isRegularFile();
        }
        String newest = strings("return [...document.querySelectorAll('#runs-table a.report-link')].map(a => a.textContent)").getFirst();
        browser.findElement(By.cssSelector("#runs-table a.report-link")).click();
        assertThat(browser.findElement(By.id("run")).getText()).isEqualTo(newest).endsWith("n044");

        viewport(390, 844, true);
        openIndex(index);
        screenshot("runs-index-390.png");
        assertThat(script("return document.scrollingElement.scrollWidth")).as("page width").isLessThanOrEqualTo(390);
        assertThat(strings(OUTSIDE_THE_VIEWPORT, "main, header")).as("elements reaching past the right edge").isEmpty();
        viewport(1400, 1100, false);
    }

    @Test
    void typingIntoTheFilterNarrowsTheRows() throws IOException {
        open("typical.html", SampleResults.typical());
        assertThat(visibleRowIds()).as("groups start collapsed").isEmpty();
        assertThat(browser.findElements(By.cssSelector("details.group"))).hasSize(4);

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

    @Test
    void onAPhoneTheOpenForFilterKeepsTheOlderFindingsAndEachCardSaysHowLongItsFindingHasBeenOpen() throws IOException {
        viewport(390, 844, true);
        try {
            open("aged.html", SampleResults.typicalAged());
            new Select(browser.findElement(By.id("f-age"))).selectByVisibleText("more than 30 days");
            awaitShown("3 of 6 findings shown", Duration.ofSeconds(5));
            new Select(browser.findElement(By.id("f-status"))).selectByValue("FAIL");
            awaitShown("2 of 6 findings shown", Duration.ofSeconds(5));

            assertThat(visibleRowIds()).containsExactly("LG-ACC-001-aaaa", "LG-NET-003-bbbb");
            assertThat(browser.findElements(By.cssSelector("details.group[open] td.f-age"))).extracting(WebElement::getText)
                    .containsExactly("120 days", "45 days");
            assertThat(browser.getCurrentUrl()).endsWith("#findings?status=FAIL&age=30");
            assertThat(script("return document.scrollingElement.scrollWidth")).as("page width").isLessThanOrEqualTo(390);
            ((JavascriptExecutor) browser).executeScript("document.getElementById('filters').scrollIntoView()");
            screenshot("open-for-390.png");
        } finally {
            viewport(1400, 1100, false);
        }
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
        assertThat(visibleRowIds()).containsExactly("LG-X-19999");
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
        openAllGroups();
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("tr[data-id=LG-RUN-002-h0] div.detail")).getText())
                .isEqualTo(SampleResults.SCRIPT);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('findings').scrollIntoView()");
        screenshot("hostile.png");
    }

    /**
     * The demo's sample organisation (about 230 findings) as a reader meets it: on paper, on a 390 px phone and on a
     * desktop screen. Screenshots and the first printed page go to target/report-browser/demo-*.png for a person to look
     * at.
     */
    @Nested
    @Tag("moto")
    @ExtendWith(MotoExtension.class)
    class DemoOrganisation {

        private static final int MAX_PAGES = 30;
        private static Path report;

        @BeforeAll
        static void renderTheSample(MotoServer moto) throws IOException {
            if (browser != null) {
                Files.createDirectories(OUT);
                report = Files.writeString(OUT.resolve("demo.html"),
                        HtmlReport.bundled().render(SampleOrganisationRun.scan(moto).result()));
            }
        }

        @AfterEach
        void restoreTheWindow() {
            devTools("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        @Test
        void printsOnAtMostThirtyPagesOfA4OrLetter() throws IOException {
            open(report);
            int findings = Integer.parseInt(browser.findElement(By.id("shown")).getText().split(" ")[0]);
            assertThat(findings).as("the sample is demo-sized").isGreaterThan(150);

            for (var paper : Map.of("a4", PageSize.ISO_A4, "letter", PageSize.US_LETTER).entrySet()) {
                byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser)
                        .print(new PrintOptions().setPageSize(paper.getValue())).getContent());
                Files.write(OUT.resolve("demo-" + paper.getKey() + ".pdf"), pdf);
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    System.out.printf("demo report (%d findings) on %s: %d pages%n", findings, paper.getKey(),
                            document.getNumberOfPages());
                    assertThat(document.getNumberOfPages()).as(paper.getKey() + " pages").isLessThanOrEqualTo(MAX_PAGES);
                    if (paper.getKey().equals("a4")) {
                        PDFRenderer pages = new PDFRenderer(document);
                        ImageIO.write(pages.renderImageWithDPI(0, 110), "png", OUT.resolve("demo-print-page-1.png").toFile());
                    }
                }
            }
        }

        @Test
        void onA390PixelPhoneEachFindingIsACardAndNothingScrollsSideways() throws IOException {
            viewport(390, 844, true);
            open(report);
            screenshot("demo-390.png");
            openAllGroups();

            // A phone widens its layout viewport (and zooms out) when the page is wider than the screen.
            assertThat(script("return window.innerWidth")).as("layout viewport").isEqualTo(390);
            assertThat(script("return document.scrollingElement.scrollWidth")).as("page width").isLessThanOrEqualTo(390);
            assertThat(strings(OUTSIDE_THE_VIEWPORT, "main, header, footer")).as("elements reaching past the right edge")
                    .isEmpty();
            assertThat(strings(NOT_CARDS, ".findings-table tbody tr, #account-table tbody tr, #owner-table tbody tr, #ou-table tbody tr"))
                    .as("rows not laid out as cards").isEmpty();
            assertNoWordSplit();
            ((JavascriptExecutor) browser).executeScript("document.getElementById('findings').scrollIntoView()");
            screenshot("demo-390-findings.png");
        }

        @Test
        void atDesktopWidthEachFindingIsOneRowOfColumnsAndNoWordIsSplit() throws IOException {
            viewport(1280, 900, false);
            open(report);
            screenshot("demo-1280.png");
            openAllGroups();

            assertThat(script("return document.scrollingElement.scrollWidth")).as("page width")
                    .isLessThanOrEqualTo(script("return window.innerWidth"));
            assertThat(strings(CELLS_OFF_THE_ROW_LINE, ".findings-table tr")).as("cells wrapped below their row's first line")
                    .isEmpty();
            assertNoWordSplit();
            ((JavascriptExecutor) browser).executeScript("document.getElementById('findings').scrollIntoView()");
            screenshot("demo-1280-findings.png");
        }

        private static void assertNoWordSplit() {
            @SuppressWarnings("unchecked")
            var result = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(SPLIT_WORDS, "main, header");
            assertThat(((Number) result.get("checked")).intValue()).as("characters measured").isGreaterThan(10_000);
            assertThat((List<?>) result.get("splits")).as("words broken between two letters or digits").isEmpty();
        }
    }

    /** Rows (by their first cell's text) with a cell below the row's first line: a column the grid has no track for. */
    private static final String CELLS_OFF_THE_ROW_LINE = """
            const off = [];
            for (const row of document.querySelectorAll(arguments[0])) {
              const cells = [...row.children].filter((c) => c.getClientRects().length > 0);
              const top = Math.min(...cells.map((c) => c.getBoundingClientRect().top));
              if (cells.some((c) => c.getBoundingClientRect().top > top + 1)) {
                off.push(row.textContent.trim().substring(0, 60));
              }
            }
            return off;
            """;

    /** Elements under the selected roots whose box reaches past the viewport's right edge (or starts left of it). */
    private static final String OUTSIDE_THE_VIEWPORT = """
            const width = window.innerWidth;
            const out = [];
            for (const root of document.querySelectorAll(arguments[0])) {
              for (const el of [root, ...root.querySelectorAll('*')]) {
                const box = el.getBoundingClientRect();
                if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
                  out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)}..${Math.round(box.right)}`);
                }
              }
            }
            return out.slice(0, 20);
            """;

    /** Rows that are not a block whose cells stack inside it. */
    private static final String NOT_CARDS = """
            const out = [];
            for (const row of document.querySelectorAll(arguments[0])) {
              const box = row.getBoundingClientRect();
              const cells = [...row.cells].filter((c) => c.getBoundingClientRect().width > 0);
              const outside = cells.some((c) => c.getBoundingClientRect().right > box.right + 0.5);
              if (getComputedStyle(row).display !== 'block' || outside) {
                out.push(row.dataset.id || row.dataset.account);
              }
            }
            return out.slice(0, 20);
            """;

    /**
     * Every character of every text node under the selected roots is measured; where two neighbours sit on different
     * lines and both are letters or digits, a word was broken mid-letter. Breaks at spaces, after separators such as
     * {@code - / : .} and between the text nodes that {@code <wbr>} makes are natural.
     */
    private static final String SPLIT_WORDS = """
            const letter = /[\\p{L}\\p{N}]/u;
            const range = document.createRange();
            const splits = [];
            let checked = 0;
            for (const root of document.querySelectorAll(arguments[0])) {
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.data;
                let previous = null;
                for (let i = 0; i < text.length; i++) {
                  range.setStart(node, i);
                  range.setEnd(node, i + 1);
                  const box = range.getBoundingClientRect();
                  if (/\\s/.test(text[i]) || box.height === 0) {
                    previous = null;
                    continue;
                  }
                  checked++;
                  if (previous && box.top > previous.box.top + previous.box.height / 2
                      && letter.test(previous.ch) && letter.test(text[i])) {
                    splits.push(`${node.parentElement.closest('[class]')?.className}: ${text.slice(Math.max(0, i - 20), i)}|${text.slice(i, i + 20)}`);
                  }
                  previous = { ch: text[i], box };
                }
              }
            }
            return { checked, splits: splits.slice(0, 20) };
            """;

    private static long script(String script, Object... args) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script, args)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String script, Object... args) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void viewport(int width, int height, boolean mobile) {
        devTools("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private static void devTools(String command, Map<String, Object> parameters) {
        ((ChromeDriver) browser).executeCdpCommand(command, parameters);
    }
}
