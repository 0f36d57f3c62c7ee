package io.lambdaguardrails.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.testbed.NodeTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of {@link AccessEvaluator} against an independent implementation of IAM evaluation, the npm
 * package {@code @cloud-copilot/iam-simulate} (run with node from {@code src/test/iam-oracle}). Every seeded random
 * case the oracle can decide must get the same decision, unless it is listed — with the AWS documentation that
 * settles it — in {@code src/test/resources/policy/oracle-disagreements.json}; every listed case must still disagree.
 * Skipped, saying why, where node is not installed or the package cannot be installed from its lockfile.
 */
@Tag("node")
class OracleDifferentialTest {

    static final long SEED = 20261202L;
    static final int CASES = 12_000;
    private static final Path ORACLE = Path.of("src/test/iam-oracle");
    private static final Path LISTED = Path.of("src/test/resources/policy/oracle-disagreements.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agreesWithTheOracleOnRandomCases() throws Exception {
        NodeTool.requirePackages(ORACLE, "@cloud-copilot/iam-simulate", "the policy evaluator against iam-simulate");
        Path work = Files.createDirectories(Path.of("target/iam-oracle"));
        Path input = work.resolve("cases.jsonl"), output = work.resolve("decisions.jsonl");
        RandomPolicyCases generator = new RandomPolicyCases(SEED);
        Map<Integer, RandomPolicyCases.Case> cases = new HashMap<>();
        StringBuilder lines = new StringBuilder();
        for (int id = 0; id < CASES; id++) {
            RandomPolicyCases.Case c = generator.next(id);
            cases.put(id, c);
            var line = JSON.createObjectNode().put("id", id);
            line.set("simulation", c.simulation());
            lines.append(line).append('\n');
        }
        boolean unchanged = Files.exists(output) && Files.exists(input) && Files.readString(input).contentEquals(lines);
        if (!unchanged) {
            // The oracle's answers depend only on the cases: a rerun with the same cases reuses them.
            Files.deleteIfExists(output);
            Files.writeString(input, lines);
            NodeTool.Result oracle = NodeTool.run(List.of("node", ORACLE.resolve("simulate.mjs").toString(), input.toString(), output.toString()), 900);
            assertThat(oracle.exitCode()).as(oracle.output()).isZero();
        }

        Map<Integer, String> listed = listed();
        List<String> unexplained = new ArrayList<>();
        Map<Integer, String> disagreements = new TreeMap<>();
        int decided = 0, undecided = 0;
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            JsonNode decision = JSON.readTree(line);
            int id = decision.get("id").asInt();
            String theirs = decision.get("result").asText();
            if (theirs.equals("Error")) {
                undecided++;
                continue;
            }
            decided++;
            RandomPolicyCases.Case c = cases.get(id);
            Decision ours = AccessEvaluator.evaluate(c.policies(), c.request()).decision();
            Decision expected = theirs.equals("Allowed") ? Decision.ALLOWED : Decision.DENIED;
            if (ours != expected) {
                disagreements.put(id, theirs + " vs " + ours);
                if (!listed.containsKey(id)) {
                    unexplained.add("case " + id + ": oracle " + theirs + ", ours " + ours + "\n" + c.simulation().toPrettyString());
                }
            }
        }
        System.out.printf("iam-simulate differential: %d cases generated (seed %d), %d decided by the oracle, %d not decidable,"
                + " %d disagreements (%d listed)%n", CASES, SEED, decided, undecided, disagreements.size(), listed.size());
        assertThat(decided).as("the oracle decides most generated cases").isGreaterThanOrEqualTo(10_000);
        assertThat(unexplained).as("disagreements not listed in " + LISTED).isEmpty();
        assertThat(listed.keySet()).as("listed disagreements that no longer disagree").isSubsetOf(disagreements.keySet());
    }

    private static Map<Integer, String> listed() throws IOException {
        Map<Integer, String> listed = new HashMap<>();
        for (JsonNode entry : JSON.readTree(LISTED.toFile()).get("disagreements")) {
            assertThat(entry.path("documentation").asText()).as("listed case %s names its documentation", entry.get("case"))
                    .startsWith("https://docs.aws.amazon.com/");
            listed.put(entry.get("case").asInt(), entry.get("reason").asText());
        }
        return listed;
    }
}
