package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.OrgView;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.fixtures.Scenarios.inOrg;
import static org.assertj.core.api.Assertions.assertThat;

class ForeignAccountAccessTest {

    static final RuleTester RULE = RuleTester.of(new ForeignAccountAccess());

    static final String INVOKE = quoted("lambda:InvokeFunction");

    static Consumer<FunctionBuilder> grant(String principal, String condition) {
        return f -> f.policy(policy(allow("g", principal, INVOKE, condition)));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("bare foreign id (moto)", inOrg(grant(quoted(FOREIGN), null)), finding("fn", HIGH, FOREIGN + " (statement 'g')")),
                reports("{AWS: foreign id}", inOrg(grant("{\"AWS\":\"" + FOREIGN + "\"}", null)), finding("fn", HIGH, FOREIGN)),
                reports("foreign :root", inOrg(grant("{\"AWS\":\"arn:aws:iam::" + FOREIGN + ":root\"}", null)), finding("fn", HIGH, FOREIGN)),
                reports("foreign role ARN", inOrg(grant("{\"AWS\":\"arn:aws:iam::" + FOREIGN + ":role/deployer\"}", null)), finding("fn", HIGH, FOREIGN)),
                reports("one of a list", inOrg(grant("{\"AWS\":[\"" + SISTER + "\",\"arn:aws:iam::" + FOREIGN + ":user/u\"]}", null)), finding("fn", HIGH, FOREIGN)),
                reportsNothing("sister :root", inOrg(grant("{\"AWS\":\"arn:aws:iam::" + SISTER + ":root\"}", null))),
                reportsNothing("sister bare id", inOrg(grant(quoted(SISTER), null))),
                reportsNothing("own role ARN", inOrg(grant("{\"AWS\":\"arn:aws:iam::" + OWN + ":role/r\"}", null))),
                reports("Principal * narrowed to a foreign account", inOrg(grant(quoted("*"), condition("StringEquals", "aws:SourceAccount", FOREIGN))), finding("fn", HIGH, FOREIGN)),
                reports("Principal * narrowed to a foreign org", inOrg(grant(quoted("*"), condition("StringEquals", "aws:PrincipalOrgID", "o-zzzzzzzzzz"))), finding("fn", HIGH, "o-zzzzzzzzzz")),
                reportsNothing("Principal * narrowed to our org", inOrg(grant(quoted("*"), condition("StringEquals", "aws:PrincipalOrgID", "o-test")))),
                reportsNothing("Principal * without condition is LG-ACC-001's", inOrg(grant(quoted("*"), null))),
                reports("service with foreign SourceAccount", inOrg(grant("{\"Service\":\"s3.amazonaws.com\"}", condition("StringEquals", "aws:SourceAccount", FOREIGN))), finding("fn", HIGH, FOREIGN)),
                reports("service with foreign SourceArn", inOrg(grant("{\"Service\":\"sns.amazonaws.com\"}", condition("ArnLike", "AWS:SourceArn", "arn:aws:sns:us-east-1:" + FOREIGN + ":t"))), finding("fn", HIGH, FOREIGN)),
                reportsNothing("service with our SourceArn", inOrg(grant("{\"Service\":\"sns.amazonaws.com\"}", condition("ArnLike", "AWS:SourceArn", "arn:aws:sns:us-east-1:" + SISTER + ":t")))),
                reportsNothing("foreign account in a Deny", inOrg(f -> f.policy(policy(
                        "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"lambda:*\",\"Resource\":\"*\"}")))),
                reports("two statements, one grantee", inOrg(f -> f.policy(policy(
                        allow("a", quoted(FOREIGN), INVOKE, null), allow("b", quoted(FOREIGN), quoted("lambda:GetFunction"), null)))), finding("fn", HIGH, FOREIGN + " (statement 'a', statement 'b')")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsForeignGrantees(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void namesForeignIdsAsRelated() {
        var v = RULE.run(inOrg(f -> f.policy(policy(
                allow("a", quoted(FOREIGN), INVOKE, null),
                allow("b", quoted("*"), INVOKE, condition("StringEquals", "aws:PrincipalOrgID", "o-zzzzzzzzzz")))))).getFirst();
        assertThat(v.related()).containsExactly(FOREIGN, "o-zzzzzzzzzz");
    }

    @Test
    void isNotEvaluatedWhenTheOrganisationIsUnknownAndSaysSo() {
        var foreignGrant = grant(quoted(FOREIGN), null);
        assertThat(RULE.run(Scenarios.orgUnavailable(foreignGrant))).isEmpty();
        assertThat(RULE.notEvaluated(Scenarios.orgUnavailable(foreignGrant))).containsExactly(new NotEvaluated(
                ForeignAccountAccess.META.id(), OWN, Fixtures.REGION, OrgView.NOT_KNOWN + "'fn' grants " + FOREIGN));
        assertThat(RULE.notEvaluated(Scenarios.orgUnavailable(grant(quoted(OWN), null)))).as("only our own account named").isEmpty();
        assertThat(RULE.notEvaluated(inOrg(foreignGrant))).as("the organisation known").isEmpty();
        Settings trusted = RuleSettings.yaml("org: {trustedAccounts: [\"" + SISTER + "\"]}");
        assertThat(RULE.notEvaluated(Scenarios.orgUnavailable(foreignGrant), trusted)).as("org.trustedAccounts stands in").isEmpty();
    }

    @Test
    void fallsBackToTrustedAccountsWhenTheOrganisationIsUnknown() {
        Settings trusted = RuleSettings.yaml("org: {trustedAccounts: [\"" + SISTER + "\"]}");
        assertThat(RULE.run(Scenarios.orgUnavailable(grant(quoted(FOREIGN), null)), trusted)).hasSize(1);
        assertThat(RULE.run(Scenarios.orgUnavailable(grant(quoted(SISTER), null)), trusted)).isEmpty();
    }
}
