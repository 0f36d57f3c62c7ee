package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MissingRequiredTagsTest {

    static final Settings REQUIRED = Settings.defaults().withTags(new Settings.TagSettings(List.of("owner", "data-classification"), "owner"));

    static Snapshot tagged(Consumer<Fixtures.FunctionBuilder> function, UnaryOperator<Fixtures.RoleBuilder> role) {
        return Fixtures.org(o -> o.account(OWN, a -> a.role("fn-role", role)
                .region(Fixtures.REGION, r -> r.function("fn", function))));
    }

    static Stream<Arguments> cases() {
        Consumer<Fixtures.FunctionBuilder> fullFn = f -> f.tag("owner", "team-a").tag("data-classification", "internal");
        UnaryOperator<Fixtures.RoleBuilder> fullRole = r -> r.tag("owner", "team-a").tag("data-classification", "internal");
        return Stream.of(
                arguments("both tagged", tagged(fullFn, fullRole), none()),
                arguments("function untagged", tagged(f -> { }, fullRole), finding("function lacks owner, data-classification")),
                arguments("role partly tagged", tagged(fullFn, r -> r.tag("owner", "team-a")), finding("role 'fn-role' lacks data-classification")),
                arguments("both lacking, one finding", tagged(f -> f.tag("owner", "x"), r -> r),
                        finding("function lacks data-classification; role 'fn-role' lacks owner, data-classification")),
                arguments("blank value counts as missing", tagged(f -> f.tag("owner", " ").tag("data-classification", "internal"), fullRole), finding("function lacks owner")),
                arguments("function tags not collected", tagged(f -> f.notCollected(LambdaFunction.Part.TAGS), fullRole), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsMissingTags(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new MissingRequiredTags(), snapshot, REQUIRED));
    }

    @Test
    void evaluatesNothingWithoutRequiredTags() {
        assertThat(RuleRun.run(new MissingRequiredTags(), tagged(f -> { }, r -> r))).isEmpty();
    }
}
