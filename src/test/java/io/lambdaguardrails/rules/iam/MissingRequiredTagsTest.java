package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;

class MissingRequiredTagsTest {

    static final RuleTester RULE = RuleTester.of(new MissingRequiredTags());

    static final Settings REQUIRED = RuleSettings.yaml("tags: {required: [owner, data-classification]}");

    static Snapshot tagged(Consumer<Fixtures.FunctionBuilder> function, UnaryOperator<Fixtures.RoleBuilder> role) {
        return Fixtures.org(o -> o.account(OWN, a -> a.role("fn-role", role)
                .region(Fixtures.REGION, r -> r.function("fn", function))));
    }

    static Stream<RuleCase> cases() {
        Consumer<Fixtures.FunctionBuilder> fullFn = f -> f.tag("owner", "team-a").tag("data-classification", "internal");
        UnaryOperator<Fixtures.RoleBuilder> fullRole = r -> r.tag("owner", "team-a").tag("data-classification", "internal");
        return Stream.of(
                reportsNothing("both tagged", tagged(fullFn, fullRole)),
                reports("function untagged", tagged(f -> { }, fullRole), finding("fn", LOW, "function lacks owner, data-classification")),
                reports("role partly tagged", tagged(fullFn, r -> r.tag("owner", "team-a")), finding("fn", LOW, "role 'fn-role' lacks data-classification")),
                reports("both lacking, one finding", tagged(f -> f.tag("owner", "x"), r -> r), finding("fn", LOW, "function lacks data-classification; role 'fn-role' lacks owner, data-classification")),
                reports("blank value counts as missing", tagged(f -> f.tag("owner", " ").tag("data-classification", "internal"), fullRole), finding("fn", LOW, "function lacks owner")),
                reportsNothing("function tags not collected", tagged(f -> f.notCollected(LambdaFunction.Part.TAGS), fullRole)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsMissingTags(RuleCase c) {
        RULE.check(c.under(REQUIRED));
    }

    @Test
    void evaluatesNothingWithoutRequiredTags() {
        assertThat(RULE.run(tagged(f -> { }, r -> r))).isEmpty();
        assertThat(RULE.notEvaluated(tagged(f -> f.notCollected(LambdaFunction.Part.TAGS), r -> r))).isEmpty();
    }

    @Test
    void saysWhatTagsItCouldNotRead() {
        assertThat(RULE.notEvaluated(tagged(f -> f.notCollected(LambdaFunction.Part.TAGS), r -> r), REQUIRED))
                .containsExactly(notEvaluated("not read: tags of function 'fn'"));
        assertThat(RULE.notEvaluated(Scenarios.inOrg(f -> f.roleNotInIam("fn-role")), REQUIRED))
                .containsExactly(notEvaluated("not read: role 'fn-role' (function 'fn') not in IAM"));
        assertThat(RULE.notEvaluated(tagged(f -> { }, r -> r), REQUIRED)).isEmpty();
    }

    private static NotEvaluated notEvaluated(String reason) {
        return new NotEvaluated(MissingRequiredTags.META.id(), OWN, Fixtures.REGION, reason);
    }
}
