package io.lambdaguardrails.faults;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.sink.LocalDirectorySink;
import io.lambdaguardrails.sink.Publication;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.ReportPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports land where they were asked and nowhere else: no symbolic link inside the output folder carries them out,
 * the fallback folder is fresh and private, and no report is readable by everyone.
 */
class OutputPathSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aLatestLinkOutOfTheOutputFolderIsRefusedAndSaid() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("latest"), elsewhere);

        Publication publication = publish(new LocalDirectorySink(out), dir.resolve("fallback"));

        assertThat(publication.delivered()).isFalse();
        assertThat(publication.failure()).contains("symbolic link", out.resolve("latest").toString());
        assertThat(files(elsewhere)).as("nothing written through the link").isEmpty();
        assertThat(files(publication.fallbackFolder())).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("report.html", "findings.csv", "risk-paths.csv", "findings.json");
    }

    @Test
    void reportsAreReadableByTheOwnerAndGroupOnly() throws IOException {
        Path out = dir.resolve("out");

        assertThat(publish(new LocalDirectorySink(out), dir.resolve("fallback")).delivered()).isTrue();

        assertThat(files(out)).isNotEmpty().allSatisfy(file -> assertThat(permissions(file)).isIn("rw-r-----", "rw-------"));
    }

    @Test
    void theDefaultFallbackFolderIsFreshAndPrivate() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the output folder should be");
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), ReportDelivery.LOCAL_FOLDER);

        Publication publication = publish(new LocalDirectorySink(notAFolder), ReportDelivery.defaultFallbackRoot(notAFolder.toString()));

        assertThat(publication.delivered()).isFalse();
        Path root = publication.fallbackFolder().getParent().getParent().getParent().getParent().getParent();
        try {
            assertThat(root).isNotEqualTo(shared);
            assertThat(root.getFileName().toString()).startsWith(ReportDelivery.LOCAL_FOLDER + "-");
            assertThat(permissions(root)).isEqualTo("rwx------");
            assertThat(files(root)).hasSize(4).allSatisfy(file -> assertThat(permissions(file)).isEqualTo("rw-------"));
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Publication publish(LocalDirectorySink sink, Path fallback) {
        return new ReportPublisher(sink, HtmlReport.bundled(), fallback)
                .publish(SampleResults.typical(), ReportFormat.DEFAULTS, PublishMode.FULL);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
