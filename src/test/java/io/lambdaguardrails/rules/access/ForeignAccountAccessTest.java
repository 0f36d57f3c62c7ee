package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ForeignAccountAccessTest {

    static final String INVOKE = quoted("lambda:InvokeFunction");

    static Consumer<FunctionBuilder> grant(String principal, String condition) {
        return f -> f.policy(policy(allow("g", principal, INVOKE, condition)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("bare foreign id (moto)", grant(quoted(FOREIGN), null), finding(FOREIGN + " (statement 'g')")),
                arguments("{AWS: foreign id}", grant("{\"AWS\":\"" + FOREIGN + "\"}", null), finding(FOREIGN)),
                arguments("foreign :root", grant("{\"AWS\":\"arn:aws:iam::" + FOREIGN + ":root\"}", null), finding(FOREIGN)),
                arguments("foreign role ARN", grant("{\"AWS\":\"arn:aws:iam::" + FOREIGN + ":role/deployer\"}", null), finding(FOREIGN)),
                arguments("one of a list", grant("{\"AWS\":[\"" + SISTER + "\",\"arn:aws:iam::" + FOREIGN + ":user/u\"]}", null), finding(FOREIGN)),
                arguments("sister :root", grant("{\"AWS\":\"arn:aws:iam::" + SISTER + ":root\"}", null), none()),
                arguments("sister bare id", grant(quoted(SISTER), null), none()),
                arguments("own role ARN", grant("{\"AWS\":\"arn:aws:iam::" + OWN + ":role/r\"}", null), none()),
                arguments("Principal * narrowed to a foreign account", grant(quoted("*"), condition("StringEquals", "aws:SourceAccount", FOREIGN)), finding(FOREIGN)),
                arguments("Principal * narrowed to a foreign org", grant(quoted("*"), condition("StringEquals", "aws:PrincipalOrgID", "o-zzzzzzzzzz")), finding("o-zzzzzzzzzz")),
                arguments("Principal * narrowed to our org", grant(quoted("*"), condition("StringEquals", "aws:PrincipalOrgID", "o-test")), none()),
                arguments("Principal * without condition is LG-ACC-001's", grant(quoted("*"), null), none()),
                arguments("service with foreign SourceAccount", grant("{\"Service\":\"s3.amazonaws.com\"}", condition("StringEquals", "aws:SourceAccount", FOREIGN)), finding(FOREIGN)),
                arguments("service with foreign SourceArn", grant("{\"Service\":\"sns.amazonaws.com\"}", condition("ArnLike", "AWS:SourceArn", "arn:aws:sns:us-east-1:" + FOREIGN + ":t")), finding(FOREIGN)),
                arguments("service with our SourceArn", grant("{\"Service\":\"sns.amazonaws.com\"}", condition("ArnLike", "AWS:SourceArn", "arn:aws:sns:us-east-1:" + SISTER + ":t")), none()),
                arguments("foreign account in a Deny", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"lambda:*\",\"Resource\":\"*\"}")), none()),
                arguments("two statements, one grantee", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        allow("a", quoted(FOREIGN), INVOKE, null), allow("b", quoted(FOREIGN), quoted("lambda:GetFunction"), null))),
                        finding(FOREIGN + " (statement 'a', statement 'b')")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsForeignGrantees(String name, Consumer<FunctionBuilder> function, Expect expect) {
        expect.verify(RuleRun.run(new ForeignAccountAccess(), Scenarios.inOrg(function)));
    }

    @Test
    void namesForeignIdsAsRelated() {
        var v = RuleRun.run(new ForeignAccountAccess(), Scenarios.inOrg(f -> f.policy(policy(
                allow("a", quoted(FOREIGN), INVOKE, null),
                allow("b", quoted("*"), INVOKE, condition("StringEquals", "aws:PrincipalOrgID", "o-zzzzzzzzzz")))))).getFirst();
        assertThat(v.related()).containsExactly(FOREIGN, "o-zzzzzzzzzz");
    }

    @Test
    void isNotEvaluatedWhenTheOrganisationIsUnknown() {
        var foreignGrant = grant(quoted(FOREIGN), null);
        assertThat(RuleRun.run(new ForeignAccountAccess(), Scenarios.orgUnavailable(foreignGrant))).isEmpty();
    }

    @Test
    void fallsBackToTrustedAccountsWhenTheOrganisationIsUnknown() {
        Settings trusted = Settings.defaults().withOrg(new Settings.OrgSettings(List.of(SISTER)));
        assertThat(RuleRun.run(new ForeignAccountAccess(), Scenarios.orgUnavailable(grant(quoted(FOREIGN), null)), trusted)).hasSize(1);
        assertThat(RuleRun.run(new ForeignAccountAccess(), Scenarios.orgUnavailable(grant(quoted(SISTER), null)), trusted)).isEmpty();
    }
}
