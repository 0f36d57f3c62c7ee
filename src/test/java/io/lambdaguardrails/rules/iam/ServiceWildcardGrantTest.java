package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.ADMINISTRATOR_ACCESS;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.customerPolicy;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.underScps;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceWildcardGrantTest {

    static final RuleTester RULE = RuleTester.of(new ServiceWildcardGrant());

    static Snapshot inline(String document) {
        return Scenarios.role(r -> r.inline("p", document));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("s3:*", inline(identity(quoted("s3:*"), quoted("*"))), finding("fn", HIGH, "role 'fn-role' allows s3:*; granted by inline policy 'p' statement #1")),
                reportsNothing("s3:GetObject", inline(identity(quoted("s3:GetObject"), quoted("*")))),
                reportsNothing("s3:Get* is not service-wide", inline(identity(quoted("s3:Get*"), quoted("*")))),
                reports("several services", inline(identity("[\"dynamodb:*\",\"sqs:SendMessage\",\"SQS:*\"]", quoted("*"))), finding("fn", HIGH, "allows dynamodb:*, SQS:*")),
                reportsNothing("logs:* is allowed by default", inline(identity(quoted("logs:*"), quoted("*")))),
                reports("Allow with NotAction", inline("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}"), finding("fn", HIGH, "allows Allow with NotAction")),
                reportsNothing("Deny with NotAction", inline("{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"s3:GetObject\",\"Resource\":\"*\"}]}")),
                reports("* on one bucket", inline(identity(quoted("*"), quoted("arn:aws:s3:::b"))), finding("fn", HIGH, "allows *")),
                reportsNothing("* on * is LG-IAM-002's", inline(identity(quoted("*"), quoted("*")))),
                reports("two policies, one finding", Scenarios.role(r -> r.inline("a", identity(quoted("s3:*"), quoted("*")))
                        .inline("b", identity(quoted("kms:*"), quoted("*")))), finding("fn", HIGH, "allows s3:*, kms:*; granted by inline policy 'a' statement #1, inline policy 'b' statement #1")),
                reportsNothing("s3:* capped by a boundary allowing only s3:GetObject is no wildcard", Scenarios.account(a -> a.customerManagedPolicy(customerPolicy("read-only"), identity(quoted("s3:GetObject"), quoted("*")))
                                .role("fn-role", r -> r.inline("p", identity(quoted("s3:*"), quoted("*"))).boundary(customerPolicy("read-only"))))),
                reportsNothing("s3:* with a Deny of s3:* is no wildcard", inline(policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}",
                        "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))),
                reportsNothing("s3:* denied by an SCP on the OU is no wildcard", underScps(o -> o.scp("p-no-s3",
                                policy("{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), "ou-prod"),
                        r -> r.inline("p", identity(quoted("s3:*"), quoted("*"))))),
                reports("s3:* with a Deny of deletes is still a wildcard", inline(policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}",
                        "{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}")), finding("fn", HIGH, "allows s3:*")),
                reportsNothing("an administrator role is LG-IAM-002's", underScps(o -> { }, r -> r.attached(ADMINISTRATOR_ACCESS))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsServiceWideWildcards(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void theAllowListIsConfigurable() {
        Settings none = RuleSettings.yaml("iam: {wildcardAllowedServices: []}");
        Settings s3 = RuleSettings.yaml("iam: {wildcardAllowedServices: [S3]}");
        assertThat(RULE.run(inline(identity(quoted("logs:*"), quoted("*"))), none)).hasSize(1);
        assertThat(RULE.run(inline(identity(quoted("s3:*"), quoted("*"))), s3)).isEmpty();
    }
}
