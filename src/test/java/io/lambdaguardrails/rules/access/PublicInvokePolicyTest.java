package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

class PublicInvokePolicyTest {

    static final String INVOKE = quoted("lambda:InvokeFunction"), INVOKE_URL = quoted("lambda:InvokeFunctionUrl");
    static final String STAR = quoted("*"), AWS_STAR = "{\"AWS\":\"*\"}";

    static Consumer<FunctionBuilder> publicInvoke(String condition) {
        return f -> f.policy(policy(allow("open", STAR, INVOKE, condition)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("Principal * without condition", publicInvoke(null), finding("any AWS account may invoke through the resource policy (statement 'open')")),
                arguments("Principal {AWS: *} without condition",
                        (Consumer<FunctionBuilder>) f -> f.policy(policy(allow("open", AWS_STAR, INVOKE, null))), finding("'open'")),
                arguments("own SourceAccount", publicInvoke(condition("StringEquals", "aws:SourceAccount", OWN)), none()),
                arguments("moto's AWS:SourceAccount key", publicInvoke(condition("StringEquals", "AWS:SourceAccount", OWN)), none()),
                arguments("sister SourceAccount", publicInvoke(condition("StringEquals", "aws:SourceAccount", SISTER)), none()),
                arguments("foreign SourceAccount is LG-ACC-004's", publicInvoke(condition("StringEquals", "aws:SourceAccount", FOREIGN)), none()),
                arguments("SourceAccount IfExists", publicInvoke(condition("StringEqualsIfExists", "aws:SourceAccount", OWN)), finding("'open'")),
                arguments("SourceAccount negated", publicInvoke(condition("StringNotEquals", "aws:SourceAccount", FOREIGN)), finding("'open'")),
                arguments("own PrincipalAccount", publicInvoke(condition("StringEquals", "aws:PrincipalAccount", OWN)), none()),
                arguments("our PrincipalOrgID", publicInvoke(condition("StringEquals", "aws:PrincipalOrgID", "o-test")), none()),
                arguments("foreign PrincipalOrgID is LG-ACC-004's", publicInvoke(condition("StringEquals", "aws:PrincipalOrgID", "o-zzzzzzzzzz")), none()),
                arguments("PrincipalOrgID like anything", publicInvoke(condition("StringLike", "aws:PrincipalOrgID", "*")), finding("'open'")),
                arguments("our PrincipalOrgPaths", publicInvoke(condition("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-test/r-root/*")), none()),
                arguments("our SourceOrgID", publicInvoke(condition("StringEquals", "aws:SourceOrgID", "o-test")), none()),
                arguments("our SourceOrgPaths", publicInvoke(condition("StringLike", "aws:SourceOrgPaths", "o-test/*")), none()),
                arguments("SourceArn with our account", publicInvoke(condition("ArnLike", "aws:SourceArn", "arn:aws:events:us-east-1:" + OWN + ":rule/r")), none()),
                arguments("S3 SourceArn names no account", publicInvoke(condition("ArnLike", "aws:SourceArn", "arn:aws:s3:::bucket")), finding("'open'")),
                arguments("event source token", publicInvoke(condition("StringEquals", "lambda:EventSourceToken", "amzn1.ask.skill.x")), none()),
                arguments("lambda:*", (Consumer<FunctionBuilder>) f -> f.policy(policy(allow("all", STAR, quoted("lambda:*"), null))),
                        finding("through the resource policy (statement 'all')")),
                arguments("read only, no invoke", (Consumer<FunctionBuilder>) f -> f.policy(policy(allow("get", STAR, quoted("lambda:GetFunction"), null))), none()),
                arguments("Allow NotAction covers invoke", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        "{\"Sid\":\"not\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"NotAction\":\"lambda:GetFunction\",\"Resource\":\"*\"}")), finding("'not'")),
                arguments("Deny is not a grant", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"*\"}")), none()),
                arguments("account principal is not public", (Consumer<FunctionBuilder>) f -> f.policy(policy(allow("acct", quoted(FOREIGN), INVOKE, null))), none()),
                arguments("URL-only statement bound to NONE, URL NONE: LG-ACC-002's", (Consumer<FunctionBuilder>) f -> f.url("NONE")
                        .policy(policy(allow("url", STAR, INVOKE_URL, condition("StringEquals", "lambda:FunctionUrlAuthType", "NONE")))), none()),
                arguments("URL-only statement, URL NONE: LG-ACC-002's", (Consumer<FunctionBuilder>) f -> f.url("NONE")
                        .policy(policy(allow("url", STAR, INVOKE_URL, null))), none()),
                arguments("InvokeFunction via the URL only, URL NONE", (Consumer<FunctionBuilder>) f -> f.url("NONE")
                        .policy(policy(allow("via", STAR, INVOKE, "{\"Bool\":{\"lambda:InvokedViaFunctionUrl\":true}}"))), none()),
                arguments("URL-only statement, URL AWS_IAM: every AWS account may call", (Consumer<FunctionBuilder>) f -> f.url("AWS_IAM")
                        .policy(policy(allow("url", STAR, INVOKE_URL, null))), finding("through the function URL (AuthType AWS_IAM) (statement 'url')")),
                arguments("URL-only statement bound to NONE, URL AWS_IAM: inert", (Consumer<FunctionBuilder>) f -> f.url("AWS_IAM")
                        .policy(policy(allow("url", STAR, INVOKE_URL, condition("StringEquals", "lambda:FunctionUrlAuthType", "NONE")))), none()),
                arguments("URL-only statement without a URL: inert", (Consumer<FunctionBuilder>) f -> f
                        .policy(policy(allow("url", STAR, INVOKE_URL, null))), none()),
                arguments("URL auth type on the invoke action does not restrict direct invoke of a NONE URL", (Consumer<FunctionBuilder>) f -> f.url("NONE")
                        .policy(policy(allow("both", STAR, "[\"lambda:InvokeFunction\",\"lambda:InvokeFunctionUrl\"]", null))), finding("'both'")),
                arguments("two open statements, one finding", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        allow("a", STAR, INVOKE, null), allow("b", AWS_STAR, quoted("lambda:InvokeAsync"), null))), finding("(statement 'a', statement 'b')")),
                arguments("statement without Sid is named by position", (Consumer<FunctionBuilder>) f -> f.policy(
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\"}]}"), finding("statement #1")),
                arguments("hostile Sid is neutralised", (Consumer<FunctionBuilder>) f -> f.policy(policy(allow("<b>x</b>\\n", STAR, INVOKE, null))), finding("statement '?b?x?/b??')")),
                arguments("malformed policy is skipped", (Consumer<FunctionBuilder>) f -> f.policy("{\"Statement\": [oops"), none()),
                arguments("policy not collected", (Consumer<FunctionBuilder>) f -> f.policy(policy(allow("open", STAR, INVOKE, null)))
                        .notCollected(LambdaFunction.Part.RESOURCE_POLICY), none()),
                arguments("no policy", (Consumer<FunctionBuilder>) f -> { }, none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void judgesPublicInvokeStatements(String name, Consumer<FunctionBuilder> function, Expect expect) {
        expect.verify(RuleRun.run(new PublicInvokePolicy(), Scenarios.inOrg(function)));
    }

    @Test
    void publicIsPublicEvenWhenTheOrganisationIsUnknown() {
        Snapshot open = Scenarios.orgUnavailable(publicInvoke(null));
        Snapshot foreignSource = Scenarios.orgUnavailable(publicInvoke(condition("StringEquals", "aws:SourceAccount", FOREIGN)));
        assertThat(RuleRun.run(new PublicInvokePolicy(), open)).hasSize(1);
        assertThat(RuleRun.run(new PublicInvokePolicy(), foreignSource)).isEmpty();
    }

    @Test
    void reportsTheFunction() {
        var v = RuleRun.run(new PublicInvokePolicy(), Scenarios.inOrg(publicInvoke(null))).getFirst();
        assertThat(v.resourceArn()).isEqualTo("arn:aws:lambda:us-east-1:" + OWN + ":function:fn");
        assertThat(v.resourceName()).isEqualTo("fn");
        assertThat(v.accountId()).isEqualTo(OWN);
        assertThat(v.related()).containsExactly("open");
        assertThat(PublicInvokePolicy.META.standards()).contains("Security Hub FSBP Lambda.1");
    }
}
