package io.lambdaguardrails.inventory.secrets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector against a labelled corpus of real-format fakes and look-alikes
 * ({@code src/test/resources/secrets/corpus.yaml}). Prints precision and recall; failures name cases by id and note,
 * never by value.
 */
class SecretCorpusTest {

    /** Marks where a corpus value was cut so that no complete vendor token is stored in the repository. */
    private static final String CUT = "·";

    record Case(String id, String context, String name, String expect, String note, String value) {
        String classify(SecretDetector detector) {
            String whole = value.replace(CUT, "");
            Optional<String> verdict = "text".equals(context) ? detector.inFreeText(whole)
                    : detector.inEnvironmentVariable(name, whole);
            return verdict.orElse(null);
        }

        String label() {
            return id + " (" + note + ")";
        }
    }

    record Corpus(List<Case> cases) {
    }

    private static List<Case> cases;
    private final SecretDetector detector = new SecretDetector();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SecretCorpusTest.class.getResourceAsStream("/secrets/corpus.yaml")) {
            cases = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Corpus.class).cases();
        }
    }

    @Test
    void corpusHasAtLeast150LabelledValuesRoughlyHalfOfEachKind() {
        long secrets = cases.stream().filter(c -> c.expect() != null).count();
        long lookAlikes = cases.size() - secrets;
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(secrets).isBetween(cases.size() * 2L / 5, cases.size() * 3L / 5);
        assertThat(lookAlikes).isGreaterThanOrEqualTo(75);
        assertThat(cases.stream().map(Case::id).distinct().count()).isEqualTo(cases.size());
    }

    @Test
    void findsTheFakesWithoutFlaggingTheLookAlikes() {
        int truePositives = 0, falseNegatives = 0, falsePositives = 0, trueNegatives = 0;
        List<String> missed = new java.util.ArrayList<>(), wronglyFlagged = new java.util.ArrayList<>(),
                wrongDetector = new java.util.ArrayList<>();
        for (Case c : cases) {
            String verdict = c.classify(detector);
            if (c.expect() != null && verdict != null) {
                truePositives++;
                if (!c.expect().equals(verdict)) {
                    wrongDetector.add(c.label() + ": " + verdict + " instead of " + c.expect());
                }
            } else if (c.expect() != null) {
                falseNegatives++;
                missed.add(c.label());
            } else if (verdict != null) {
                falsePositives++;
                wronglyFlagged.add(c.label() + ": " + verdict);
            } else {
                trueNegatives++;
            }
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf("secret corpus: %d values (%d fakes, %d look-alikes); TP %d, FN %d, FP %d, TN %d; "
                        + "precision %.3f, recall %.3f%n", cases.size(), truePositives + falseNegatives,
                falsePositives + trueNegatives, truePositives, falseNegatives, falsePositives, trueNegatives,
                precision, recall);
        missed.forEach(m -> System.out.println("  missed " + m));

        assertThat(wronglyFlagged).as("look-alikes flagged").isEmpty();
        assertThat(recall).as("recall; missed: " + missed).isGreaterThanOrEqualTo(0.95);
        assertThat(wrongDetector).as("fakes found by another detector than labelled").isEmpty();
    }

    @Test
    void everyDetectorOfTheCatalogueIsExercisedByTheCorpus() {
        List<String> labelled = cases.stream().map(Case::expect).filter(e -> e != null).distinct().toList();
        assertThat(labelled).containsAll(SecretDetector.DETECTORS);
    }
}
