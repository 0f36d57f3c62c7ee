package io.lambdaguardrails.sink;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what publishing a large run costs in heap: the most heap still in use after any collection while every
 * format is rendered and written (the memory publishing really needs), and the time it takes. Not part of the suite:
 * {@code ./mvnw -o test -Dtest=PublishMemoryProbe -Dreport.memory=true [-Dreport.findings=20000] [-DargLine=-Xmx256m]}.
 */
@EnabledIfSystemProperty(named = "report.memory", matches = "true")
class PublishMemoryProbe {

    @Test
    void publishesALargeRun(@TempDir Path dir) throws Exception {
        int count = Integer.getInteger("report.findings", 20_000);
        ScanResult result = SampleResults.many(count);
        HtmlReport html = HtmlReport.bundled();
        System.gc();
        long before = usedHeap();
        AtomicLong peakAfterGc = new AtomicLong(before);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                peakAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(pool -> pool.resetPeakUsage());

        long start = System.nanoTime();
        Publication publication = new ReportPublisher(new LocalDirectorySink(dir.resolve("out")), html,
                dir.resolve("fallback")).publish(result, ReportFormat.DEFAULTS, PublishMode.FULL);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peakPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        assertThat(publication.delivered()).isTrue();
        StringBuilder sizes = new StringBuilder();
        for (ReportFormat format : ReportFormat.DEFAULTS) {
            sizes.append(' ').append(format.fileName()).append('=')
                    .append(Files.size(dir.resolve("out/latest/" + format.fileName())) / 1024 / 1024).append("MB");
        }
        System.out.printf("publish %d findings: %d ms; heap before %d MB; peak live after GC %d MB (+%d MB);"
                        + " peak heap incl. garbage %d MB; max heap %d MB;%s%n",
                count, millis, mb(before), mb(peakAfterGc.get()), mb(peakAfterGc.get() - before), mb(peakPools),
                mb(Runtime.getRuntime().maxMemory()), sizes);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes / 1024 / 1024;
    }
}
