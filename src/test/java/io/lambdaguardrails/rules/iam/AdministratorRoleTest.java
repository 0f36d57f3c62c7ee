package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.CRITICAL;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.ADMINISTRATOR_ACCESS;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.DENY_ALL;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.POWER_USER;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.customerPolicy;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.inManagementAccount;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.orgUnavailable;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.role;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.underScps;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;

class AdministratorRoleTest {

    static final RuleTester RULE = RuleTester.of(new AdministratorRole());

    static final String EVERYTHING = identity(quoted("*"), quoted("*"));
    static final String LOGS_ONLY = identity(quoted("logs:*"), quoted("*"));

    static String conditioned(String operator, String key, String value) {
        return policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\""
                + key + "\":\"" + value + "\"}}}");
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("AdministratorAccess attached", role(r -> r.attached(ADMINISTRATOR_ACCESS)), finding("fn", CRITICAL, "role 'fn-role' can do everything; granted by managed policy 'AdministratorAccess' statement #1")),
                reports("inline * on *", role(r -> r.inline("god", EVERYTHING)), finding("fn", CRITICAL, "granted by inline policy 'god' statement #1")),
                reports("*:* on *", role(r -> r.inline("god", identity(quoted("*:*"), "[\"*\"]"))), finding("fn", CRITICAL, "can do everything")),
                reports("customer-managed * on *", Scenarios.account(a -> a.customerManagedPolicy(customerPolicy("wide"), EVERYTHING)
                                .role("fn-role", r -> r.attached(customerPolicy("wide")))), finding("fn", CRITICAL, "granted by managed policy 'wide' statement #1")),
                reportsNothing("AdministratorAccess capped by a permissions boundary allowing only logs:* is not administrator", Scenarios.account(a -> a.awsManagedPolicy(ADMINISTRATOR_ACCESS, EVERYTHING)
                                .customerManagedPolicy(customerPolicy("logs-only"), LOGS_ONLY)
                                .role("fn-role", r -> r.attached(ADMINISTRATOR_ACCESS).boundary(customerPolicy("logs-only"))))),
                reportsNothing("AdministratorAccess with AWSDenyAll attached is not administrator (an explicit Deny overrides)", role(r -> r.attached(ADMINISTRATOR_ACCESS).attached(DENY_ALL))),
                reports("* on * conditioned on aws:RequestedRegion is still administrator (global services ignore the region)", role(r -> r.inline("eu", conditioned("StringEquals", "aws:RequestedRegion", "eu-west-1"))), finding("fn", CRITICAL, "can do everything (conditioned only on aws:RequestedRegion, which limits where or when it acts, not what it reaches)")),
                reports("Allow * with NotResource one bucket is still administrator", role(r -> r.inline("nr",
                                policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::audit-logs\"}"))), finding("fn", CRITICAL, "can do everything; granted by inline policy 'nr' statement #1")),
                reportsNothing("* on * only with MFA: a function's session has none", role(r -> r.inline("mfa",
                        conditioned("Bool", "aws:MultiFactorAuthPresent", "true")))),
                reportsNothing("* on * only on resources tagged for the team is not administrator", role(r -> r.inline("abac",
                        conditioned("StringEquals", "aws:ResourceTag/team", "payments")))),
                reportsNothing("* on one bucket", role(r -> r.inline("b", identity(quoted("*"), quoted("arn:aws:s3:::b"))))),
                reportsNothing("s3:* on *", role(r -> r.inline("s3", identity(quoted("s3:*"), quoted("*"))))),
                reportsNothing("PowerUserAccess is not administrator", role(r -> r.attached(POWER_USER))),
                reportsNothing("an SCP denying iam:* at the root: not administrator", underScps(o -> o.scp("p-no-iam", policy("{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}"), "r-root"),
                                r -> r.attached(ADMINISTRATOR_ACCESS))),
                reportsNothing("an OU allow-list SCP in place of FullAWSAccess: not administrator", underScps(o -> o.scp("p-allow-lambda", identity("[\"lambda:*\",\"logs:*\"]", quoted("*")), "ou-prod"),
                                r -> r.attached(ADMINISTRATOR_ACCESS))),
                reports("SCPs that do not narrow it: administrator", underScps(o -> o.scp("p-no-leave",
                                policy("{\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}"), "ou-sandbox"),
                                r -> r.attached(ADMINISTRATOR_ACCESS)), finding("fn", CRITICAL, "can do everything; granted by")),
                reports("Organizations not read: judged without SCPs, and says so", orgUnavailable(r -> r.attached(ADMINISTRATOR_ACCESS)), finding("fn", CRITICAL, "can do everything; granted by managed policy 'AdministratorAccess' statement #1; SCPs not evaluated: Organizations was not read")),
                reports("an SCP on the path that does not parse: judged without SCPs, and says so", underScps(o -> o.scp("p-bad", "{\"Statement\": [", "ou-prod"), r -> r.attached(ADMINISTRATOR_ACCESS)), finding("fn", CRITICAL, "SCPs not evaluated: an SCP on the account's path does not parse")),
                reports("the management account is not bound by SCPs", inManagementAccount(o -> o.scp("p-no-iam", policy("{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}"), "r-root"),
                                r -> r.attached(ADMINISTRATOR_ACCESS)), finding("fn", CRITICAL, "SCPs do not bind the management account")),
                reportsNothing("AdministratorAccess attached but its document not collected: not judged", Scenarios.role(r -> r.attached(ADMINISTRATOR_ACCESS))),
                reportsNothing("a permissions boundary not collected: not judged", role(r -> r.attached(ADMINISTRATOR_ACCESS).boundary(customerPolicy("missing")))),
                reportsNothing("malformed inline policy", role(r -> r.attached(ADMINISTRATOR_ACCESS).inline("bad", "{\"Statement\": ["))),
                reportsNothing("role outside the inventory", Scenarios.inOrg(f -> f.roleArn("arn:aws:iam::999988887777:role/elsewhere"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsRolesThatCanEffectivelyDoEverything(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void relatesTheRoleAndTheGrantingManagedPolicy() {
        var v = RULE.run(role(r -> r.attached(ADMINISTRATOR_ACCESS)));
        assertThat(v).singleElement().satisfies(x ->
                assertThat(x.related()).containsExactly("arn:aws:iam::" + OWN + ":role/fn-role", ADMINISTRATOR_ACCESS));
    }
}
