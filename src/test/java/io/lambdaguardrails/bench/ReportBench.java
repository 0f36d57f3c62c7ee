package io.lambdaguardrails.bench;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ScanResult;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML report at organisation scale: renders {@link LargeScanResult} (20,000 findings unless told otherwise) to
 * {@code report.html}, opens it in headless Chromium (through chromedriver, as the report's browser test does) a few
 * times and prints the page weight and the medians of: first contentful paint, the load event, and how long the
 * severity and text filters take once loaded. "Interactive filtering" is the load event plus the severity filter:
 * the time from opening the page to the first filtered view laid out. Then a rule group is opened (its first rows
 * built and laid out) and a function's name typed. Run by {@code src/bench/report-bench.sh}.
 */
public final class ReportBench {

    /** Sets the severity select and waits for the count to change and the page to lay out; resolves to ms. */
    private static final String SEVERITY_FILTER = """
            const done = arguments[arguments.length - 1];
            const shown = document.getElementById('shown');
            const started = performance.now();
            new MutationObserver(() => { document.body.offsetHeight; done(performance.now() - started); })
              .observe(shown, { childList: true, characterData: true, subtree: true });
            const select = document.getElementById('f-severity');
            select.value = arguments[0];
            select.dispatchEvent(new Event('input', { bubbles: true }));
            """;

    /**
     * The severity filter cleared and one function's name typed into the text box (its handler waits for a 150 ms
     * typing pause, included in the time).
     */
    private static final String TEXT_FILTER = """
            const done = arguments[arguments.length - 1];
            const shown = document.getElementById('shown');
            const started = performance.now();
            new MutationObserver(() => { document.body.offsetHeight; done(performance.now() - started); })
              .observe(shown, { childList: true, characterData: true, subtree: true });
            document.getElementById('f-severity').value = '';
            const text = document.getElementById('f-text');
            text.value = arguments[0];
            text.dispatchEvent(new Event('input', { bubbles: true }));
            """;

    /**
     * Opens the first rule group still shown and waits for its rows to be built and laid out; -1 for a report
     * without groups.
     */
    private static final String OPEN_GROUP = """
            const done = arguments[arguments.length - 1];
            const group = [...document.querySelectorAll('details.group')].find((g) => !g.hidden && !g.open);
            if (!group) { done(-1); return; }
            const body = group.querySelector('tbody');
            const started = performance.now();
            new MutationObserver(() => { document.body.offsetHeight; done(performance.now() - started); })
              .observe(body, { childList: true });
            group.open = true;
            """;

    private static final String TIMINGS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            return { fcp: paint ? paint.startTime : -1, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                     nodes: document.getElementsByTagName('*').length };
            """;

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path out = Files.createDirectories(Path.of("target/report-bench")).toAbsolutePath();

        ScanResult result = LargeScanResult.of(count);
        Path page = out.resolve("report.html");
        long renderStarted = System.nanoTime();
        try (BufferedWriter writer = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            HtmlReport.bundled().render(result, writer);
        }
        long renderMs = (System.nanoTime() - renderStarted) / 1_000_000;
        String needle = result.findings().getLast().resourceName();

        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        List<double[]> samples = new ArrayList<>();
        try {
            for (int run = 0; run < runs; run++) {
                browser.get("about:blank");
                browser.get(page.toUri().toString());
                var js = (JavascriptExecutor) browser;
                @SuppressWarnings("unchecked")
                var t = (Map<String, Number>) js.executeScript(TIMINGS);
                double severity = ((Number) js.executeAsyncScript(SEVERITY_FILTER, "CRITICAL")).doubleValue();
                String severityShown = browser.findElement(org.openqa.selenium.By.id("shown")).getText();
                double group = ((Number) js.executeAsyncScript(OPEN_GROUP)).doubleValue();
                double text = ((Number) js.executeAsyncScript(TEXT_FILTER, needle)).doubleValue();
                String textShown = browser.findElement(org.openqa.selenium.By.id("shown")).getText();
                samples.add(new double[] {t.get("fcp").doubleValue(), t.get("dcl").doubleValue(),
                        t.get("load").doubleValue(), severity, group, text, t.get("load").doubleValue() + severity});
                System.out.printf("run %d: first paint %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms, %d elements; "
                                + "severity filter %.0f ms (%s), a group opened %.0f ms; text filter %.0f ms (%s)%n", run + 1,
                        t.get("fcp").doubleValue(), t.get("dcl").doubleValue(), t.get("load").doubleValue(),
                        t.get("nodes").intValue(), severity, severityShown, group, text, textShown);
            }
        } finally {
            browser.quit();
        }
        System.out.printf("%n%d findings, %d risk paths: report.html %.2f MB (%,d bytes), rendered by the JVM in %d ms%n",
                result.findings().size(), result.riskPaths().size(), Files.size(page) / 1e6, Files.size(page), renderMs);
        System.out.printf("median of %d loads in headless Chromium:%n", runs);
        String[] names = {"time to first render (first contentful paint)", "DOMContentLoaded", "load event",
                "severity filter", "then a rule group opened (its first rows built)", "text filter (incl. 150 ms typing pause)", "time to interactive filtering (load + severity filter)"};
        for (int i = 0; i < names.length; i++) {
            final int column = i;
            System.out.printf("  %-58s %6.0f ms%n", names[i], median(samples.stream().mapToDouble(s -> s[column]).toArray()));
        }
        System.out.println("page: " + page);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
