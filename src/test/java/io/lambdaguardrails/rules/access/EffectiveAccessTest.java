package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.PolicyKind;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RoleScenarios;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import io.lambdaguardrails.rules.support.FunctionAccess;
import io.lambdaguardrails.rules.support.Invoker;
import io.lambdaguardrails.rules.support.InvokerKind;
import io.lambdaguardrails.rules.support.ScpPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.lambdaguardrails.rules.access.QualifiedResourcesTest.ALIAS_ARN;
import static io.lambdaguardrails.rules.access.QualifiedResourcesTest.INVOKE;
import static io.lambdaguardrails.rules.access.QualifiedResourcesTest.PUBLIC_ON_ALIAS;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.allowOn;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine hands on, with the findings, what the access evaluator concluded for each function: the answers the
 * LG-ACC and LG-IAM rules judged from, with the statements behind them, so a report can say why.
 */
class EffectiveAccessTest {

    private static List<FunctionAccess> effectiveAccess(Consumer<FunctionBuilder> function) {
        return effectiveAccess(Scenarios.inOrg(function));
    }

    private static List<FunctionAccess> effectiveAccess(Snapshot snapshot) {
        return new RuleEngine(RuleCatalogue.all(), Settings.defaults()).evaluateAll(snapshot, RuleTester.TODAY)
                .effectiveAccess();
    }

    @Test
    void anAdministratorRoleIsListedWithTheStatementThatMakesItOne() {
        var access = effectiveAccess(RoleScenarios.role(r -> r.attached(RoleScenarios.ADMINISTRATOR_ACCESS)));

        assertThat(access).singleElement().satisfies(fn -> {
            assertThat(fn.invokers()).isEmpty();
            assertThat(fn.role().roleArn()).endsWith(":role/fn-role");
            assertThat(fn.role().scps()).isEqualTo(ScpPath.Status.APPLIED);
            assertThat(fn.role().administrator()).hasValueSatisfying(admin -> {
                assertThat(admin.decision()).isEqualTo(Decision.ALLOWED);
                assertThat(admin.statements()).extracting(StatementRef::policy).contains(RoleScenarios.ADMINISTRATOR_ACCESS);
            });
        });
    }

    @Test
    void anAdministratorRoleThatAlsoHasDenyAllCanDoNothingAndIsNotListed() {
        assertThat(effectiveAccess(RoleScenarios.role(r -> r.attached(RoleScenarios.ADMINISTRATOR_ACCESS)
                .attached(RoleScenarios.DENY_ALL)))).isEmpty();
    }

    @Test
    void anAliasOpenToEveryAccountIsListedWithTheStatementThatOpensIt() {
        var access = effectiveAccess(f -> f.qualifier("live", q -> q.policy(PUBLIC_ON_ALIAS)));

        assertThat(access).singleElement().satisfies(fn -> {
            assertThat(fn.functionArn()).isEqualTo(ALIAS_ARN.substring(0, ALIAS_ARN.lastIndexOf(':')));
            assertThat(fn.invokers()).extracting(Invoker::kind)
                    .containsExactlyInAnyOrder(InvokerKind.ANY_ACCOUNT, InvokerKind.OWN_ACCOUNT);
            assertThat(fn.invokers()).filteredOn(i -> i.kind() == InvokerKind.ANY_ACCOUNT).singleElement().satisfies(invoker -> {
                assertThat(invoker.qualifier()).isEqualTo("live");
                assertThat(invoker.decision()).isEqualTo(Decision.ALLOWED);
                assertThat(invoker.statements()).singleElement().satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(PolicyKind.RESOURCE);
                    assertThat(s.policy()).isEqualTo("fn:live");
                    assertThat(s.sid()).isEqualTo("pub");
                });
            });
        });
    }

    @Test
    void aGrantThatDependsOnAnUnknownConditionSaysOnWhichKey() {
        String byIp = policy(allowOn("fn", "office", quoted("*"), INVOKE,
                condition("IpAddress", "aws:SourceIp", "203.0.113.0/24")));

        var access = effectiveAccess(f -> f.policy(byIp));

        assertThat(access).singleElement().satisfies(fn -> assertThat(fn.invokers())
                .filteredOn(i -> i.kind() == InvokerKind.ANY_ACCOUNT).singleElement().satisfies(invoker -> {
                    assertThat(invoker.decision()).isEqualTo(Decision.DEPENDS_ON_CONTEXT);
                    assertThat(invoker.dependsOn()).containsExactly("aws:SourceIp");
                }));
    }

    @Test
    void aPolicyThatOnlyNamesOurOwnAccountDelegatesToIamAndListsNobody() {
        // Naming the function's own account in its resource policy grants nothing by itself: identity policies decide.
        String own = policy(allowOn("fn", "ours", quoted("arn:aws:iam::" + OWN + ":root"), INVOKE, null));

        assertThat(effectiveAccess(f -> f.policy(own))).isEmpty();
    }

    @Test
    void aFunctionWhosePolicyWasNotReadHasNoEntry() {
        assertThat(effectiveAccess(f -> f.policy(policy(allowOn("fn", "pub", quoted("*"), INVOKE, null))).notCollected(LambdaFunction.Part.RESOURCE_POLICY))).isEmpty();
    }
}
