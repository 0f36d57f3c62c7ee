package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.ADMINISTRATOR_ACCESS;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.customerPolicy;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.underScps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ServiceWildcardGrantTest {

    static Snapshot inline(String document) {
        return Scenarios.role(r -> r.inline("p", document));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("s3:*", inline(identity(quoted("s3:*"), quoted("*"))), finding("role 'fn-role' allows s3:*; granted by inline policy 'p' statement #1")),
                arguments("s3:GetObject", inline(identity(quoted("s3:GetObject"), quoted("*"))), none()),
                arguments("s3:Get* is not service-wide", inline(identity(quoted("s3:Get*"), quoted("*"))), none()),
                arguments("several services", inline(identity("[\"dynamodb:*\",\"sqs:SendMessage\",\"SQS:*\"]", quoted("*"))), finding("allows dynamodb:*, SQS:*")),
                arguments("logs:* is allowed by default", inline(identity(quoted("logs:*"), quoted("*"))), none()),
                arguments("Allow with NotAction", inline("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}"), finding("allows Allow with NotAction")),
                arguments("Deny with NotAction", inline("{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"s3:GetObject\",\"Resource\":\"*\"}]}"), none()),
                arguments("* on one bucket", inline(identity(quoted("*"), quoted("arn:aws:s3:::b"))), finding("allows *")),
                arguments("* on * is LG-IAM-002's", inline(identity(quoted("*"), quoted("*"))), none()),
                arguments("two policies, one finding", Scenarios.role(r -> r.inline("a", identity(quoted("s3:*"), quoted("*")))
                        .inline("b", identity(quoted("kms:*"), quoted("*")))), finding("allows s3:*, kms:*; granted by inline policy 'a' statement #1, inline policy 'b' statement #1")),
                arguments("s3:* capped by a boundary allowing only s3:GetObject is no wildcard",
                        Scenarios.account(a -> a.managedPolicy(customerPolicy("read-only"), false, identity(quoted("s3:GetObject"), quoted("*")))
                                .role("fn-role", r -> r.inline("p", identity(quoted("s3:*"), quoted("*"))).boundary(customerPolicy("read-only")))),
                        none()),
                arguments("s3:* with a Deny of s3:* is no wildcard", inline(policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}",
                        "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")), none()),
                arguments("s3:* denied by an SCP on the OU is no wildcard", underScps(o -> o.scp("p-no-s3",
                                policy("{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), "ou-prod"),
                        r -> r.inline("p", identity(quoted("s3:*"), quoted("*")))), none()),
                arguments("s3:* with a Deny of deletes is still a wildcard", inline(policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}",
                        "{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}")), finding("allows s3:*")),
                arguments("an administrator role is LG-IAM-002's", underScps(o -> { }, r -> r.attached(ADMINISTRATOR_ACCESS)), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsServiceWideWildcards(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new ServiceWildcardGrant(), snapshot));
    }

    @Test
    void theAllowListIsConfigurable() {
        Settings none = Settings.defaults().withIam(new Settings.IamSettings(false, 90, 90, List.of()));
        Settings s3 = Settings.defaults().withIam(new Settings.IamSettings(false, 90, 90, List.of("S3")));
        assertThat(RuleRun.run(new ServiceWildcardGrant(), inline(identity(quoted("logs:*"), quoted("*"))), none)).hasSize(1);
        assertThat(RuleRun.run(new ServiceWildcardGrant(), inline(identity(quoted("s3:*"), quoted("*"))), s3)).isEmpty();
    }
}
