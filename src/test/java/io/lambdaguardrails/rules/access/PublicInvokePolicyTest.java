package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.CRITICAL;
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

class PublicInvokePolicyTest {

    static final RuleTester RULE = RuleTester.of(new PublicInvokePolicy());

    static final String INVOKE = quoted("lambda:InvokeFunction"), INVOKE_URL = quoted("lambda:InvokeFunctionUrl");
    static final String VIA_URL = condition("Bool", "lambda:InvokedViaFunctionUrl", "true");
    static final String STAR = quoted("*"), AWS_STAR = "{\"AWS\":\"*\"}";

    static Consumer<FunctionBuilder> publicInvoke(String condition) {
        return f -> f.policy(policy(allow("open", STAR, INVOKE, condition)));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("Principal * without condition", inOrg(publicInvoke(null)), finding("fn", CRITICAL, "any AWS account may invoke through the resource policy (statement 'open')")),
                reports("Principal {AWS: *} without condition", inOrg(f -> f.policy(policy(allow("open", AWS_STAR, INVOKE, null)))), finding("fn", CRITICAL, "'open'")),
                reportsNothing("own SourceAccount", inOrg(publicInvoke(condition("StringEquals", "aws:SourceAccount", OWN)))),
                reportsNothing("moto's AWS:SourceAccount key", inOrg(publicInvoke(condition("StringEquals", "AWS:SourceAccount", OWN)))),
                reportsNothing("sister SourceAccount", inOrg(publicInvoke(condition("StringEquals", "aws:SourceAccount", SISTER)))),
                reportsNothing("foreign SourceAccount is LG-ACC-004's", inOrg(publicInvoke(condition("StringEquals", "aws:SourceAccount", FOREIGN)))),
                reports("SourceAccount IfExists", inOrg(publicInvoke(condition("StringEqualsIfExists", "aws:SourceAccount", OWN))), finding("fn", CRITICAL, "'open'")),
                reports("SourceAccount negated", inOrg(publicInvoke(condition("StringNotEquals", "aws:SourceAccount", FOREIGN))), finding("fn", CRITICAL, "'open'")),
                reportsNothing("own PrincipalAccount", inOrg(publicInvoke(condition("StringEquals", "aws:PrincipalAccount", OWN)))),
                reportsNothing("our PrincipalOrgID", inOrg(publicInvoke(condition("StringEquals", "aws:PrincipalOrgID", "o-test")))),
                reportsNothing("foreign PrincipalOrgID is LG-ACC-004's", inOrg(publicInvoke(condition("StringEquals", "aws:PrincipalOrgID", "o-zzzzzzzzzz")))),
                reports("PrincipalOrgID like anything", inOrg(publicInvoke(condition("StringLike", "aws:PrincipalOrgID", "*"))), finding("fn", CRITICAL, "'open'")),
                reportsNothing("our PrincipalOrgPaths", inOrg(publicInvoke(condition("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-test/r-root/*")))),
                reportsNothing("our SourceOrgID", inOrg(publicInvoke(condition("StringEquals", "aws:SourceOrgID", "o-test")))),
                reportsNothing("our SourceOrgPaths", inOrg(publicInvoke(condition("StringLike", "aws:SourceOrgPaths", "o-test/*")))),
                reportsNothing("SourceArn with our account", inOrg(publicInvoke(condition("ArnLike", "aws:SourceArn", "arn:aws:events:us-east-1:" + OWN + ":rule/r")))),
                reports("S3 SourceArn names no account", inOrg(publicInvoke(condition("ArnLike", "aws:SourceArn", "arn:aws:s3:::bucket"))), finding("fn", CRITICAL, "'open'")),
                reportsNothing("event source token", inOrg(publicInvoke(condition("StringEquals", "lambda:EventSourceToken", "amzn1.ask.skill.x")))),
                reports("lambda:*", inOrg(f -> f.policy(policy(allow("all", STAR, quoted("lambda:*"), null)))), finding("fn", CRITICAL, "through the resource policy (statement 'all')")),
                reportsNothing("read only, no invoke", inOrg(f -> f.policy(policy(allow("get", STAR, quoted("lambda:GetFunction"), null))))),
                reports("Allow NotAction covers invoke", inOrg(f -> f.policy(policy(
                        "{\"Sid\":\"not\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"NotAction\":\"lambda:GetFunction\",\"Resource\":\"*\"}"))), finding("fn", CRITICAL, "'not'")),
                reportsNothing("Deny is not a grant", inOrg(f -> f.policy(policy(
                        "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"*\"}")))),
                reportsNothing("account principal is not public", inOrg(f -> f.policy(policy(allow("acct", quoted(FOREIGN), INVOKE, null))))),
                reportsNothing("URL-only statement bound to NONE, URL NONE: LG-ACC-002's", inOrg(f -> f.url("NONE")
                        .policy(policy(allow("url", STAR, INVOKE_URL, condition("StringEquals", "lambda:FunctionUrlAuthType", "NONE")))))),
                reportsNothing("URL-only statement, URL NONE: LG-ACC-002's", inOrg(f -> f.url("NONE")
                        .policy(policy(allow("url", STAR, INVOKE_URL, null))))),
                reportsNothing("InvokeFunction via the URL only, URL NONE", inOrg(f -> f.url("NONE")
                        .policy(policy(allow("via", STAR, INVOKE, "{\"Bool\":{\"lambda:InvokedViaFunctionUrl\":true}}"))))),
                reportsNothing("InvokeFunctionUrl alone, URL AWS_IAM: a URL call also needs InvokeFunction", inOrg(f -> f.url("AWS_IAM")
                        .policy(policy(allow("url", STAR, INVOKE_URL, null))))),
                reports("InvokeFunctionUrl and InvokeFunction through the URL, URL AWS_IAM: every AWS account may call", inOrg(f -> f.url("AWS_IAM")
                        .policy(policy(allow("url", STAR, INVOKE_URL, null), allow("via", STAR, INVOKE, VIA_URL)))),
                        finding("fn", CRITICAL, "through the function URL (AuthType AWS_IAM) (statement 'url', statement 'via')")),
                reportsNothing("URL-only statement bound to NONE, URL AWS_IAM: inert", inOrg(f -> f.url("AWS_IAM")
                        .policy(policy(allow("url", STAR, INVOKE_URL, condition("StringEquals", "lambda:FunctionUrlAuthType", "NONE")))))),
                reportsNothing("URL-only statement without a URL: inert", inOrg(f -> f
                        .policy(policy(allow("url", STAR, INVOKE_URL, null))))),
                reports("URL auth type on the invoke action does not restrict direct invoke of a NONE URL", inOrg(f -> f.url("NONE")
                        .policy(policy(allow("both", STAR, "[\"lambda:InvokeFunction\",\"lambda:InvokeFunctionUrl\"]", null)))), finding("fn", CRITICAL, "'both'")),
                reports("two open statements, one finding", inOrg(f -> f.policy(policy(
                        allow("a", STAR, INVOKE, null), allow("b", AWS_STAR, quoted("lambda:InvokeAsync"), null)))), finding("fn", CRITICAL, "(statement 'a', statement 'b')")),
                reports("statement without Sid is named by position", inOrg(f -> f.policy(
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\"}]}")), finding("fn", CRITICAL, "statement #1")),
                reports("hostile Sid is neutralised", inOrg(f -> f.policy(policy(allow("<b>x</b>\\n", STAR, INVOKE, null)))), finding("fn", CRITICAL, "statement '?b?x?/b??')")),
                reportsNothing("malformed policy is skipped", inOrg(f -> f.policy("{\"Statement\": [oops"))),
                reportsNothing("policy not collected", inOrg(f -> f.policy(policy(allow("open", STAR, INVOKE, null)))
                        .notCollected(LambdaFunction.Part.RESOURCE_POLICY))),
                reportsNothing("no policy", inOrg(f -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesPublicInvokeStatements(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void publicIsPublicEvenWhenTheOrganisationIsUnknown() {
        Snapshot open = Scenarios.orgUnavailable(publicInvoke(null));
        Snapshot foreignSource = Scenarios.orgUnavailable(publicInvoke(condition("StringEquals", "aws:SourceAccount", FOREIGN)));
        assertThat(RULE.run(open)).hasSize(1);
        assertThat(RULE.run(foreignSource)).isEmpty();
    }

    @Test
    void reportsTheFunction() {
        var v = RULE.run(inOrg(publicInvoke(null))).getFirst();
        assertThat(v.resourceArn()).isEqualTo("arn:aws:lambda:us-east-1:" + OWN + ":function:fn");
        assertThat(v.resourceName()).isEqualTo("fn");
        assertThat(v.accountId()).isEqualTo(OWN);
        assertThat(v.related()).containsExactly("open");
        assertThat(PublicInvokePolicy.META.standards()).contains("Security Hub FSBP Lambda.1");
    }
}
