package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RoleScenarios;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import io.lambdaguardrails.rules.iam.AdministratorRole;
import io.lambdaguardrails.rules.iam.ExtraTrustedPrincipal;
import io.lambdaguardrails.rules.iam.MissingPermissionsBoundary;
import io.lambdaguardrails.rules.iam.PrivilegeEscalation;
import io.lambdaguardrails.rules.iam.ServiceWildcardGrant;
import io.lambdaguardrails.rules.iam.StaleExecutionRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.ADMINISTRATOR_ACCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The execution-role rules say which roles they could not judge — LG-IAM-002/003/004 also which roles they could not judge and where SCPs could not be
 * applied, instead of passing them in silence.
 */
class UnreadRoleDataTest {

    private static final String ROLE_OF_FN = " of role 'fn-role' (function 'fn')";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("an inline policy that does not parse", RoleScenarios.role(r -> r.inline("app", "not json")),
                        Fixtures.REGION, "not read: inline policy 'app' (does not parse)" + ROLE_OF_FN),
                arguments("an attached policy that was not collected", RoleScenarios.role(r -> r
                                .attached(RoleScenarios.customerPolicy("unread"))),
                        Fixtures.REGION, "not read: managed policy " + RoleScenarios.customerPolicy("unread") + ROLE_OF_FN),
                arguments("a boundary that was not collected", RoleScenarios.role(r -> r.attached(ADMINISTRATOR_ACCESS)
                                .boundary(RoleScenarios.customerPolicy("gone"))),
                        Fixtures.REGION, "not read: permissions boundary " + RoleScenarios.customerPolicy("gone") + ROLE_OF_FN),
                arguments("SCPs not read", RoleScenarios.underScps(Fixtures.OrgBuilder::scpsUnknown, r -> r.attached(ADMINISTRATOR_ACCESS)),
                        "global", "SCPs not evaluated: the organisation's SCPs were not read; execution roles judged on their own policies"),
                arguments("Organizations not read", RoleScenarios.orgUnavailable(r -> r),
                        "global", "SCPs not evaluated: Organizations was not read; execution roles judged on their own policies"),
                arguments("everything read", RoleScenarios.role(r -> r.attached(ADMINISTRATOR_ACCESS)), null, null),
                arguments("the management account, which SCPs do not bind",
                        RoleScenarios.inManagementAccount(Fixtures.OrgBuilder::scpsUnknown, r -> r), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesWhatWasNotRead(String name, Snapshot snapshot, String region, String reason) {
        for (Rule rule : List.of(new AdministratorRole(), new ServiceWildcardGrant(), new PrivilegeEscalation())) {
            List<NotEvaluated> expected = reason == null ? List.of()
                    : List.of(new NotEvaluated(rule.meta().id(), OWN, region, reason));
            assertThat(RuleTester.of(rule).notEvaluated(snapshot)).as(rule.meta().id()).isEqualTo(expected);
        }
    }

    @Test
    void everyRoleRuleSaysWhenTheRoleIsNotInIam() {
        Snapshot missing = Scenarios.inOrg(f -> f.roleNotInIam("fn-role"));
        Snapshot present = Scenarios.role(r -> r);
        for (Rule rule : List.of(new AdministratorRole(), new ServiceWildcardGrant(), new PrivilegeEscalation(),
                new MissingPermissionsBoundary(), new StaleExecutionRole(), new ExtraTrustedPrincipal())) {
            assertThat(RuleTester.of(rule).notEvaluated(missing)).as(rule.meta().id()).containsExactly(new NotEvaluated(
                    rule.meta().id(), OWN, Fixtures.REGION, "not read: role 'fn-role' (function 'fn') not in IAM"));
            assertThat(RuleTester.of(rule).notEvaluated(present)).as(rule.meta().id()).isEmpty();
        }
    }
}
