package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.lambdaguardrails.rules.fixtures.Fixtures.cors;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.allowOn;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.publicUrl;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aliases and versions carry their own resource policy and URL: each access rule judges them as resources of their
 * own and reports the qualified ARN, and the unqualified function is judged on its own policy only.
 */
class QualifiedResourcesTest {

    static final String ALIAS_ARN = "arn:aws:lambda:us-east-1:" + OWN + ":function:fn:live";
    static final String INVOKE = quoted("lambda:InvokeFunction");

    /** {@code aws lambda add-permission --function-name fn --qualifier live --statement-id pub --principal '*'}. */
    static final String PUBLIC_ON_ALIAS = policy(allowOn("fn:live", "pub", quoted("*"), INVOKE, null));

    static List<Violation> run(Rule rule, Consumer<FunctionBuilder> function) {
        return RuleTester.of(rule).run(Scenarios.inOrg(function));
    }

    @Test
    void qualifiedPublicPermissionIsReportedOnTheAlias() {
        var violations = run(new PublicInvokePolicy(), f -> f.qualifier("live", q -> q.policy(PUBLIC_ON_ALIAS)));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.resourceArn()).isEqualTo(ALIAS_ARN);
            assertThat(v.resourceName()).isEqualTo("fn:live");
            assertThat(v.detail()).isEqualTo("any AWS account may invoke through the resource policy (statement 'pub')");
            assertThat(v.related()).containsExactly("pub");
        });
    }

    @Test
    void aliasPermissionScopedToOurAccountIsNotPublic() {
        String scoped = policy(allowOn("fn:live", "api", quoted("*"), INVOKE,
                condition("StringEquals", "aws:SourceAccount", OWN)));
        assertThat(run(new PublicInvokePolicy(), f -> f.qualifier("live", q -> q.policy(scoped)))).isEmpty();
    }

    @Test
    void aStatementForTheAliasDoesNotOpenTheUnqualifiedFunction() {
        // Emulators (and copy-pasted policies) put the alias's statement in the function's own policy.
        assertThat(run(new PublicInvokePolicy(), f -> f.policy(PUBLIC_ON_ALIAS))).isEmpty();
    }

    @Test
    void publicVersionIsReportedOnTheVersion() {
        var violations = run(new PublicInvokePolicy(), f -> f.qualifier("7",
                q -> q.policy(policy(allowOn("fn:7", "v7", quoted("*"), INVOKE, null)))));
        assertThat(violations).singleElement().extracting(Violation::resourceArn)
                .isEqualTo("arn:aws:lambda:us-east-1:" + OWN + ":function:fn:7");
    }

    @Test
    void functionAndAliasAreReportedSeparately() {
        var violations = run(new PublicInvokePolicy(), f -> f
                .policy(policy(allowOn("fn", "fn-pub", quoted("*"), INVOKE, null)))
                .qualifier("live", q -> q.policy(PUBLIC_ON_ALIAS)));
        assertThat(violations).extracting(Violation::resourceName).containsExactly("fn", "fn:live");
    }

    @Test
    void aliasWhosePolicyWasNotReadIsNotJudged() {
        assertThat(run(new PublicInvokePolicy(), f -> f.qualifier("live", q -> q.policy(PUBLIC_ON_ALIAS)
                .notCollected(LambdaFunction.Qualifier.Part.RESOURCE_POLICY)))).isEmpty();
        assertThat(run(new PublicInvokePolicy(), f -> f.qualifier("live", q -> q.policy(PUBLIC_ON_ALIAS))
                .notCollected(LambdaFunction.Part.QUALIFIERS))).isEmpty();
    }

    @Test
    void whatWasNotReadIsNotEvaluatedNotSilent() {
        var context = RuleTester.context(Scenarios.inOrg(f -> f
                .qualifier("live", q -> q.policy(PUBLIC_ON_ALIAS).notCollected(LambdaFunction.Qualifier.Part.RESOURCE_POLICY))
                .qualifier("beta", q -> q.notCollected(LambdaFunction.Qualifier.Part.URL))));
        assertThat(new PublicInvokePolicy().notEvaluated(context)).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("LG-ACC-001");
            assertThat(n.accountId()).isEqualTo(OWN);
            assertThat(n.reason()).isEqualTo("not read: policy of 'fn:live', URL of 'fn:beta'");
        });
        // A rule that does not read the URL is not held back by it.
        assertThat(new UnscopedServicePrincipal().notEvaluated(context)).singleElement()
                .extracting(n -> n.reason()).isEqualTo("not read: policy of 'fn:live'");

        var unlisted = RuleTester.context(Scenarios.inOrg(f -> f.notCollected(LambdaFunction.Part.QUALIFIERS)));
        assertThat(new PermissiveUrlCors().notEvaluated(unlisted)).singleElement()
                .extracting(n -> n.reason()).isEqualTo("not read: aliases of 'fn'");
        var everythingRead = RuleTester.context(Scenarios.inOrg(f -> f.qualifier("live", q -> q)));
        assertThat(new PublicInvokePolicy().notEvaluated(everythingRead)).isEmpty();
    }

    @Test
    void unauthenticatedUrlOnTheAliasIsReportedOnIt() {
        var violations = run(new UnauthenticatedFunctionUrl(), f -> f.qualifier("live", q -> q.url("NONE")));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.resourceArn()).isEqualTo(ALIAS_ARN);
            assertThat(v.detail()).isEqualTo("function URL has AuthType NONE");
            assertThat(v.severity()).isNull();
        });
    }

    @Test
    void unauthenticatedAliasUrlOpenToAnyoneIsCritical() {
        String open = policy(publicUrl("fn:live"));
        var violations = run(new UnauthenticatedFunctionUrl(), f -> f.qualifier("live", q -> q.url("NONE").policy(open)));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.resourceArn()).isEqualTo(ALIAS_ARN);
            assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(v.detail()).contains("lets anyone call it (statement 'url', statement 'via')");
        });
        // The URL-only statement is LG-ACC-002's, not LG-ACC-001's.
        assertThat(run(new PublicInvokePolicy(), f -> f.qualifier("live", q -> q.url("NONE").policy(open)))).isEmpty();
    }

    @Test
    void authenticatedOrUnreadAliasUrlIsNotReported() {
        assertThat(run(new UnauthenticatedFunctionUrl(), f -> f.qualifier("live", q -> q.url("AWS_IAM")))).isEmpty();
        assertThat(run(new UnauthenticatedFunctionUrl(), f -> f.qualifier("live", q -> q.url("NONE")
                .notCollected(LambdaFunction.Qualifier.Part.URL)))).isEmpty();
    }

    @Test
    void permissiveCorsOnTheAliasUrlIsReportedOnIt() {
        assertThat(run(new PermissiveUrlCors(), f -> f.qualifier("live", q -> q.url("AWS_IAM", cors("*")))))
                .singleElement().extracting(Violation::resourceArn).isEqualTo(ALIAS_ARN);
        assertThat(run(new PermissiveUrlCors(), f -> f.qualifier("live",
                q -> q.url("AWS_IAM", cors("https://app.example.com"))))).isEmpty();
    }

    @Test
    void apiGatewayPermissionOnTheAliasWithoutSourceArnIsUnscoped() {
        String apiGateway = "{\"Service\":\"apigateway.amazonaws.com\"}";
        assertThat(run(new UnscopedServicePrincipal(), f -> f.qualifier("live",
                q -> q.policy(policy(allowOn("fn:live", "apigw", apiGateway, INVOKE, null))))))
                .singleElement().extracting(Violation::resourceArn).isEqualTo(ALIAS_ARN);
        String scoped = condition("ArnLike", "AWS:SourceArn", "arn:aws:execute-api:us-east-1:" + OWN + ":abc123/*/GET/items");
        assertThat(run(new UnscopedServicePrincipal(), f -> f.qualifier("live",
                q -> q.policy(policy(allowOn("fn:live", "apigw", apiGateway, INVOKE, scoped)))))).isEmpty();
    }

    @Test
    void foreignGrantsOnTheAliasAreReportedOnIt() {
        String foreign = policy(allowOn("fn:live", "partner", quoted(FOREIGN), INVOKE, null));
        assertThat(run(new ForeignAccountAccess(), f -> f.qualifier("live", q -> q.policy(foreign))))
                .singleElement().satisfies(v -> {
                    assertThat(v.resourceArn()).isEqualTo(ALIAS_ARN);
                    assertThat(v.related()).containsExactly(FOREIGN);
                });
        String getFunction = policy(allowOn("fn:live", "code", quoted(FOREIGN), quoted("lambda:GetFunction"), null));
        assertThat(run(new NonInvokeGrant(), f -> f.qualifier("live", q -> q.policy(getFunction))))
                .singleElement().extracting(Violation::resourceArn).isEqualTo(ALIAS_ARN);
        assertThat(run(new NonInvokeGrant(), f -> f.qualifier("live",
                q -> q.policy(policy(allowOn("fn:live", "inv", quoted(FOREIGN), INVOKE, null)))))).isEmpty();
    }
}
