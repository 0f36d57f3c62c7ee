package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.allowOn;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.publicUrl;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.Scenarios.inOrg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FunctionInvokersTest {

    static final String INVOKE = quoted("lambda:InvokeFunction"), STAR = quoted("*");

    /** An invoker as a test states it: qualifier, kind, principal, through, decision and the keys it depends on. */
    record Seen(String qualifier, InvokerKind kind, String principal, String through, Decision decision, List<String> dependsOn) {
        static Seen of(Invoker i) {
            return new Seen(i.qualifier(), i.kind(), i.principal(), i.through(), i.decision(), i.dependsOn());
        }
    }

    static Seen allowed(InvokerKind kind, String principal, String through) {
        return new Seen("", kind, principal, through, Decision.ALLOWED, List.of());
    }

    static List<Seen> invokers(Snapshot snapshot) {
        var context = RuleTester.context(snapshot);
        return context.functions().flatMap(scope -> FunctionInvokers.of(context, scope).stream()).map(Seen::of).toList();
    }

    static Consumer<FunctionBuilder> grant(String principal, String condition) {
        return f -> f.policy(policy(allow("s", principal, INVOKE, condition)));
    }

    static Stream<Arguments> cases() {
        String policy = Invoker.RESOURCE_POLICY;
        return Stream.of(
                arguments("Principal * with no condition: any account (and so our own)", inOrg(grant(STAR, null)), List.of(allowed(InvokerKind.ANY_ACCOUNT, "*", policy), allowed(InvokerKind.OWN_ACCOUNT, OWN, policy))),
                arguments("Principal * for our organisation", inOrg(grant(STAR, condition("StringEquals", "aws:PrincipalOrgID", "o-test"))), List.of(allowed(InvokerKind.OWN_ACCOUNT, OWN, policy), allowed(InvokerKind.ORGANIZATION, "o-test", policy))),
                arguments("a foreign account", inOrg(grant(quoted(FOREIGN), null)), List.of(allowed(InvokerKind.FOREIGN_ACCOUNT, FOREIGN, policy))),
                arguments("a sister account", inOrg(grant(quoted(SISTER), null)), List.of(allowed(InvokerKind.ORGANIZATION, SISTER, policy))),
                arguments("granting our own account adds nobody: identity policies decide", inOrg(grant(quoted(OWN), null)), List.of()),
                arguments("a role of our own account", inOrg(grant("{\"AWS\":\"arn:aws:iam::" + OWN + ":role/ops\"}", null)), List.of(allowed(InvokerKind.OWN_ACCOUNT, "arn:aws:iam::" + OWN + ":role/ops", policy))),
                arguments("S3 without a source", inOrg(grant("{\"Service\":\"s3.amazonaws.com\"}", null)), List.of(allowed(InvokerKind.SERVICE_UNSCOPED, "s3.amazonaws.com", policy), allowed(InvokerKind.SERVICE_SCOPED, "s3.amazonaws.com", policy))),
                arguments("S3 for our account", inOrg(grant("{\"Service\":\"s3.amazonaws.com\"}", condition("StringEquals", "aws:SourceAccount", OWN))), List.of(allowed(InvokerKind.SERVICE_SCOPED, "s3.amazonaws.com", policy))),
                arguments("S3 for a foreign account", inOrg(grant("{\"Service\":\"s3.amazonaws.com\"}", condition("StringEquals", "aws:SourceAccount", FOREIGN))), List.of(allowed(InvokerKind.FOREIGN_ACCOUNT, FOREIGN, policy))),
                arguments("Principal * from an address range depends on the source IP", inOrg(grant(STAR, condition("IpAddress", "aws:SourceIp", "10.0.0.0/8"))), List.of(new Seen("", InvokerKind.ANY_ACCOUNT, "*", policy, Decision.DEPENDS_ON_CONTEXT, List.of("aws:SourceIp")),
                                new Seen("", InvokerKind.OWN_ACCOUNT, OWN, policy, Decision.DEPENDS_ON_CONTEXT, List.of("aws:SourceIp")))),
                arguments("a policy variable is context, never a crash", inOrg(grant(STAR, condition("StringEquals", "aws:PrincipalTag/team", "${aws:PrincipalTag/owner}"))), List.of(new Seen("", InvokerKind.ANY_ACCOUNT, "*", policy, Decision.DEPENDS_ON_CONTEXT, List.of("aws:PrincipalTag/team")),
                                new Seen("", InvokerKind.OWN_ACCOUNT, OWN, policy, Decision.DEPENDS_ON_CONTEXT, List.of("aws:PrincipalTag/team")))),
                arguments("a Deny for outsiders narrows Principal * to the organisation", inOrg(f -> f.policy(policy(allow("s", STAR, INVOKE, null),
                        "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"lambda:*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-test\"}}}"))), List.of(allowed(InvokerKind.OWN_ACCOUNT, OWN, policy), allowed(InvokerKind.ORGANIZATION, "o-test", policy))),
                arguments("a URL with AuthType NONE and Principal * for it: the public", inOrg(f -> f.url("NONE")
                        .policy(policy(publicUrl("fn")))), List.of(allowed(InvokerKind.PUBLIC, "*", Invoker.url("NONE")))),
                arguments("a URL with AuthType NONE and Principal * for InvokeFunctionUrl alone: nobody, AWS wants InvokeFunction too", inOrg(f -> f.url("NONE")
                        .policy(policy(publicUrl("fn")[0]))), List.of()),
                arguments("a URL with AuthType NONE whose InvokeFunction is denied to anyone: nobody", inOrg(f -> f.url("NONE")
                        .policy(policy(publicUrl("fn")[0], publicUrl("fn")[1], "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"*\"}"))), List.of()),
                arguments("a URL with AuthType AWS_IAM and Principal * for it: any account, through the URL", inOrg(f -> f.url("AWS_IAM")
                        .policy(policy(allow("url", STAR, quoted("lambda:InvokeFunctionUrl"), null),
                                allow("via", STAR, INVOKE, condition("Bool", "lambda:InvokedViaFunctionUrl", "true"))))), List.of(allowed(InvokerKind.ANY_ACCOUNT, "*", Invoker.url("AWS_IAM")), allowed(InvokerKind.OWN_ACCOUNT, OWN, Invoker.url("AWS_IAM")))),
                arguments("an alias is its own resource", inOrg(f -> f.qualifier("live",
                        q -> q.policy(policy(allowOn("fn:live", "a", quoted(FOREIGN), INVOKE, null))))), List.of(new Seen("live", InvokerKind.FOREIGN_ACCOUNT, FOREIGN, policy, Decision.ALLOWED, List.of()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWhoMayInvoke(String name, Snapshot snapshot, List<Seen> expected) {
        assertThat(invokers(snapshot)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void namesTheGrantingStatements() {
        var context = RuleTester.context(Scenarios.inOrg(grant(quoted(FOREIGN), null)));
        var invoker = context.functions().flatMap(scope -> FunctionInvokers.of(context, scope).stream()).findFirst().orElseThrow();
        assertThat(invoker.statements()).singleElement().satisfies(ref -> {
            assertThat(ref.sid()).isEqualTo("s");
            assertThat(ref.policy()).isEqualTo("fn");
        });
    }

    @Test
    void evaluatedOncePerResourceForAllTheRulesThatAsk() {
        var context = RuleTester.context(Scenarios.inOrg(f -> f.policy(policy(
                allow("s", quoted(FOREIGN), "[" + INVOKE + "," + quoted("lambda:GetFunction") + "]", null)))));
        var scope = context.functions().findFirst().orElseThrow();
        var membership = context.org().membership(scope.account().accountId());
        QualifiedFunction target = QualifiedFunction.of(context, scope.function()).getFirst();

        List<Invoker> invokers = FunctionInvokers.of(context, target, membership);
        assertThat(invokers).isNotEmpty().isSameAs(FunctionInvokers.of(context, target, membership));
        assertThat(FunctionInvokers.of(context, scope)).isEqualTo(invokers);
        List<FunctionGrants.Grant> grants = FunctionGrants.beyondInvoke(context, target, membership);
        assertThat(grants).isNotEmpty().isSameAs(FunctionGrants.beyondInvoke(context, target, membership));
    }
}
