package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AdministratorRoleTest {

    static final String ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String EVERYTHING = identity(quoted("*"), quoted("*"));

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("AdministratorAccess attached, document not fetched",
                        Scenarios.role(r -> r.attached(ADMIN_ARN)), finding("role 'fn-role': AdministratorAccess attached")),
                arguments("inline * on *", Scenarios.role(r -> r.inline("god", EVERYTHING)), finding("inline policy 'god' allows * on * (statement #1)")),
                arguments("*:* on *", Scenarios.role(r -> r.inline("god", identity(quoted("*:*"), "[\"*\"]"))), finding("allows * on *")),
                arguments("customer-managed * on *",
                        Scenarios.account(a -> a.managedPolicy("arn:aws:iam::" + OWN + ":policy/wide", false, EVERYTHING)
                                .role("fn-role", r -> r.attached("arn:aws:iam::" + OWN + ":policy/wide"))),
                        finding("managed policy 'wide' allows * on *")),
                arguments("* on * under a condition", Scenarios.role(r -> r.inline("mfa",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":true}}}]}")), none()),
                arguments("* on one bucket", Scenarios.role(r -> r.inline("b", identity(quoted("*"), quoted("arn:aws:s3:::b")))), none()),
                arguments("s3:* on *", Scenarios.role(r -> r.inline("s3", identity(quoted("s3:*"), quoted("*")))), none()),
                arguments("PowerUserAccess is not administrator", Scenarios.role(r -> r.attached("arn:aws:iam::aws:policy/PowerUserAccess")), none()),
                arguments("malformed inline policy", Scenarios.role(r -> r.inline("bad", "{\"Statement\": [")), none()),
                arguments("role outside the inventory", Scenarios.inOrg(f -> f.roleArn("arn:aws:iam::999988887777:role/elsewhere")), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsAdministratorRoles(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new AdministratorRole(), snapshot));
    }

    @Test
    void administratorAccessIsNamedOnceEvenWhenItsDocumentWasFetched() {
        var v = RuleRun.run(new AdministratorRole(),
                Scenarios.account(a -> a.managedPolicy(ADMIN_ARN, true, EVERYTHING).role("fn-role", r -> r.attached(ADMIN_ARN))));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.detail()).isEqualTo("role 'fn-role': AdministratorAccess attached");
            assertThat(x.related()).containsExactly("arn:aws:iam::" + OWN + ":role/fn-role", ADMIN_ARN);
        });
    }
}
